import { type SQL, and, eq, isNull, sql } from 'drizzle-orm';
import type { ChangeClass } from '../../../common/monitoring-values';
import { change, notableChange, notificationSettings, workspace } from '../../db/schema';
import type { DbOrTx } from '../../lib/db/database';

/**
 * The one definition of "worth telling people about": importance at or above the workspace's
 * threshold and a class that is not muted. Live pushes, webhooks, digests and the bell all ask
 * here, so a muted class is quiet everywhere at once.
 */
export interface NoiseRules {
  threshold: number;
  mutedClasses: ChangeClass[];
}

export async function noiseRulesOf(db: DbOrTx, workspaceId: string): Promise<NoiseRules> {
  const [row] = await db
    .select({
      threshold: workspace.changeAlertThreshold,
      mutedClasses: notificationSettings.mutedClasses,
    })
    .from(workspace)
    .leftJoin(notificationSettings, eq(notificationSettings.workspaceId, workspace.id))
    .where(eq(workspace.id, workspaceId));
  return { threshold: row?.threshold ?? 1, mutedClasses: row?.mutedClasses ?? [] };
}

export function isNotable(rules: NoiseRules, c: { class: ChangeClass; importance: number }) {
  return c.importance >= rules.threshold && !rules.mutedClasses.includes(c.class);
}

/**
 * Changes that were notable when detected (see `notableChange`) and are not dismissed since: what
 * the bell and digests list.
 */
export const notableChanges = (): SQL =>
  and(
    isNull(change.dismissedAt),
    sql`exists (select 1 from ${notableChange} where ${notableChange.changeId} = ${change.id})`,
  )!;
