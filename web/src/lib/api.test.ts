import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as ApiModuleNs from './api';
import type * as ApiErrorModuleNs from './api-error';

type ApiModule = typeof ApiModuleNs;

interface Call {
  url: string;
  method: string;
  authorization: string | null;
  credentials: RequestCredentials | undefined;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const expired = () =>
  json(401, { error: { code: 'unauthenticated', message: 'x', requestId: 'r' } });

/**
 * A fake server: `handler` answers each request; every request is recorded. Refreshes hand out
 * `token-2`, `token-3`, ….
 */
function fakeFetch(handler: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const call: Call = {
      url: input,
      method: init?.method ?? 'GET',
      authorization: headers.get('authorization'),
      credentials: init?.credentials,
    };
    calls.push(call);
    return handler(call);
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

let api: ApiModule;
/** Imported afresh with the api module, so that instanceof holds. */
let errors: typeof ApiErrorModuleNs;

beforeEach(async () => {
  vi.resetModules();
  api = await import('./api');
  errors = await import('./api-error');
  api.session.start('token-1', 900);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiRequest', () => {
  it('sends the access token and same-origin credentials', async () => {
    const calls = fakeFetch(() => json(200, { ok: true }));
    await expect(api.api.get('/api/v1/me')).resolves.toEqual({ ok: true });
    expect(calls).toEqual([
      {
        url: '/api/v1/me',
        method: 'GET',
        authorization: 'Bearer token-1',
        credentials: 'same-origin',
      },
    ]);
  });

  it('refreshes once for concurrent 401s and retries each request with the new token', async () => {
    let refreshes = 0;
    const calls = fakeFetch(async (call) => {
      if (call.url === '/api/v1/auth/refresh') {
        refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return json(200, { accessToken: 'token-2', expiresIn: 900 });
      }
      return call.authorization === 'Bearer token-2' ? json(200, { url: call.url }) : expired();
    });
    const results = await Promise.all([
      api.api.get('/api/v1/members'),
      api.api.get('/api/v1/invites'),
      api.api.get('/api/v1/api-keys'),
    ]);
    expect(results).toEqual([
      { url: '/api/v1/members' },
      { url: '/api/v1/invites' },
      { url: '/api/v1/api-keys' },
    ]);
    expect(refreshes).toBe(1);
    expect(calls.filter((c) => c.url === '/api/v1/auth/refresh')[0]?.credentials).toBe(
      'same-origin',
    );
  });

  it('ends the session when the refresh is refused', async () => {
    fakeFetch((call) =>
      call.url === '/api/v1/auth/refresh'
        ? json(401, { error: { code: 'invalid_refresh_token', message: 'x', requestId: 'r' } })
        : expired(),
    );
    const ended = vi.fn();
    api.onSessionEnded(ended);
    await expect(api.api.get('/api/v1/members')).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledWith('expired');
    expect(api.session.hasToken).toBe(false);
  });

  it('does not refresh for a wrong password or on the auth endpoints', async () => {
    const calls = fakeFetch(() =>
      json(401, { error: { code: 'invalid_credentials', message: 'wrong', requestId: 'r' } }),
    );
    await expect(api.api.post('/api/v1/me/password', {})).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await expect(api.api.post('/api/v1/auth/login', {})).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/me/password', '/api/v1/auth/login']);
  });

  it('retries reads after network failures with backoff, but never a POST', async () => {
    let failures = 2;
    const calls = fakeFetch(() => {
      if (failures-- > 0) throw new TypeError('Failed to fetch');
      return json(200, { ok: true });
    });
    await expect(api.api.get('/api/v1/members')).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(3);

    failures = 1;
    await expect(api.api.post('/api/v1/invites', {})).rejects.toMatchObject({
      code: errors.CLIENT_ERROR_CODES.network,
    });
    expect(calls).toHaveLength(4);
  });

  it('gives up on reads after three attempts', async () => {
    const calls = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.api.get('/api/v1/members')).rejects.toMatchObject({ isUnreachable: true });
    expect(calls).toHaveLength(3);
  });

  it('keeps the message, field problems and Retry-After of an error', async () => {
    fakeFetch(() =>
      json(
        429,
        {
          error: {
            code: 'rate_limited',
            message: 'Try again in 1 minute.',
            details: { fields: [{ path: 'body.email', message: 'is odd' }] },
            requestId: 'r',
          },
        },
        { 'retry-after': '60' },
      ),
    );
    const error = await api.api.post('/api/v1/auth/login', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(errors.ApiError);
    expect(error).toMatchObject({
      status: 429,
      message: 'Try again in 1 minute.',
      retryAfterSeconds: 60,
      fieldProblems: [{ path: 'body.email', message: 'is odd' }],
    });
  });
});
