import { afterAll, describe, expect, it } from 'vitest';
import type { AuthResponse } from '../../../common/auth';
import type { Source } from '../../../common/monitoring';
import { type LocalServer, startLocalServer } from '../../lib/safe-fetch/test-servers';
import { eventually } from '../../test/harness';
import {
  PUBLIC_URL,
  registerOwner,
  scaleMode,
  scaleProcesses,
} from '../../realtime/scale-processes.test-support';
import { type TestSocket, connect } from '../../realtime/realtime.test-support';

/**
 * Monitoring in scale mode for real: two api processes and one worker on PostgreSQL + Redis.
 * A competitor's page, served on 127.0.0.1, changes its price; the check runs on the worker;
 * its `change.detected` reaches clients of that workspace connected to either api process, and
 * no client of another workspace. Runs when DATABASE_URL and REDIS_URL are set (CI).
 */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

async function call<T>(
  base: string,
  auth: AuthResponse | undefined,
  method: string,
  url: string,
  body?: object,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      origin: PUBLIC_URL,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(auth ? { authorization: `Bearer ${auth.accessToken}` } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
}

const pricing = (price: string) =>
  `<!doctype html><html><head><title>Pricing</title></head><body><main><h1>Pricing</h1>
<p>The Pro plan costs ${price} per user per month.</p><p>SSO on every plan.</p></main></body></html>`;

describe.runIf(scaleMode)('change detection across processes (PostgreSQL + Redis)', () => {
  it("a change the worker detects reaches its workspace's clients on both api processes", async () => {
    const pages = new Map<string, string>([
      ['/a', pricing('$49')],
      ['/b', pricing('$15')],
    ]);
    const site: LocalServer = await startLocalServer((req, res) => {
      const body = pages.get(req.url ?? '');
      if (!body) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(body);
    });
    cleanups.push(() => site.close());
    const scale = await scaleProcesses({ SAFE_FETCH_ALLOW: '127.0.0.1' });
    cleanups.push(() => scale.stopAll());
    const [apiOne, apiTwo] = await Promise.all([
      scale.start('api'),
      scale.start('api'),
      scale.start('worker'),
    ]);

    const a = await registerOwner(apiOne, 'alpha');
    const b = await registerOwner(apiTwo, 'beta');
    const watch = async (base: string, auth: AuthResponse, page: string) => {
      const rival = await call<{ id: string }>(base, auth, 'POST', '/api/v1/competitors', {
        name: `Rival ${page}`,
      });
      expect(rival.status).toBe(201);
      const src = await call<Source>(
        base,
        auth,
        'POST',
        `/api/v1/competitors/${rival.json.id}/sources`,
        {
          url: `${site.origin}${page}`,
        },
      );
      expect(src.status).toBe(201);
      return src.json;
    };
    /** "Check now" through `base`; the worker runs it. Resolves once the source was checked again. */
    const checkNow = async (base: string, auth: AuthResponse, src: Source) => {
      const list = async () =>
        (
          await call<{ items: Source[] }>(
            base,
            auth,
            'GET',
            `/api/v1/competitors/${src.competitorId}/sources`,
          )
        ).json.items[0]!;
      const before = (await list()).lastCheckedAt;
      expect((await call(base, auth, 'POST', `/api/v1/sources/${src.id}/check`)).status).toBe(202);
      return eventually(
        async () => {
          const now = await list();
          return now.lastCheckedAt && now.lastCheckedAt !== before && !now.checking
            ? now
            : undefined;
        },
        60_000,
        'the check on the worker',
      );
    };

    const sourceOfA = await watch(apiOne, a, '/a');
    const sourceOfB = await watch(apiTwo, b, '/b');
    expect((await checkNow(apiOne, a, sourceOfA)).status).toBe('ok');
    expect((await checkNow(apiTwo, b, sourceOfB)).status).toBe('ok');

    const sockets: TestSocket[] = [];
    const join = async (base: string, auth: AuthResponse) => {
      const socket = await connect(base, { token: auth.accessToken, origin: PUBLIC_URL });
      sockets.push(socket);
      return socket;
    };
    cleanups.push(async () => {
      for (const socket of sockets) socket.ws.terminate();
    });
    const aOnOne = await join(apiOne, a);
    const aOnTwo = await join(apiTwo, a);
    const bOnOne = await join(apiOne, b);
    const bOnTwo = await join(apiTwo, b);
    const detected = (socket: TestSocket) =>
      socket.messages.filter((m) => m.type === 'change.detected');

    pages.set('/a', pricing('$59'));
    await checkNow(apiTwo, a, sourceOfA);
    const changes = await call<{ items: { id: string; class: string }[] }>(
      apiOne,
      a,
      'GET',
      '/api/v1/changes',
    );
    expect(changes.json.items).toHaveLength(1);
    const changeOfA = changes.json.items[0]!;
    expect(changeOfA.class).toBe('pricing');
    for (const socket of [aOnOne, aOnTwo]) {
      await eventually(
        async () => (detected(socket).length > 0 ? true : undefined),
        20_000,
        'change.detected on a client of the workspace',
      );
      expect(detected(socket)).toEqual([
        expect.objectContaining({
          type: 'change.detected',
          entity: 'change',
          id: changeOfA.id,
          data: expect.objectContaining({ class: 'pricing', competitorId: sourceOfA.competitorId }),
        }),
      ]);
    }

    // B's change comes after A's on the same worker and pub/sub: once B's clients have it,
    // A's would have reached them too, had it been misrouted.
    pages.set('/b', pricing('$25'));
    await checkNow(apiOne, b, sourceOfB);
    for (const socket of [bOnOne, bOnTwo]) {
      await eventually(
        async () => (detected(socket).length > 0 ? true : undefined),
        20_000,
        'change.detected on a client of the other workspace',
      );
      expect(detected(socket).map((m) => m.id)).not.toContain(changeOfA.id);
      expect(detected(socket)).toHaveLength(1);
    }
    for (const socket of [aOnOne, aOnTwo]) expect(detected(socket)).toHaveLength(1);
  }, 240_000);
});
