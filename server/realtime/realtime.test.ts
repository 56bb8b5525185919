import { decodeJwt } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../common/realtime';
import { addMember, registerOwner, type Account } from '../test/factories';
import { eventually } from '../test/harness';
import { useTestApp } from '../test/test-app';
import { publishEvent } from './publish';
import { type TestSocket, connect, openSocket, tokenExpiringIn } from './realtime.test-support';

const t = useTestApp({ jobs: false, env: { CORS_ORIGINS: 'https://app.example.test' } });
let base = '';
const open: TestSocket[] = [];

beforeAll(async () => {
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(() => {
  for (const socket of open.splice(0)) socket.ws.terminate();
  t.app.realtime.configure({
    maxConnectionsPerUser: 12,
    messagesPerSecond: 5,
    messageBurst: 20,
    heartbeatMs: 30_000,
    revalidateMs: 15_000,
  });
});

const origin = () => t.config.publicUrl;
async function join(account: Account, extra: { origin?: string } = {}) {
  const socket = await connect(base, { token: account.accessToken, origin: origin(), ...extra });
  open.push(socket);
  return socket;
}
function attempt(options: Parameters<typeof openSocket>[1]) {
  const socket = openSocket(base, options);
  open.push(socket);
  return socket;
}
const claimsOf = (account: Account) => {
  const { sid } = decodeJwt(account.accessToken);
  return {
    userId: account.auth.user.id,
    workspaceId: account.auth.workspace.id,
    sessionId: String(sid),
  };
};
const publish = (workspaceId: string, type: string, extra: object = {}) =>
  publishEvent(t.services, {
    type,
    entity: 'battlecard',
    id: type,
    workspaceId,
    data: { n: 1 },
    ...extra,
  });

describe('/ws handshake', () => {
  it('accepts a member with a valid token in the subprotocol and answers ringside.v1', async () => {
    const owner = await registerOwner(t.app);
    const socket = await join(owner);
    expect(socket.ws.protocol).toBe('ringside.v1');
    const ready = await socket.next('ready');
    expect(ready.data).toMatchObject({
      userId: owner.auth.user.id,
      workspaceId: owner.auth.workspace.id,
      role: 'owner',
    });
    socket.send({ type: 'ping', id: 'p1' });
    expect((await socket.next('pong')).id).toBe('p1');
  });

  it('accepts the configured CORS origins and clients without an Origin', async () => {
    const owner = await registerOwner(t.app);
    await join(owner, { origin: 'https://app.example.test' });
    const script = await connect(base, { token: owner.accessToken });
    open.push(script);
  });

  it.each([
    ['no token', () => ({}), CLOSE_CODES.unauthenticated, 'token_missing'],
    [
      'a garbage token',
      () => ({ token: 'not-a-jwt' }),
      CLOSE_CODES.unauthenticated,
      'token_invalid',
    ],
  ])('rejects %s', async (_what, options, code, reason) => {
    const socket = attempt({ origin: origin(), ...options() });
    expect(await socket.closed).toEqual({ code, reason });
    expect(socket.of('ready')).toEqual([]);
  });

  it('rejects a forged token (signed with another key)', async () => {
    const owner = await registerOwner(t.app);
    const forged = await tokenExpiringIn(t.config, claimsOf(owner), 600, 'x'.repeat(48));
    const socket = attempt({ token: forged, origin: origin() });
    expect(await socket.closed).toEqual({ code: 4401, reason: 'token_invalid' });
  });

  it('rejects an expired token with the code that makes clients refresh', async () => {
    const owner = await registerOwner(t.app);
    const expired = await tokenExpiringIn(t.config, claimsOf(owner), -5);
    const socket = attempt({ token: expired, origin: origin() });
    expect(await socket.closed).toEqual({ code: 4408, reason: 'token_expired' });
  });

  it('rejects a page from another origin, even with a valid token', async () => {
    const owner = await registerOwner(t.app);
    const socket = attempt({ token: owner.accessToken, origin: 'https://evil.example' });
    expect(await socket.closed).toEqual({ code: 4403, reason: 'origin_not_allowed' });
  });

  it('rejects a token for a workspace the person is not a member of', async () => {
    const owner = await registerOwner(t.app);
    const other = await registerOwner(t.app);
    const token = await tokenExpiringIn(
      t.config,
      { ...claimsOf(owner), workspaceId: other.auth.workspace.id },
      600,
    );
    const socket = attempt({ token, origin: origin() });
    expect(await socket.closed).toEqual({ code: 4403, reason: 'not_a_member' });
  });

  it('rejects a disabled member, and closes their open socket when they are disabled', async () => {
    const owner = await registerOwner(t.app);
    const viewer = await addMember(t.app, owner, 'viewer');
    const live = await join(viewer);
    const res = await t.call(owner, 'PATCH', `/api/v1/members/${viewer.auth.user.id}`, {
      status: 'disabled',
    });
    expect(res.statusCode, res.body).toBe(200);
    // Disabling signs them out everywhere: the socket goes at once (no sweep needed).
    const { code } = await live.closed;
    expect([4401, 4403]).toContain(code);
    const again = attempt({ token: viewer.accessToken, origin: origin() });
    expect((await again.closed).code).toBe(4401);
  });

  it('closes sockets whose session was signed out, at the next revalidation', async () => {
    const owner = await registerOwner(t.app);
    const socket = await join(owner);
    t.app.realtime.configure({ revalidateMs: 100 });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...owner.headers, cookie: owner.cookie },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    expect(await socket.closed).toEqual({ code: 4401, reason: 'session_ended' });
  });

  it('closes the socket when the access token expires', async () => {
    const owner = await registerOwner(t.app);
    const token = await tokenExpiringIn(t.config, claimsOf(owner), 1);
    const socket = await connect(base, { token, origin: origin() });
    open.push(socket);
    const started = Date.now();
    expect(await socket.closed).toEqual({ code: 4408, reason: 'token_expired' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('/ws events', () => {
  it('delivers an event only to sockets of its workspace', async () => {
    const a = await registerOwner(t.app);
    const b = await registerOwner(t.app);
    const inA = await join(a);
    const inB = await join(b);
    await publish(a.auth.workspace.id, 'battlecard.updated');
    // A later event to B: once B has it, A's event (published earlier) would have arrived.
    await publish(b.auth.workspace.id, 'fence');
    const got = await inA.next('battlecard.updated');
    expect(got).toEqual({
      type: 'battlecard.updated',
      entity: 'battlecard',
      id: 'battlecard.updated',
      data: { n: 1 },
    });
    expect(Object.keys(got)).not.toContain('workspaceId');
    await inB.next('fence');
    expect(inB.of('battlecard.updated')).toEqual([]);
  });

  it('honours visibleTo: named users only, and a minimum role', async () => {
    const owner = await registerOwner(t.app);
    const editor = await addMember(t.app, owner, 'editor');
    const ws = owner.auth.workspace.id;
    const ownerSocket = await join(owner);
    const editorSocket = await join(editor);
    await publish(ws, 'private.card', { visibleTo: { userIds: [owner.auth.user.id] } });
    await publish(ws, 'admin.metrics', { visibleTo: { minRole: 'admin' } });
    await publish(ws, 'editor.only', { visibleTo: { userIds: [editor.auth.user.id] } });
    await ownerSocket.next('admin.metrics');
    await ownerSocket.next('private.card');
    await editorSocket.next('editor.only');
    expect(editorSocket.of('private.card')).toEqual([]);
    expect(editorSocket.of('admin.metrics')).toEqual([]);
    expect(ownerSocket.of('editor.only')).toEqual([]);
  });

  it('delivers to every tab of one user', async () => {
    const owner = await registerOwner(t.app);
    const tabs = [await join(owner), await join(owner), await join(owner)];
    await publish(owner.auth.workspace.id, 'job.progress');
    for (const tab of tabs) await tab.next('job.progress');
  });

  it('drops malformed events and events without a workspace', async () => {
    const owner = await registerOwner(t.app);
    const socket = await join(owner);
    await t.services.pubsub.publish('events', { type: 'x', workspaceId: owner.auth.workspace.id });
    await t.services.pubsub.publish('events', {
      type: 'y',
      entity: 'job',
      id: '1',
      workspaceId: null,
    });
    await publish(owner.auth.workspace.id, 'fence');
    await socket.next('fence');
    expect(socket.messages.map((m) => m.type)).toEqual(['ready', 'fence']);
  });

  it('publishEvent refuses a malformed event in the publisher', async () => {
    await expect(
      publishEvent(t.services, { type: '', entity: 'job', id: '1', workspaceId: 'w' }),
    ).rejects.toThrow();
  });
});

describe('/ws limits', () => {
  it('closes a client that sends faster than its message rate', async () => {
    t.app.realtime.configure({ messageBurst: 5, messagesPerSecond: 0.01 });
    const owner = await registerOwner(t.app);
    const socket = await join(owner);
    for (let i = 0; i < 10; i++) socket.send({ type: 'ping', id: String(i) });
    expect(await socket.closed).toEqual({ code: 4429, reason: 'rate_limited' });
    expect(socket.of('pong')).toHaveLength(5);
  });

  it('closes a client that sends a message above the payload limit', async () => {
    const owner = await registerOwner(t.app);
    const socket = await join(owner);
    socket.send({ type: 'ping', id: 'x'.repeat(8 * 1024) });
    expect((await socket.closed).code).toBe(1009);
  });

  it('answers an unknown message with an error and keeps the socket', async () => {
    const owner = await registerOwner(t.app);
    const socket = await join(owner);
    socket.send('not json');
    expect((await socket.next('error')).data).toMatchObject({ code: 'unknown_message' });
    socket.send({ type: 'ping' });
    await socket.next('pong');
  });

  it('refuses connections above the per-user maximum', async () => {
    t.app.realtime.configure({ maxConnectionsPerUser: 2 });
    const owner = await registerOwner(t.app);
    await join(owner);
    await join(owner);
    const third = attempt({ token: owner.accessToken, origin: origin() });
    expect(await third.closed).toEqual({ code: 4429, reason: 'too_many_connections' });
  });

  it('drops a socket that stops answering pings', async () => {
    const owner = await registerOwner(t.app);
    const before = t.app.realtime.size;
    const socket = await join(owner);
    expect(t.app.realtime.size).toBe(before + 1);
    t.app.realtime.configure({ heartbeatMs: 100 });
    // A vanished client: its TCP socket stops reading, so it never answers a ping.
    (socket.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    await eventually(async () => (t.app.realtime.size === before ? true : undefined), 3_000);
  });

  it('reports open connections as a Prometheus gauge', async () => {
    const owner = await registerOwner(t.app);
    await join(owner);
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    const line = /^ringside_websocket_connections (\d+)$/m.exec(res.body);
    expect(Number(line?.[1])).toBe(t.app.realtime.size);
    expect(Number(line?.[1])).toBeGreaterThanOrEqual(1);
  });
});

describe('/ws and plain HTTP', () => {
  it('answers a plain GET /ws with 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/ws' });
    expect(res.statusCode).toBe(404);
  });
});
