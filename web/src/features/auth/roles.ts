import { ROLES, hasRole, type Role } from '../../../../common/permissions';

export { ROLES, hasRole, type Role };

export const roleLabel: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  viewer: 'Viewer',
};

/** One line on what the role may do, for role pickers. */
export const roleDescription: Record<Role, string> = {
  owner: 'Everything, including workspace settings and other owners',
  admin: 'Manage members, invites and the audit log',
  editor: 'Create and edit competitors, sources and battlecards',
  viewer: 'Read battlecards and intel',
};

/** Roles someone with `role` may hand out (to a person or an API key): never above their own. */
export function grantableRoles(role: Role): Role[] {
  return ROLES.filter((r) => hasRole(role, r));
}
