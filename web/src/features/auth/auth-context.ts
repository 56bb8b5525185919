import { createContext, use } from 'react';
import type { Permission } from '../../../../common/permissions';
import type { ApiError } from '../../lib/api-error';
import type {
  AcceptInviteInput,
  ChangePasswordInput,
  LoginInput,
  MeResponse,
  RegisterInput,
} from './api';

export type AuthState =
  | { status: 'loading' }
  /** The silent refresh on page load got no answer; the session may still be fine. */
  | { status: 'unreachable'; error: ApiError }
  | {
      status: 'signedOut';
      /** `expired`: the server refused to refresh the session; `signedOut`: the user chose to. */
      reason: 'none' | 'signedOut' | 'expired';
    }
  | { status: 'signedIn'; me: MeResponse };

export interface AuthContextValue {
  state: AuthState;
  /** The caller as /me describes them; undefined unless signed in. */
  me: MeResponse | undefined;
  can: (permission: Permission) => boolean;
  signIn: (input: LoginInput) => Promise<void>;
  signUp: (input: RegisterInput) => Promise<void>;
  acceptInvite: (input: AcceptInviteInput) => Promise<void>;
  signOut: () => Promise<void>;
  switchWorkspace: (workspaceId: string) => Promise<void>;
  changePassword: (input: ChangePasswordInput) => Promise<void>;
  /** Reads /me again, e.g. after the caller's role may have changed. */
  reloadMe: () => Promise<void>;
  /** Tries the silent refresh again after the server was unreachable. */
  retry: () => void;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth() needs an <AuthProvider> above it');
  return value;
}

/** The signed-in caller; only for pages behind <RequireAuth>. */
export function useMe(): MeResponse {
  const { me } = useAuth();
  if (!me) throw new Error('useMe() used outside a signed-in page');
  return me;
}
