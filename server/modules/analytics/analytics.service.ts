import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Overview, Trends, TrendsQuerySchema } from '../../../common/analytics';
import { USAGE_EVENTS } from '../../../common/usage-events';
import type { RequestContext } from '../../lib/context';
import { authorize } from '../auth/auth.policy';
import { winRateOf } from '../competitors/competitors.query';
import { type Period, presentPeriod, resolvePeriod } from './period';

// Typed loosely over both drivers; each returns `{ rows }`.
const rowsOf = async <T extends Record<string, unknown>>(
  ctx: RequestContext,
  query: ReturnType<typeof sql>,
) => ((await ctx.db.execute<T>(query)) as { rows: T[] }).rows;

/** Buckets of the period, every one present (zero when nothing happened), oldest first. */
function bucketSeries(
  ctx: RequestContext,
  p: Period,
  interval: 'day' | 'week',
  counted: ReturnType<typeof sql>,
) {
  const step = interval === 'day' ? sql`interval '1 day'` : sql`interval '1 week'`;
  const unit = sql.raw(`'${interval}'`);
  return rowsOf<{ date: string; count: number }>(
    ctx,
    sql`with counted as (${counted}),
      buckets as (
        select generate_series(date_trunc(${unit}, ${p.from.toISOString()}::timestamptz at time zone 'UTC'),
                               ${p.until.toISOString()}::timestamptz at time zone 'UTC' - interval '1 microsecond',
                               ${step}) as bucket
      )
      select to_char(b.bucket, 'YYYY-MM-DD') as date,
             coalesce(count(c.at), 0)::int as count
        from buckets b
        left join counted c on date_trunc(${unit}, c.at at time zone 'UTC') = b.bucket
       group by b.bucket order by b.bucket`,
  );
}

export async function overview(
  ctx: RequestContext,
  query: { from?: string; to?: string },
): Promise<Overview> {
  authorize(ctx, 'content.read');
  const p = resolvePeriod(query);
  const ws = ctx.workspaceId;
  const from = p.from.toISOString();
  const until = p.until.toISOString();
  const [row] = await rowsOf<Omit<Overview, 'period'>>(
    ctx,
    sql`select
      (select count(*)::int from battlecard where workspace_id = ${ws} and status <> 'archived') as "totalBattlecards",
      (select count(*)::int from battlecard where workspace_id = ${ws} and status = 'published') as "publishedBattlecards",
      (select count(*)::int from competitor c where c.workspace_id = ${ws} and (
         exists (select 1 from evidence e where e.competitor_id = c.id and e.captured_at >= ${from} and e.captured_at < ${until})
         or exists (select 1 from battlecard b where b.competitor_id = c.id and b.content_updated_at >= ${from} and b.content_updated_at < ${until})
         or exists (select 1 from deal d where d.competitor_id = c.id and d.closed_at >= ${from} and d.closed_at < ${until})
      )) as "activeCompetitors",
      (select count(*)::int from event where workspace_id = ${ws} and type = ${USAGE_EVENTS.cardGenerated}
         and created_at >= ${from} and created_at < ${until}) as "aiGenerations",
      (select count(distinct actor_id)::int from event where workspace_id = ${ws} and actor_id is not null
         and created_at >= ${from} and created_at < ${until}) as "activeUsers",
      (select count(*)::int from claim cl join battlecard b on b.id = cl.battlecard_id
         where cl.workspace_id = ${ws} and cl.stale and b.status <> 'archived') as "staleClaims"`,
  );
  return { period: presentPeriod(p), ...row! };
}

export const TREND_RULES = {
  battlecardCreation: 'Battlecards created in each interval (UTC), archived ones included.',
  competitorUpdates:
    'Per competitor, evidence captured in the period (notes, pages, documents, snapshots, feed items), most first; top 20.',
  cardViews:
    'Card opens in each interval; one person opening the same card again within 30 minutes counts once.',
  objectionEffectiveness:
    'From deals closed in the period: an objection is "used" when the deal records a response to it (text or a battlecard objection); effectiveness = deals won / deals where it was used.',
  winRates: 'Deals closed in the period: won / (won + lost); undecided deals are left out.',
};

export async function trends(
  ctx: RequestContext,
  query: z.infer<typeof TrendsQuerySchema>,
): Promise<Trends> {
  authorize(ctx, 'content.read');
  const p = resolvePeriod(query);
  const ws = ctx.workspaceId;
  const from = p.from.toISOString();
  const until = p.until.toISOString();
  const [creation, views, updates, objections, rates] = await Promise.all([
    bucketSeries(
      ctx,
      p,
      query.interval,
      sql`select created_at as at from battlecard where workspace_id = ${ws} and created_at >= ${from} and created_at < ${until}`,
    ),
    bucketSeries(
      ctx,
      p,
      query.interval,
      sql`select created_at as at from event where workspace_id = ${ws} and type = ${USAGE_EVENTS.cardViewed} and created_at >= ${from} and created_at < ${until}`,
    ),
    rowsOf<{ competitorId: string; competitor: string; updates: number }>(
      ctx,
      sql`select c.id as "competitorId", c.name as competitor, count(e.id)::int as updates
            from competitor c join evidence e on e.competitor_id = c.id
           where c.workspace_id = ${ws} and e.captured_at >= ${from} and e.captured_at < ${until}
           group by c.id, c.name order by updates desc, c.name limit 20`,
    ),
    rowsOf<{ category: string; used: number; won: number; markedEffective: number }>(
      ctx,
      sql`select coalesce(cl.text, o.text) as category,
                 count(*)::int as used,
                 count(*) filter (where d.outcome = 'won')::int as won,
                 count(*) filter (where o.effective = true)::int as "markedEffective"
            from deal d
            cross join lateral jsonb_to_recordset(d.objections)
                 as o("claimId" uuid, text text, "responseUsed" text, effective boolean)
            left join claim cl on cl.id = o."claimId" and cl.workspace_id = d.workspace_id
           where d.workspace_id = ${ws} and d.closed_at >= ${from} and d.closed_at < ${until}
             and (o."claimId" is not null or coalesce(o."responseUsed", '') <> '')
           group by 1 order by used desc, category limit 50`,
    ),
    rowsOf<{ competitorId: string; competitor: string; won: number; lost: number }>(
      ctx,
      sql`select c.id as "competitorId", c.name as competitor,
                 count(*) filter (where d.outcome = 'won')::int as won,
                 count(*) filter (where d.outcome = 'lost')::int as lost
            from deal d join competitor c on c.id = d.competitor_id
           where d.workspace_id = ${ws} and d.closed_at >= ${from} and d.closed_at < ${until}
           group by c.id, c.name
          having count(*) filter (where d.outcome in ('won', 'lost')) > 0
           order by count(*) desc, c.name`,
    ),
  ]);
  return {
    period: presentPeriod(p),
    interval: query.interval,
    battlecardCreation: creation,
    competitorUpdates: updates,
    cardViews: views,
    objectionEffectiveness: objections.map((o) => ({
      ...o,
      effectiveness: o.used === 0 ? null : o.won / o.used,
    })),
    winRates: rates.map((r) => ({ ...r, winRate: winRateOf(r.won, r.lost) })),
    rules: TREND_RULES,
  };
}
