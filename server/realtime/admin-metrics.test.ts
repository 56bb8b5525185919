import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_METRICS_EVENT, type AdminMetricsData } from '../../common/realtime';
import { type Account, addMember, registerOwner } from '../test/factories';
import { useTestApp } from '../test/test-app';
import { ADMIN_METRICS_CHANNEL } from './admin-metrics';
import { LiveUsage } from './live-usage';
import { type TestSocket, connect } from './realtime.test-support';

const t = useTestApp({ jobs: false });
let base = '';
const open: TestSocket[] = [];

beforeAll(async () => {
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  t.app.adminMetrics.configure(150);
});
afterAll(() => {
  for (const socket of open) socket.ws.terminate();
});

async function join(account: Account) {
  const socket = await connect(base, { token: account.accessToken, origin: t.config.publicUrl });
  open.push(socket);
  return socket;
}

/** The first admin.metrics message on `socket` that satisfies `ok`. */
async function metricsWhere(
  socket: TestSocket,
  ok: (d: AdminMetricsData) => boolean,
  timeoutMs = 10_000,
): Promise<AdminMetricsData> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = socket
      .of(ADMIN_METRICS_EVENT)
      .map((m) => m.data as unknown as AdminMetricsData)
      .find(ok);
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(
        `no matching admin.metrics: ${JSON.stringify(socket.of(ADMIN_METRICS_EVENT).at(-1))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('live admin metrics over /ws', () => {
  it('sends admins and owners their workspace figures every few seconds; never editors or viewers', async () => {
    const owner = await registerOwner(t.app);
    const admin = await addMember(t.app, owner, 'admin');
    const editor = await addMember(t.app, owner, 'editor');
    const viewer = await addMember(t.app, owner, 'viewer');
    const [ownerWs, adminWs, editorWs, viewerWs] = await Promise.all(
      [owner, admin, editor, viewer].map(join),
    );
    for (let i = 0; i < 5; i++) {
      expect((await t.call(editor, 'GET', '/api/v1/competitors')).statusCode).toBe(200);
    }
    const analyzed = await t.call(editor, 'POST', '/api/v1/ai/analyze', {
      content: 'Rival Pro costs $49 per user per month.',
    });
    expect(analyzed.statusCode, analyzed.body).toBe(200);

    const seen = await metricsWhere(
      ownerWs!,
      (d) => d.requestsPerMinute >= 6 && d.aiRequestsPerMinute >= 1,
    );
    expect(seen).toMatchObject({ activeUsers: 4, connectedUsers: 4, processes: 1 });
    expect(seen.avgResponseMs).toBeGreaterThan(0);
    expect(Date.parse(seen.at)).toBeGreaterThan(Date.now() - 60_000);
    const message = ownerWs!.of(ADMIN_METRICS_EVENT).at(-1)!;
    expect(message).toMatchObject({ entity: 'metrics', id: owner.auth.workspace.id });
    await metricsWhere(adminWs!, (d) => d.requestsPerMinute >= 6);

    // Several more intervals: still nothing for the editor or the viewer.
    await new Promise((r) => setTimeout(r, 600));
    expect(editorWs!.of(ADMIN_METRICS_EVENT)).toEqual([]);
    expect(viewerWs!.of(ADMIN_METRICS_EVENT)).toEqual([]);
  });

  it('keeps workspaces apart', async () => {
    const a = await registerOwner(t.app);
    const b = await registerOwner(t.app);
    const [aWs, bWs] = await Promise.all([a, b].map(join));
    for (let i = 0; i < 3; i++) await t.call(a, 'GET', '/api/v1/competitors');
    await metricsWhere(aWs!, (d) => d.requestsPerMinute >= 3);
    const ofB = await metricsWhere(bWs!, () => true);
    expect(ofB.activeUsers).toBe(1);
    expect(bWs!.of(ADMIN_METRICS_EVENT).every((m) => m.id === b.auth.workspace.id)).toBe(true);
    expect(aWs!.of(ADMIN_METRICS_EVENT).every((m) => m.id === a.auth.workspace.id)).toBe(true);
  });

  it('adds up the shares every api process publishes', async () => {
    const owner = await registerOwner(t.app);
    const socket = await join(owner);
    const workspaceId = owner.auth.workspace.id;
    // Another api process's share, as it arrives over pub/sub (Redis at scale).
    const other = setInterval(() => {
      void t.services.pubsub.publish(ADMIN_METRICS_CHANNEL, {
        processId: 'other-api-process',
        at: Date.now(),
        workspaces: { [workspaceId]: { users: ['someone-else'], requests: 40, totalMs: 2_000 } },
      });
    }, 100);
    try {
      const seen = await metricsWhere(socket, (d) => d.processes >= 2 && d.requestsPerMinute >= 40);
      expect(seen.activeUsers).toBe(2);
      expect(seen.avgResponseMs).toBeGreaterThan(0);
    } finally {
      clearInterval(other);
    }
  });
});

describe('LiveUsage', () => {
  it('keeps a minute of request times and five minutes of users', () => {
    const usage = new LiveUsage();
    const t0 = 1_000_000_000_000;
    usage.record('w', 'u1', 10, t0);
    usage.record('w', 'u1', 30, t0 + 500);
    usage.record('w', 'u2', 20, t0 + 2_000);
    expect(usage.shares(t0 + 3_000).get('w')).toEqual({
      users: ['u1', 'u2'],
      requests: 3,
      totalMs: 60,
    });
    // Two minutes on: requests out of the window, users still active.
    expect(usage.shares(t0 + 120_000).get('w')).toEqual({
      users: ['u1', 'u2'],
      requests: 0,
      totalMs: 0,
    });
    // Six minutes on: nobody.
    expect(usage.shares(t0 + 360_000).has('w')).toBe(false);
  });
});
