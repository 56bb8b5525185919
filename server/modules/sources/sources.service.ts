import * as cheerio from 'cheerio';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateSourceBodySchema,
  PreviewSourceBodySchema,
  Source,
  SourcePreview,
  UpdateSourceBodySchema,
} from '../../../common/monitoring';
import { PERMISSIONS, hasRole } from '../../../common/permissions';
import { change, source } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { DbOrTx } from '../../lib/db/database';
import {
  AppError,
  PG_UNIQUE_VIOLATION,
  badRequest,
  conflict,
  notFound,
  postgresErrorCode,
} from '../../lib/errors';
import { findSafeFetchError } from '../../lib/safe-fetch/errors';
import type { Services } from '../../services';
import { recordAction } from '../audit/audit.service';
import { authorize } from '../auth/auth.policy';
import { comparableText } from '../changes/detect-change';
import { SelectorError } from '../changes/extract-text';
import { FeedError, parseFeed } from '../changes/parse-feed';
import { requireCompetitor } from '../competitors/competitors.service';
import { fetcherFor } from './fetcher';
import { FEED_ACCEPT, sourceCheckJob } from './source-check';

const sourceNotFound = () => notFound('Source', 'source_not_found');
const PREVIEW_CHARS = 4_000;

type SourceRow = typeof source.$inferSelect;

const selection = {
  row: source,
  // Qualified by hand: inside the subquery drizzle writes bare column names, and a bare "id"
  // would be the change's own id (the count was always 0).
  changeCount:
    sql<number>`(select count(*)::int from ${change} c where c.source_id = "source"."id")`.mapWith(
      Number,
    ),
  checking: sql<boolean>`coalesce(${source.checkingUntil} > now(), false)`,
};

function present(
  ctx: RequestContext,
  r: { row: SourceRow; changeCount: number; checking: boolean },
): Source {
  const s = r.row;
  return {
    id: s.id,
    competitorId: s.competitorId,
    kind: s.kind,
    url: s.url,
    label: s.label,
    selector: s.selector,
    ignoreRules: s.ignoreRules,
    intervalMinutes: s.intervalMinutes,
    enabled: s.enabled,
    status: s.status,
    lastError: s.lastError,
    lastErrorCode: s.lastErrorCode,
    consecutiveFailures: s.consecutiveFailures,
    lastCheckedAt: s.lastCheckedAt?.toISOString() ?? null,
    lastChangedAt: s.lastChangedAt?.toISOString() ?? null,
    nextCheckAt: s.nextCheckAt.toISOString(),
    checking: r.checking,
    changeCount: r.changeCount,
    createdAt: s.createdAt.toISOString(),
    canEdit: hasRole(ctx.actor.role, PERMISSIONS['content.edit']),
  };
}

async function readSource(db: DbOrTx, ctx: RequestContext, id: string): Promise<Source> {
  const [row] = await db
    .select(selection)
    .from(source)
    .where(and(eq(source.id, id), eq(source.workspaceId, ctx.workspaceId)));
  if (!row) throw sourceNotFound();
  return present(ctx, row);
}

/** Selectors are parsed here (the shared check only rejects the obviously wrong). */
function checkSelectors(selectors: (string | null | undefined)[]): void {
  const $ = cheerio.load('<p></p>');
  for (const selector of selectors) {
    if (!selector) continue;
    try {
      $(selector);
    } catch {
      throw badRequest('invalid_selector', `"${selector}" is not a valid CSS selector.`);
    }
  }
}

function duplicateOr(err: unknown): unknown {
  return postgresErrorCode(err) === PG_UNIQUE_VIOLATION
    ? conflict('This competitor already watches that address.')
    : err;
}

export async function listSources(ctx: RequestContext, competitorId: string) {
  authorize(ctx, 'content.read');
  await requireCompetitor(ctx.db, ctx, competitorId);
  const rows = await ctx.db
    .select(selection)
    .from(source)
    .where(and(eq(source.competitorId, competitorId), eq(source.workspaceId, ctx.workspaceId)))
    .orderBy(asc(source.createdAt), asc(source.id));
  return { items: rows.map((r) => present(ctx, r)) };
}

export async function createSource(
  ctx: RequestContext,
  competitorId: string,
  input: z.infer<typeof CreateSourceBodySchema>,
): Promise<Source> {
  authorize(ctx, 'content.edit');
  checkSelectors([input.selector, ...input.ignoreRules.selectors]);
  try {
    return await ctx.db.transaction(async (tx) => {
      await requireCompetitor(tx, ctx, competitorId);
      const [row] = await tx
        .insert(source)
        .values({
          workspaceId: ctx.workspaceId,
          competitorId,
          kind: input.kind,
          url: input.url,
          label: input.label,
          selector: input.selector ?? null,
          ignoreRules: input.ignoreRules,
          intervalMinutes: input.intervalMinutes,
          enabled: input.enabled,
          status: input.enabled ? 'pending' : 'disabled',
          createdBy: ctx.actor.userId,
        })
        .returning({ id: source.id });
      await recordAction(tx, ctx, 'source.created', row!.id, { competitorId, url: input.url });
      return readSource(tx, ctx, row!.id);
    });
  } catch (err) {
    throw duplicateOr(err);
  }
}

export async function updateSource(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof UpdateSourceBodySchema>,
): Promise<Source> {
  authorize(ctx, 'content.edit');
  checkSelectors([input.selector, ...(input.ignoreRules?.selectors ?? [])]);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(source)
        .where(and(eq(source.id, id), eq(source.workspaceId, ctx.workspaceId)))
        .for('update');
      if (!current) throw sourceNotFound();
      const enabled = input.enabled ?? current.enabled;
      // A new address or new rules start a new baseline: the old snapshot is not comparable.
      const rebase =
        (input.url !== undefined && input.url !== current.url) ||
        input.selector !== undefined ||
        input.ignoreRules !== undefined;
      await tx
        .update(source)
        .set({
          ...(input.url !== undefined ? { url: input.url } : {}),
          ...(input.label !== undefined ? { label: input.label } : {}),
          ...(input.selector !== undefined ? { selector: input.selector } : {}),
          ...(input.ignoreRules !== undefined ? { ignoreRules: input.ignoreRules } : {}),
          ...(input.intervalMinutes !== undefined
            ? { intervalMinutes: input.intervalMinutes }
            : {}),
          enabled,
          status: !enabled
            ? 'disabled'
            : current.status === 'disabled'
              ? 'pending'
              : current.status,
          ...(enabled && !current.enabled
            ? { nextCheckAt: sql`now()`, consecutiveFailures: 0 }
            : {}),
          ...(rebase ? { contentHash: null, etag: null, lastModified: null } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(source.id, id));
      await recordAction(tx, ctx, 'source.updated', id, { fields: Object.keys(input) });
      return readSource(tx, ctx, id);
    });
  } catch (err) {
    throw duplicateOr(err);
  }
}

/** Its snapshots and changes stay (they are evidence); only the watching stops. */
export async function deleteSource(ctx: RequestContext, id: string): Promise<void> {
  authorize(ctx, 'content.edit');
  await ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(source)
      .where(and(eq(source.id, id), eq(source.workspaceId, ctx.workspaceId)))
      .returning({ url: source.url, competitorId: source.competitorId });
    if (deleted.length === 0) throw sourceNotFound();
    await recordAction(tx, ctx, 'source.deleted', id, deleted[0]);
  });
}

/** Enqueues a check now; pressing twice before it runs gives the same job. */
export async function requestCheck(
  services: Services,
  ctx: RequestContext,
  id: string,
): Promise<{ jobId: string }> {
  authorize(ctx, 'content.edit');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: source.id, lastCheckedAt: source.lastCheckedAt })
      .from(source)
      .where(and(eq(source.id, id), eq(source.workspaceId, ctx.workspaceId)));
    if (!row) throw sourceNotFound();
    const job = await services.jobs.enqueue(
      tx,
      sourceCheckJob,
      { sourceId: id },
      {
        workspaceId: ctx.workspaceId,
        idempotencyKey: `source.check:${id}:manual:${row.lastCheckedAt?.toISOString() ?? 'never'}`,
      },
    );
    return { jobId: job.id };
  });
}

/** The add-source dialog's "test fetch": what would be compared, without storing anything. */
export async function previewSource(
  services: Services,
  ctx: RequestContext,
  competitorId: string,
  input: z.infer<typeof PreviewSourceBodySchema>,
): Promise<SourcePreview> {
  authorize(ctx, 'content.edit');
  await requireCompetitor(ctx.db, ctx, competitorId);
  checkSelectors([input.selector, ...input.ignoreRules.selectors]);
  try {
    const fetched = await fetcherFor(services).fetch(
      input.url,
      input.kind === 'feed' ? { accept: FEED_ACCEPT } : {},
    );
    if (fetched.notModified) throw new Error('unexpected 304 without validators');
    if (input.kind === 'feed') {
      const feed = parseFeed(fetched.body);
      const text = feed.items.map((i) => i.title).join('\n');
      return {
        url: fetched.url,
        title: feed.title,
        contentType: fetched.contentType,
        text: text.slice(0, PREVIEW_CHARS),
        wordCount: text.split(/\s+/).filter(Boolean).length,
        items: feed.items.slice(0, 10).map((i) => ({
          title: i.title,
          url: i.url,
          publishedAt: i.publishedAt?.toISOString() ?? null,
        })),
      };
    }
    const page = comparableText(fetched.body, {
      selector: input.selector ?? null,
      ignoreRules: input.ignoreRules,
    });
    return {
      url: fetched.url,
      title: page.title,
      contentType: fetched.contentType,
      text: page.text.slice(0, PREVIEW_CHARS),
      wordCount: page.text.split(/\s+/).filter(Boolean).length,
      items: [],
    };
  } catch (err) {
    const fetchError = findSafeFetchError(err);
    const reason = fetchError
      ? { code: fetchError.code, message: fetchError.message }
      : err instanceof SelectorError
        ? { code: 'selector', message: err.message }
        : err instanceof FeedError
          ? { code: 'invalid_feed', message: err.message }
          : undefined;
    if (!reason) throw err;
    throw new AppError('fetch_failed', 422, `Could not read that address: ${reason.message}`, {
      reason: reason.code,
    });
  }
}
