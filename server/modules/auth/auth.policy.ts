import { PERMISSIONS, type Permission, type Role, hasRole } from '../../../common/permissions';
import type { RequestContext } from '../../lib/context';
import { forbidden } from '../../lib/errors';

/** The one gate for "may the caller do this here": throws 403 when the role is too low. */
export function authorize(ctx: RequestContext, permission: Permission): void {
  if (!hasRole(ctx.actor.role, PERMISSIONS[permission])) {
    throw forbidden(
      `Your role (${ctx.actor.role}) cannot do that; ask an admin of this workspace.`,
    );
  }
}

/** Whether the caller may give someone `role`: never above their own; owner only by owners. */
export function mayGrant(ctx: RequestContext, role: Role): boolean {
  return hasRole(ctx.actor.role, role);
}
