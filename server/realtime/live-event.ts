import { z } from 'zod';
import { ROLES, type Role, hasRole } from '../../common/permissions';

/**
 * A live event as it travels on the pub/sub EVENTS_CHANNEL between processes. The hub of each
 * api process delivers `{ type, entity, id, data }` to the sockets of `workspaceId` — and, when
 * `visibleTo` is given, only to the people it names or the roles it allows (a private
 * battlecard's owner, admin-only live metrics).
 */
export const LiveEventSchema = z.object({
  type: z.string().min(1).max(100),
  entity: z.string().min(1).max(50),
  id: z.string().min(1).max(200),
  /** null: not about a workspace (a system job); such events reach no client. */
  workspaceId: z.string().min(1).max(100).nullable(),
  data: z.record(z.string(), z.unknown()).default({}),
  visibleTo: z
    .object({
      /** Only these users (e.g. the owner of a private card). */
      userIds: z.array(z.string()).max(1_000).optional(),
      /** Only members with at least this role (e.g. `admin` for live metrics). */
      minRole: z.enum(ROLES).optional(),
    })
    .optional(),
});

export type LiveEvent<D extends Record<string, unknown> = Record<string, unknown>> = Omit<
  z.input<typeof LiveEventSchema>,
  'data' | 'workspaceId'
> & { workspaceId: string | null; data?: D };

export type ParsedLiveEvent = z.output<typeof LiveEventSchema>;

/** Whether a member with `userId` and `role` may receive `event` (workspace checked by the caller). */
export function mayReceive(event: ParsedLiveEvent, userId: string, role: Role): boolean {
  const { visibleTo } = event;
  if (!visibleTo) return true;
  if (visibleTo.userIds && !visibleTo.userIds.includes(userId)) return false;
  if (visibleTo.minRole && !hasRole(role, visibleTo.minRole)) return false;
  return true;
}
