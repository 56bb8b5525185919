import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AcceptInviteBodySchema,
  AuthResponse,
  ChangePasswordBodySchema,
  InvitePreviewSchema,
  LoginBodySchema,
  MeResponse,
  RegisterBodySchema,
} from '../../../../common/auth';
import { api } from '../../lib/api';

export type { AuthResponse, MeResponse };
export type LoginInput = z.input<typeof LoginBodySchema>;
export type RegisterInput = z.input<typeof RegisterBodySchema>;
export type AcceptInviteInput = z.input<typeof AcceptInviteBodySchema>;
export type ChangePasswordInput = z.input<typeof ChangePasswordBodySchema>;
export type InvitePreview = z.output<typeof InvitePreviewSchema>;

/** Same rule as the server's PasswordSchema (common/auth.ts); kept here so zod stays out of the bundle. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const authApi = {
  login: (body: LoginInput) => api.post<AuthResponse>('/api/v1/auth/login', body),
  register: (body: RegisterInput) => api.post<AuthResponse>('/api/v1/auth/register', body),
  logout: () => api.post<undefined>('/api/v1/auth/logout'),
  switchWorkspace: (workspaceId: string) =>
    api.post<AuthResponse>('/api/v1/auth/switch-workspace', { workspaceId }),
  me: () => api.get<MeResponse>('/api/v1/me'),
  changePassword: (body: ChangePasswordInput) =>
    api.post<AuthResponse>('/api/v1/me/password', body),
  previewInvite: (token: string, signal?: AbortSignal) =>
    api.get<InvitePreview>('/api/v1/invites/preview', { query: { token }, signal }),
  acceptInvite: (body: AcceptInviteInput) => api.post<AuthResponse>('/api/v1/invites/accept', body),
};

export const authKeys = {
  invitePreview: (token: string) => ['invites', 'preview', token] as const,
};

/** `enabled: false` once the invite is being accepted: a used invite no longer previews. */
export function useInvitePreview(token: string, enabled = true) {
  return useQuery({
    queryKey: authKeys.invitePreview(token),
    queryFn: ({ signal }) => authApi.previewInvite(token, signal),
    enabled: enabled && token.length > 0,
    staleTime: 60_000,
  });
}
