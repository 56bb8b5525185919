import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CardImpact, CardImpactQuerySchema } from '../../../common/analytics';
import { USAGE_EVENTS } from '../../../common/usage-events';
import type { RequestContext } from '../../lib/context';
import { authorize } from '../auth/auth.policy';
import { winRateOf } from '../competitors/competitors.query';
import { presentPeriod, resolvePeriod } from './period';

type ImpactRow = { viewed: boolean; deals: number; won: number; lost: number };

export const cardImpactRule = (days: number) =>
  `Deals won or lost in the period are split by whether anyone in the workspace opened a battlecard for that deal's competitor in the ${days} days before the deal closed (up to the close). Win rate = won / (won + lost) in each group; undecided deals are left out. This shows association, not proof of cause.`;

/** Win rate of deals whose competitor's card was viewed before close vs deals where it was not. */
export async function cardImpact(
  ctx: RequestContext,
  query: z.infer<typeof CardImpactQuerySchema>,
): Promise<CardImpact> {
  authorize(ctx, 'content.read');
  const p = resolvePeriod(query);
  const window = sql`make_interval(days => ${query.windowDays})`;
  const rows = (
    (await ctx.db.execute<ImpactRow>(sql`
      select viewed, count(*)::int as deals,
             count(*) filter (where outcome = 'won')::int as won,
             count(*) filter (where outcome = 'lost')::int as lost
        from (
          select d.outcome, exists (
                   select 1 from event e
                     join battlecard b on b.id::text = e.entity_id and b.competitor_id = d.competitor_id
                    where e.workspace_id = d.workspace_id
                      and e.type = ${USAGE_EVENTS.cardViewed}
                      and e.created_at > d.closed_at - ${window}
                      and e.created_at <= d.closed_at
                 ) as viewed
            from deal d
           where d.workspace_id = ${ctx.workspaceId}
             and d.outcome in ('won', 'lost')
             and d.closed_at >= ${p.from.toISOString()} and d.closed_at < ${p.until.toISOString()}
        ) deals
       group by viewed`)) as { rows: ImpactRow[] }
  ).rows;
  const group = (viewed: boolean) => {
    const r = rows.find((x) => x.viewed === viewed) ?? { deals: 0, won: 0, lost: 0 };
    return { deals: r.deals, won: r.won, lost: r.lost, winRate: winRateOf(r.won, r.lost) };
  };
  const viewed = group(true);
  const notViewed = group(false);
  return {
    period: presentPeriod(p),
    windowDays: query.windowDays,
    rule: cardImpactRule(query.windowDays),
    viewed,
    notViewed,
    liftPoints:
      viewed.winRate === null || notViewed.winRate === null
        ? null
        : Math.round((viewed.winRate - notViewed.winRate) * 1000) / 10,
  };
}
