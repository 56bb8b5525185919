/** Roles in a workspace, most powerful first. */
export const ROLES = ['owner', 'admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { owner: 4, admin: 3, editor: 2, viewer: 1 };

/** True when `role` is at least as powerful as `minimum`. */
export function hasRole(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/**
 * What each role may do, by name. The server enforces these in policies; the web app reads
 * the caller's list from /me so it never guesses which buttons to show.
 */
export const PERMISSIONS = {
  'workspace.read': 'viewer',
  'content.read': 'viewer',
  'content.edit': 'editor',
  'members.read': 'viewer',
  'members.manage': 'admin',
  'invites.manage': 'admin',
  'apiKeys.manage': 'viewer',
  'audit.read': 'admin',
  'workspace.manage': 'admin',
} as const satisfies Record<string, Role>;
export type Permission = keyof typeof PERMISSIONS;

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasRole(role, PERMISSIONS[p]));
}
