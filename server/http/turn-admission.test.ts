import net from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerTurnAdmission } from './turn-admission';

/** Counts event-loop turns, so a test can see in which turn each request started. */
function turnCounter() {
  const state = { turn: 0, running: true };
  const tick = () => {
    state.turn++;
    if (state.running) setImmediate(tick);
  };
  setImmediate(tick);
  return state;
}

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function appWith(perTurn: number) {
  const turns = turnCounter();
  const startedIn: Record<string, number> = {};
  const arrived = new Set<string>();
  app = Fastify();
  app.addHook('onRequest', (request, _reply, done) => {
    arrived.add(request.url);
    done();
  });
  registerTurnAdmission(app, perTurn);
  app.get('/work/:id', (request) => {
    const { id } = request.params as { id: string };
    startedIn[id] = turns.turn;
    // Requests of the queue in front take a couple of milliseconds each, like real ones.
    const until = performance.now() + (id.startsWith('slow') ? 2 : 0);
    while (performance.now() < until);
    return { ok: true };
  });
  app.get('/health/live', () => {
    startedIn.health = turns.turn;
    return { ok: true };
  });
  app.addHook('onClose', (_app, done) => {
    turns.running = false;
    done();
  });
  await app.ready();
  return { app, startedIn, arrived };
}

describe('turn admission', () => {
  it('starts at most the configured number of requests per event-loop turn', async () => {
    const { app, startedIn } = await appWith(2);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => app.inject({ url: `/work/${i}` })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const perTurn = new Map<number, number>();
    for (const turn of Object.values(startedIn)) perTurn.set(turn, (perTurn.get(turn) ?? 0) + 1);
    expect(Math.max(...perTurn.values())).toBe(2);
    expect(perTurn.size).toBe(3);
    // First come, first started.
    expect(startedIn['0']).toBeLessThanOrEqual(startedIn['5']!);
  });

  it('lets health checks skip the line', async () => {
    const { app, startedIn } = await appWith(1);
    const work = Array.from({ length: 5 }, (_, i) => app.inject({ url: `/work/${i}` }));
    await app.inject({ url: '/health/live' });
    await Promise.all(work);
    expect(startedIn.health).toBeLessThan(startedIn['4']!);
  });

  it('starts everything at once when switched off (0)', async () => {
    const { app, startedIn } = await appWith(0);
    await Promise.all(Array.from({ length: 4 }, (_, i) => app.inject({ url: `/work/${i}` })));
    expect(new Set(Object.values(startedIn)).size).toBe(1);
  });

  it('drops a queued request whose client hung up, and keeps serving', async () => {
    const { app, startedIn, arrived } = await appWith(1);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as net.AddressInfo).port;
    // A queue in front, then a client that sends a request and leaves before its turn.
    const ahead = Array.from({ length: 20 }, (_, i) => app.inject({ url: `/work/slow${i}` }));
    const gone = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => gone.once('connect', resolve));
    gone.write('GET /work/gone HTTP/1.1\r\nhost: x\r\n\r\n');
    while (!arrived.has('/work/gone')) await new Promise((resolve) => setTimeout(resolve, 1));
    gone.destroy();
    await Promise.all(ahead);
    const after = await fetch(`http://127.0.0.1:${port}/work/after`);
    expect(after.status).toBe(200);
    expect(startedIn.gone).toBeUndefined();
    expect(startedIn.after).toBeDefined();
  });
});
