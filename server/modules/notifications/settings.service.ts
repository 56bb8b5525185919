import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Inbox,
  NotificationPreferences,
  NotificationSettings,
  UpdateNotificationPreferencesBodySchema,
  UpdateNotificationSettingsBodySchema,
} from '../../../common/notifications';
import {
  change,
  changeRead,
  competitor,
  notificationPreference,
  notificationSettings,
  workspace,
} from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import type { Services } from '../../services';
import { recordAction } from '../audit/audit.service';
import { authorize } from '../auth/auth.policy';
import { notableChanges, noiseRulesOf } from './noise-rules';

/** Noise rules of the workspace (admins change them) and each person's digest choice. */

export async function getNotificationSettings(ctx: RequestContext): Promise<NotificationSettings> {
  authorize(ctx, 'content.read');
  const rules = await noiseRulesOf(ctx.db, ctx.workspaceId);
  return { changeAlertThreshold: rules.threshold, mutedClasses: rules.mutedClasses };
}

export async function updateNotificationSettings(
  ctx: RequestContext,
  input: z.infer<typeof UpdateNotificationSettingsBodySchema>,
): Promise<NotificationSettings> {
  authorize(ctx, 'workspace.manage');
  await ctx.db.transaction(async (tx) => {
    if (input.changeAlertThreshold !== undefined) {
      await tx
        .update(workspace)
        .set({ changeAlertThreshold: input.changeAlertThreshold })
        .where(eq(workspace.id, ctx.workspaceId));
    }
    if (input.mutedClasses !== undefined) {
      await tx
        .insert(notificationSettings)
        .values({ workspaceId: ctx.workspaceId, mutedClasses: input.mutedClasses })
        .onConflictDoUpdate({
          target: notificationSettings.workspaceId,
          set: { mutedClasses: input.mutedClasses, updatedAt: sql`now()` },
        });
    }
    await recordAction(tx, ctx, 'notifications.settings_updated', ctx.workspaceId, input);
  });
  return getNotificationSettings(ctx);
}

export async function getPreferences(
  services: Services,
  ctx: RequestContext,
): Promise<NotificationPreferences> {
  authorize(ctx, 'content.read');
  const [row] = await ctx.db
    .select()
    .from(notificationPreference)
    .where(
      and(
        eq(notificationPreference.workspaceId, ctx.workspaceId),
        eq(notificationPreference.userId, ctx.actor.userId),
      ),
    );
  return {
    digestFrequency: row?.digestFrequency ?? 'daily',
    digestEmail: row?.digestEmail ?? false,
    emailAvailable: services.config.smtp !== undefined,
  };
}

export async function updatePreferences(
  services: Services,
  ctx: RequestContext,
  input: z.infer<typeof UpdateNotificationPreferencesBodySchema>,
): Promise<NotificationPreferences> {
  authorize(ctx, 'content.read');
  const current = await getPreferences(services, ctx);
  const next = {
    digestFrequency: input.digestFrequency ?? current.digestFrequency,
    digestEmail: input.digestEmail ?? current.digestEmail,
  };
  await ctx.db
    .insert(notificationPreference)
    .values({ workspaceId: ctx.workspaceId, userId: ctx.actor.userId, ...next })
    .onConflictDoUpdate({
      target: [notificationPreference.workspaceId, notificationPreference.userId],
      set: { ...next, updatedAt: sql`now()` },
    });
  return getPreferences(services, ctx);
}

const INBOX_SIZE = 20;

/** The bell: my unread changes that passed the noise rules, and how many there are. */
export async function getInbox(ctx: RequestContext): Promise<Inbox> {
  authorize(ctx, 'content.read');
  const unread = sql`not exists (select 1 from ${changeRead} where ${changeRead.changeId} = ${change.id}
    and ${changeRead.userId} = ${ctx.actor.userId})`;
  const where = and(eq(change.workspaceId, ctx.workspaceId), notableChanges(), unread);
  const [rows, [counted]] = await Promise.all([
    ctx.db
      .select({ change, competitorName: competitor.name })
      .from(change)
      .innerJoin(competitor, eq(competitor.id, change.competitorId))
      .where(where)
      .orderBy(desc(change.detectedAt), desc(change.id))
      .limit(INBOX_SIZE),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(change)
      .where(where),
  ]);
  return {
    unreadCount: counted?.n ?? 0,
    items: rows.map((r) => ({
      id: r.change.id,
      competitor: { id: r.change.competitorId, name: r.competitorName },
      class: r.change.class,
      importance: r.change.importance,
      summary: r.change.summary,
      url: r.change.url,
      detectedAt: r.change.detectedAt.toISOString(),
    })),
  };
}
