import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AuthResponse } from '../../common/auth';
import type { Role } from '../../common/permissions';

/** A passphrase no common-password list contains. */
export const strongPassword = () => `correct horse ${randomBytes(6).toString('hex')} staple`;
export const uniqueEmail = (label = 'user') =>
  `${label}.${randomBytes(5).toString('hex')}@example.test`;

export interface Account {
  email: string;
  password: string;
  accessToken: string;
  /** The refresh cookie as a Cookie header value. */
  cookie: string;
  auth: AuthResponse;
  headers: { authorization: string };
}

export function refreshCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name.endsWith('ringside_refresh') && c.value);
  if (!cookie) throw new Error(`no refresh cookie in response (${res.statusCode}): ${res.body}`);
  return `${cookie.name}=${cookie.value}`;
}

function accountFrom(res: LightMyRequestResponse, email: string, password: string): Account {
  const auth = res.json<AuthResponse>();
  return {
    email,
    password,
    accessToken: auth.accessToken,
    cookie: refreshCookieOf(res),
    auth,
    headers: { authorization: `Bearer ${auth.accessToken}` },
  };
}

/** A new person with a new workspace they own. Each test makes its own: no shared seed. */
export async function registerOwner(
  app: FastifyInstance,
  overrides: { email?: string; name?: string; workspaceName?: string } = {},
): Promise<Account> {
  const email = overrides.email ?? uniqueEmail('owner');
  const password = strongPassword();
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    remoteAddress: `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
    payload: {
      email,
      password,
      name: overrides.name ?? 'Olivia Owner',
      workspaceName: overrides.workspaceName ?? 'Acme Sales',
    },
  });
  if (res.statusCode !== 201) throw new Error(`register failed ${res.statusCode}: ${res.body}`);
  return accountFrom(res, email, password);
}

/** Invites a new person into `owner`'s workspace with `role` and accepts as them. */
export async function addMember(
  app: FastifyInstance,
  owner: Account,
  role: Role,
  name = 'Max Member',
): Promise<Account> {
  const email = uniqueEmail(role);
  const invite = await app.inject({
    method: 'POST',
    url: '/api/v1/invites',
    headers: owner.headers,
    payload: { email, role },
  });
  if (invite.statusCode !== 201)
    throw new Error(`invite failed ${invite.statusCode}: ${invite.body}`);
  const password = strongPassword();
  const accepted = await app.inject({
    method: 'POST',
    url: '/api/v1/invites/accept',
    remoteAddress: `10.8.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
    payload: { token: invite.json<{ token: string }>().token, name, password },
  });
  if (accepted.statusCode !== 200)
    throw new Error(`accept failed ${accepted.statusCode}: ${accepted.body}`);
  return accountFrom(accepted, email, password);
}

/** Signs an existing account in again (a second device). */
export async function login(
  app: FastifyInstance,
  account: { email: string; password: string },
  workspaceId?: string,
): Promise<Account> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: `10.7.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
    payload: {
      email: account.email,
      password: account.password,
      ...(workspaceId ? { workspaceId } : {}),
    },
  });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
  return accountFrom(res, account.email, account.password);
}
