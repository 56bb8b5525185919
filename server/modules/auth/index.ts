import type { Module } from '../module';
import { apiKeyRoutes } from '../api-keys/api-keys.routes';
import { auditRoutes } from '../audit/audit.routes';
import { inviteRoutes } from '../workspaces/invites.routes';
import { InviteService } from '../workspaces/invites.service';
import { memberRoutes } from '../workspaces/members.routes';
import { authRoutes } from './auth.routes';
import { AuthService } from './auth.service';

/** Accounts, workspaces, members, invites, API keys and the audit log. */
export const accountsModule: Module = {
  name: 'accounts',
  routes(app, services) {
    const auth = new AuthService(services, services.tokens);
    authRoutes(app, services, auth);
    memberRoutes(app, services);
    inviteRoutes(app, services, new InviteService(services, auth));
    apiKeyRoutes(app, services);
    auditRoutes(app);
  },
};
