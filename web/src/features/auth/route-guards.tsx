import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { useAuth } from './auth-context';
import { FullPageStatus } from './components/full-page-status';

/**
 * Where to go after signing in: only a path on this site (`/x`), never another origin
 * (`//evil.example`, `https://…`), and never back to the auth pages themselves.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/^\/(sign-in|sign-up)(?:[/?#]|$)/.test(next)) return '/';
  return next;
}

export function signInPath(next?: string): string {
  const target = next ? safeNextPath(next) : '/';
  return target === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(target)}`;
}

/** Pages for signed-in people; everyone else goes to sign-in and comes back afterwards. */
export function RequireAuth() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading' || state.status === 'unreachable') return <FullPageStatus />;
  if (state.status === 'signedOut') {
    // After choosing to sign out, start from Home next time rather than where they left.
    const next =
      state.reason === 'signedOut'
        ? undefined
        : `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={signInPath(next)} replace />;
  }
  return <Outlet />;
}

/** Sign-in and sign-up: someone already signed in goes where they were heading, or Home. */
export function PublicOnly() {
  const { state } = useAuth();
  const [params] = useSearchParams();
  if (state.status === 'loading' || state.status === 'unreachable') return <FullPageStatus />;
  if (state.status === 'signedIn')
    return <Navigate to={safeNextPath(params.get('next'))} replace />;
  return <Outlet />;
}
