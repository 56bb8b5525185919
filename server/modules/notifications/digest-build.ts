import { and, asc, desc, eq, gte, inArray, lt, max } from 'drizzle-orm';
import { z } from 'zod';
import type { DigestChange } from '../../../common/notifications';
import {
  change,
  competitor,
  digest,
  membership,
  notificationPreference,
  user,
  workspace,
} from '../../db/schema';
import type { DbOrTx } from '../../lib/db/database';
import { defineJob } from '../../lib/jobs/job-kind';
import type { ScheduledTask } from '../../lib/scheduler';
import type { Services } from '../../services';
import { emailAvailable, sendDigestMail } from './digest-mail';
import { type DigestPeriod, lastCompletePeriod } from './digest-period';
import { changeLink } from './enqueue-notifications';
import { notableChanges } from './noise-rules';

/** Changes listed in one digest at most; the rest are a click away. */
const DIGEST_MAX_CHANGES = 50;
/** How often the scheduler looks for periods to build (cheap when there is nothing to do). */
export const DIGEST_SCAN_EVERY_MS = 15 * 60 * 1000;

/** The changes of a digest as people see them (rows deleted since then drop out). */
export async function digestChanges(db: DbOrTx, ids: string[]): Promise<DigestChange[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ change, competitorName: competitor.name })
    .from(change)
    .innerJoin(competitor, eq(competitor.id, change.competitorId))
    .where(inArray(change.id, ids))
    .orderBy(desc(change.importance), desc(change.detectedAt));
  return rows.map((r) => ({
    id: r.change.id,
    competitor: { id: r.change.competitorId, name: r.competitorName },
    class: r.change.class,
    importance: r.change.importance,
    summary: r.change.summary,
    url: r.change.url,
    detectedAt: r.change.detectedAt.toISOString(),
  }));
}

/** E-mails one built digest; idempotent (only a `pending` digest is sent). */
export const digestEmailJob = defineJob({
  name: 'digest.email',
  payload: z.object({ digestId: z.uuid() }),
  retryLimit: 4,
  retryDelaySeconds: 60,
  expireInSeconds: 5 * 60,
  handler: async ({ digestId }, ctx) => {
    const { db } = ctx.services.database;
    const [row] = await db
      .select({
        digest,
        email: user.email,
        name: user.name,
        workspaceName: workspace.name,
      })
      .from(digest)
      .innerJoin(user, eq(user.id, digest.userId))
      .innerJoin(workspace, eq(workspace.id, digest.workspaceId))
      .where(eq(digest.id, digestId));
    if (!row || row.digest.emailStatus !== 'pending') return { sent: false };
    const d = row.digest;
    const services = ctx.services;
    try {
      await sendDigestMail(services, {
        to: row.email,
        recipientName: row.name,
        workspaceName: row.workspaceName,
        frequency: d.frequency,
        periodLabel: periodLabel(d.frequency, d.periodStart, d.periodEnd),
        changes: await digestChanges(db, d.changeIds),
        linkOf: (id) => changeLink(services, id),
        digestLink: `${services.config.publicUrl}/settings/notifications?digest=${d.id}`,
      });
    } catch (err) {
      const final = ctx.attempt > digestEmailJob.retryLimit;
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      await db
        .update(digest)
        .set(final ? { emailStatus: 'failed', emailError: message } : { emailError: message })
        .where(eq(digest.id, digestId));
      throw err;
    }
    await db
      .update(digest)
      .set({ emailStatus: 'sent', emailError: null, emailedAt: new Date() })
      .where(eq(digest.id, digestId));
    return { sent: true };
  },
});

export function periodLabel(frequency: 'daily' | 'weekly', start: Date, end: Date): string {
  const day = (d: Date) =>
    d.toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  if (frequency === 'daily') return `on ${day(start)}`;
  return `in the week ${day(start)} – ${day(new Date(end.getTime() - 1))}`;
}

/**
 * Builds every due digest of the last complete period. Each person's digest holds the notable
 * changes (those that passed the noise rules when detected) from the end of their previous digest, or the start of
 * the period, to the end of the period. The unique (workspace, user, period) key makes a second
 * run — or a second scheduler — a no-op. Empty periods store nothing. Returns digests built.
 */
export async function buildDigests(services: Services, now = new Date()): Promise<number> {
  const { db } = services.database;
  const people = await db
    .select({
      workspaceId: membership.workspaceId,
      userId: membership.userId,
      frequency: notificationPreference.digestFrequency,
      email: notificationPreference.digestEmail,
    })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .leftJoin(
      notificationPreference,
      and(
        eq(notificationPreference.workspaceId, membership.workspaceId),
        eq(notificationPreference.userId, membership.userId),
      ),
    )
    .where(and(eq(membership.status, 'active'), eq(user.status, 'active')))
    .orderBy(asc(membership.workspaceId));
  const periods = {
    daily: lastCompletePeriod('daily', now),
    weekly: lastCompletePeriod('weekly', now),
  };
  let built = 0;
  for (const person of people) {
    // No preference row = the default: daily, in-app only.
    const frequency = person.frequency ?? 'daily';
    if (frequency === 'none') continue;
    const made = await buildOne(
      services,
      periods[frequency],
      person.workspaceId,
      person.userId,
      person.email === true,
    );
    if (made) built++;
  }
  return built;
}

async function buildOne(
  services: Services,
  period: DigestPeriod,
  workspaceId: string,
  userId: string,
  email: boolean,
): Promise<boolean> {
  const { db } = services.database;
  const [previous] = await db
    .select({ end: max(digest.periodEnd) })
    .from(digest)
    .where(and(eq(digest.workspaceId, workspaceId), eq(digest.userId, userId)));
  const since =
    previous?.end && previous.end.getTime() > period.start.getTime() ? previous.end : period.start;
  if (since.getTime() >= period.end.getTime()) return false;
  const rows = await db
    .select({ id: change.id })
    .from(change)
    .where(
      and(
        eq(change.workspaceId, workspaceId),
        notableChanges(),
        gte(change.detectedAt, since),
        lt(change.detectedAt, period.end),
      ),
    )
    .orderBy(desc(change.importance), desc(change.detectedAt))
    .limit(DIGEST_MAX_CHANGES);
  if (rows.length === 0) return false;
  const sendMail = email && emailAvailable(services);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(digest)
      .values({
        workspaceId,
        userId,
        frequency: period.frequency,
        periodKey: period.key,
        periodStart: since,
        periodEnd: period.end,
        changeIds: rows.map((r) => r.id),
        emailStatus: sendMail ? 'pending' : 'off',
      })
      .onConflictDoNothing()
      .returning({ id: digest.id });
    if (!created) return false;
    if (sendMail) {
      await services.jobs.enqueue(
        tx,
        digestEmailJob,
        { digestId: created.id },
        { workspaceId, idempotencyKey: `digest.email:${created.id}` },
      );
    }
    return true;
  });
}

export function digestTasks(services: Services): ScheduledTask[] {
  return [
    {
      name: 'notifications.digests',
      everyMs: DIGEST_SCAN_EVERY_MS,
      run: async () => {
        const count = await buildDigests(services);
        if (count > 0) services.log.info({ count }, 'digests built');
      },
    },
  ];
}
