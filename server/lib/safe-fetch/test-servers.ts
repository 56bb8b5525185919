import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A real HTTP server on 127.0.0.1 for tests, counting the requests that reach it. */
export interface LocalServer {
  port: number;
  origin: string;
  hits: number;
  requests: http.IncomingMessage[];
  close(): Promise<void>;
}

export async function startLocalServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><body><p>canary</p></body></html>');
  },
): Promise<LocalServer> {
  const state = { hits: 0, requests: [] as http.IncomingMessage[] };
  const server = http.createServer((req, res) => {
    state.hits++;
    state.requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    get hits() {
      return state.hits;
    },
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
