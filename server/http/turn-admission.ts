import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Starts waiting requests a few per event-loop turn, so a saturated server keeps accepting.
 *
 * libuv accepts one connection per loop turn (libuv PR #3696, in Node 20), and a turn runs every
 * request whose bytes arrived. With hundreds of busy keep-alive connections a turn takes up to
 * a second, so new connections waited in the kernel's accept queue until clients gave up: the
 * load drill saw ~500 of 1000 connections unserved for 10 s while the others were answered in
 * under 2 s. Starting at most `perTurn` requests per turn keeps turns short; accepting, reading
 * and answering then share the loop fairly. Health checks skip the line, so a load balancer is
 * not told that a busy server is dead; requests whose client has already hung up are dropped.
 */
export function registerTurnAdmission(app: FastifyInstance, perTurn: number): void {
  if (perTurn <= 0) return;
  let waiting: { request: FastifyRequest; reply: FastifyReply; start: () => void }[] = [];
  let head = 0;
  let scheduled = false;

  const pump = () => {
    scheduled = false;
    let started = 0;
    while (started < perTurn && head < waiting.length) {
      const next = waiting[head]!;
      waiting[head++] = undefined as never;
      if (next.request.raw.socket?.destroyed) {
        // The client timed out or went away while queued: no work for an answer nobody reads.
        void next.reply.hijack();
        next.request.raw.socket?.destroy();
        continue;
      }
      next.start();
      started++;
    }
    if (head === waiting.length) {
      waiting = [];
      head = 0;
    } else if (head > 1024 && head * 2 > waiting.length) {
      waiting = waiting.slice(head);
      head = 0;
    }
    if (head < waiting.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };

  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.startsWith('/health')) return done();
    waiting.push({ request, reply, start: () => done() });
    schedule();
  });
}
