import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Permission } from '../../../../common/permissions';
import { onSessionEnded, refreshSession, session } from '../../lib/api';
import { ApiError } from '../../lib/api-error';
import { authApi, type AuthResponse, type MeResponse } from './api';
import { AuthContext, type AuthContextValue, type AuthState } from './auth-context';

/** How stale /me may get before a tab coming back into view reads it again. */
const ME_REVALIDATE_MS = 30_000;

function initialState(): AuthState {
  return session.hasToken || session.probablyHasCookie()
    ? { status: 'loading' }
    : { status: 'signedOut', reason: 'none' };
}

/**
 * Owns the signed-in state: the silent refresh on page load, sign-in/up/out, workspace
 * switching, and reacting when the API client reports that the session has ended.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>(initialState);
  const [bootAttempt, setBootAttempt] = useState(0);
  const meLoadedAt = useRef(0);

  const signedIn = useCallback((me: MeResponse) => {
    meLoadedAt.current = Date.now();
    setState({ status: 'signedIn', me });
  }, []);

  // Page load: exchange the refresh cookie (if any) for an access token, then read /me.
  const booting = state.status === 'loading';
  useEffect(() => {
    if (!booting) return;
    let cancelled = false;
    void (async () => {
      try {
        const refreshed = session.hasToken || (await refreshSession());
        if (cancelled) return;
        if (!refreshed) {
          setState({ status: 'signedOut', reason: 'none' });
          return;
        }
        const me = await authApi.me();
        if (!cancelled) signedIn(me);
      } catch (error) {
        if (cancelled) return;
        if (error instanceof ApiError && error.isUnreachable) {
          setState({ status: 'unreachable', error });
        } else {
          session.clear();
          setState({ status: 'signedOut', reason: 'none' });
        }
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [booting, bootAttempt, signedIn]);

  // The API client gave up refreshing: everything cached belonged to the old session.
  useEffect(
    () =>
      onSessionEnded(() => {
        setState({ status: 'signedOut', reason: 'expired' });
        queryClient.clear();
      }),
    [queryClient],
  );

  /** Adopts a new session (sign-in, sign-up, invite, workspace switch) and forgets the old data. */
  const establish = useCallback(
    async (auth: AuthResponse) => {
      session.start(auth.accessToken, auth.expiresIn);
      const me = await authApi.me();
      queryClient.clear();
      signedIn(me);
    },
    [queryClient, signedIn],
  );

  const reloadMe = useCallback(async () => {
    const me = await authApi.me();
    setState((current) => (current.status === 'signedIn' ? { status: 'signedIn', me } : current));
    meLoadedAt.current = Date.now();
  }, []);

  // Roles change while a tab sits in the background; read /me again when it comes back.
  const isSignedIn = state.status === 'signedIn';
  useEffect(() => {
    if (!isSignedIn) return;
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      if (Date.now() - meLoadedAt.current < ME_REVALIDATE_MS) return;
      reloadMe().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [isSignedIn, reloadMe]);

  const value = useMemo<AuthContextValue>(() => {
    const me = state.status === 'signedIn' ? state.me : undefined;
    return {
      state,
      me,
      can: (permission: Permission) => me?.permissions.includes(permission) ?? false,
      signIn: async (input) => establish(await authApi.login(input)),
      signUp: async (input) => establish(await authApi.register(input)),
      acceptInvite: async (input) => establish(await authApi.acceptInvite(input)),
      switchWorkspace: async (workspaceId) => establish(await authApi.switchWorkspace(workspaceId)),
      changePassword: async (input) => {
        // Other sessions end; this one continues with the token the answer carries.
        const auth = await authApi.changePassword(input);
        session.start(auth.accessToken, auth.expiresIn);
      },
      signOut: async () => {
        try {
          await authApi.logout();
        } catch {
          // Signed out here either way; the refresh cookie expires on its own.
        }
        session.clear();
        queryClient.clear();
        setState({ status: 'signedOut', reason: 'signedOut' });
      },
      reloadMe,
      retry: () => {
        setState({ status: 'loading' });
        setBootAttempt((n) => n + 1);
      },
    };
  }, [state, establish, queryClient, reloadMe]);

  return <AuthContext value={value}>{children}</AuthContext>;
}
