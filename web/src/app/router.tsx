import { Navigate, Outlet, ScrollRestoration, createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/account-page';
import { ApiKeysPage } from '../features/api-keys/api-keys-page';
import { AuditPage } from '../features/audit/audit-page';
import { AcceptInvitePage } from '../features/auth/accept-invite-page';
import { AuthProvider } from '../features/auth/auth-provider';
import { AuthLayout } from '../features/auth/components/auth-layout';
import { PublicOnly, RequireAuth } from '../features/auth/route-guards';
import { SignInPage } from '../features/auth/sign-in-page';
import { SignUpPage } from '../features/auth/sign-up-page';
import { AnalyticsPage } from '../features/analytics/analytics-page';
import { battlecardRoutes } from '../features/battlecards/routes';
import { competitorRoutes } from '../features/competitors/routes';
import { DocumentsPage } from '../features/documents/documents-page';
import { HomePage } from '../features/home/home-page';
import { MembersPage } from '../features/members/members-page';
import { NotFoundPage } from '../features/not-found/not-found-page';
import { NotificationsPage } from '../features/notifications/notifications-page';
import { AppLayout } from './app-layout';
import { RouteErrorPage } from './route-error-page';

/** The session lives inside the router so it can send people to sign-in and back. */
function AuthRoot() {
  return (
    <AuthProvider>
      <Outlet />
      {/* A new page starts at the top; Back returns to where you were. */}
      <ScrollRestoration />
    </AuthProvider>
  );
}

export const router = createBrowserRouter([
  {
    element: <AuthRoot />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <AuthLayout />,
        children: [
          {
            element: <PublicOnly />,
            children: [
              { path: 'sign-in', element: <SignInPage /> },
              { path: 'sign-up', element: <SignUpPage /> },
            ],
          },
          // Open signed in or out: accepting signs in as the invited account.
          { path: 'accept-invite', element: <AcceptInvitePage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomePage /> },
              ...competitorRoutes,
              ...battlecardRoutes,
              { path: 'analytics', element: <AnalyticsPage /> },
              { path: 'documents', element: <DocumentsPage /> },
              { path: 'settings', element: <Navigate to="/settings/account" replace /> },
              { path: 'settings/members', element: <MembersPage /> },
              { path: 'settings/api-keys', element: <ApiKeysPage /> },
              { path: 'settings/account', element: <AccountPage /> },
              { path: 'settings/audit', element: <AuditPage /> },
              { path: 'settings/notifications', element: <NotificationsPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
