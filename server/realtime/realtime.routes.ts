import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Gauge } from 'prom-client';
import { REALTIME_PROTOCOL } from '../../common/realtime';
import type { Services } from '../services';
import { handleClientMessage } from './client-messages';
import { MAX_CLIENT_MESSAGE_BYTES } from './connection';
import { type HandshakeResult, allowedOrigins, authenticateHandshake } from './handshake';
import { AdminMetrics } from './admin-metrics';
import { RealtimeHub } from './hub';

declare module 'fastify' {
  interface FastifyInstance {
    /** The live connections of this api process (tests tune its limits). */
    realtime: RealtimeHub;
    /** The live admin metrics of this api process (tests shorten the interval). */
    adminMetrics: AdminMetrics;
  }
}

/**
 * `/ws`: one socket per browser tab, authenticated at the handshake.
 *
 * Why the token rides in `Sec-WebSocket-Protocol` (`['ringside.v1', 'bearer.<jwt>']`) rather
 * than a ticket from a POST: it needs no second request and no ticket store shared by every
 * api process (Redis or a table, plus its clean-up), the access token is already short-lived,
 * and its own expiry tells the hub when to close. Unlike a query string, the header does not
 * land in access logs or browser history. The server answers with `ringside.v1` only.
 */
export async function registerRealtime(app: FastifyInstance, services: Services): Promise<void> {
  const log = services.log.child({ area: 'realtime' });
  const hub = new RealtimeHub(services, log);
  const adminMetrics = new AdminMetrics(services, hub, app.liveUsage, log);
  const allowed = allowedOrigins(services.config);

  await app.register(websocket, {
    options: {
      maxPayload: MAX_CLIENT_MESSAGE_BYTES,
      // Compression keeps a zlib context per socket; our messages are small.
      perMessageDeflate: false,
      handleProtocols: (protocols) =>
        protocols.has(REALTIME_PROTOCOL) ? REALTIME_PROTOCOL : false,
    },
    // On shutdown: tell every client to reconnect (to another process), then stop the server.
    async preClose() {
      await adminMetrics.stop();
      await hub.stop();
      await new Promise<void>((resolve) => {
        app.websocketServer.close(() => {
          resolve();
        });
      });
    },
  });
  app.decorate('realtime', hub);
  app.decorate('adminMetrics', adminMetrics);
  await hub.start();
  await adminMetrics.start();

  new Gauge({
    name: 'ringside_websocket_connections',
    help: 'Open WebSocket connections (/ws) in this process.',
    registers: [app.metricsRegistry],
    collect() {
      this.set(hub.size);
    },
  });

  const handshakes = new WeakMap<FastifyRequest, HandshakeResult>();
  app.get(
    '/ws',
    {
      websocket: true,
      // Authenticated before the upgrade completes, so the handler below is synchronous and
      // no early client message is lost.
      preValidation: async (request) => {
        handshakes.set(request, await authenticateHandshake(services, request.headers, allowed));
      },
    },
    (socket, request) => {
      const result = handshakes.get(request);
      handshakes.delete(request);
      if (!result?.ok) {
        const rejection = result?.ok === false ? result.rejection : undefined;
        socket.close(rejection?.code ?? 1011, rejection?.reason ?? 'handshake_failed');
        return;
      }
      const connection = hub.accept(socket, result.principal);
      if (!connection) return;
      socket.on('message', (data, isBinary) => {
        handleClientMessage(connection, data, isBinary);
      });
    },
  );
}
