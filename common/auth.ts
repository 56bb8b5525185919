import { z } from 'zod';
import { PERMISSIONS, ROLES } from './permissions';

export const RoleSchema = z.enum(ROLES);
export const PermissionSchema = z.enum(Object.keys(PERMISSIONS) as [keyof typeof PERMISSIONS]);

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }))
  .transform((e) => e.toLowerCase());
/** Length only: long passphrases beat composition rules. Common ones are refused by the server. */
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);
export const PersonNameSchema = z.string().trim().min(1, 'is required').max(100);
export const WorkspaceNameSchema = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(80);

export const RegisterBodySchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  name: PersonNameSchema,
  workspaceName: WorkspaceNameSchema,
});
export const LoginBodySchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(PASSWORD_MAX),
  workspaceId: z.uuid().optional(),
});
export const SwitchWorkspaceBodySchema = z.strictObject({ workspaceId: z.uuid() });
export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: PasswordSchema,
});

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof UserSchema>;

export const WorkspaceSchema = z.object({ id: z.uuid(), name: z.string() });

export const AuthResponseSchema = z.object({
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  user: UserSchema,
  workspace: WorkspaceSchema,
  role: RoleSchema,
});
export type AuthResponse = z.infer<typeof AuthResponseSchema>;

export const RefreshResponseSchema = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int(),
});

export const MembershipSummarySchema = z.object({
  workspace: WorkspaceSchema,
  role: RoleSchema,
});

export const MeResponseSchema = z.object({
  user: UserSchema,
  workspace: WorkspaceSchema,
  role: RoleSchema,
  permissions: z.array(PermissionSchema),
  memberships: z.array(MembershipSummarySchema),
  /** How this request was authenticated. */
  via: z.enum(['session', 'api_key']),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const MemberSchema = z.object({
  user: UserSchema,
  role: RoleSchema,
  status: z.enum(['active', 'disabled']),
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof MemberSchema>;
export const MemberListSchema = z.object({ items: z.array(MemberSchema) });
export const UpdateMemberBodySchema = z
  .strictObject({ role: RoleSchema.optional(), status: z.enum(['active', 'disabled']).optional() })
  .refine((b) => b.role !== undefined || b.status !== undefined, 'give a role or a status');

export const InviteSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: RoleSchema,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  invitedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type Invite = z.infer<typeof InviteSchema>;
export const InviteListSchema = z.object({ items: z.array(InviteSchema) });
export const CreateInviteBodySchema = z.strictObject({ email: EmailSchema, role: RoleSchema });
/** The link is shown once: email delivery is optional, so the inviter passes it on. */
export const CreatedInviteSchema = z.object({
  invite: InviteSchema,
  inviteUrl: z.string(),
  token: z.string(),
});
export const InvitePreviewSchema = z.object({
  workspace: WorkspaceSchema,
  email: z.string(),
  role: RoleSchema,
  invitedBy: z.string().nullable(),
  expiresAt: z.iso.datetime(),
  /** Whether the invited email already has an account (then the password is that account's). */
  accountExists: z.boolean(),
});
export const AcceptInviteBodySchema = z.strictObject({
  token: z.string().min(20).max(200),
  /** For a new account: the name to show. Ignored when the email already has an account. */
  name: PersonNameSchema.optional(),
  password: z.string().min(1).max(PASSWORD_MAX),
});

export const ApiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: RoleSchema,
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;
export const ApiKeyListSchema = z.object({ items: z.array(ApiKeySchema) });
export const CreateApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  /** At most the creator's own role; defaults to it. */
  role: RoleSchema.optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const CreatedApiKeySchema = z.object({
  apiKey: ApiKeySchema,
  /** The key itself, shown only in this response. */
  secret: z.string(),
});

export const AuditEventSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  actor: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  data: z.unknown(),
  createdAt: z.iso.datetime(),
});
export const AuditEventListSchema = z.object({
  items: z.array(AuditEventSchema),
  nextCursor: z.string().nullable(),
});
