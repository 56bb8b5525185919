import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 standing in for an LLM provider in tests. Each protocol
 * (OpenAI chat completions, Anthropic messages) turns a scripted reply into its own wire
 * format; the server records every request and measures how many were in flight at once.
 */

/** What the scripted model does with one request. */
export type FakeReply =
  /** Answers with this structured output (serialised as the protocol expects). */
  | { json: unknown; usage?: FakeUsage }
  /** Answers with this raw assistant text (not necessarily JSON). */
  | { text: string; usage?: FakeUsage }
  /** Fails with an HTTP status and an error body. */
  | { status: number; message?: string }
  /** Never answers (the client must give up). */
  | { hang: true }
  /** Sends a 200 with these bytes as the body, which is not the protocol. */
  | { garbage: string }
  /** Waits, then replies. */
  | { delayMs: number; then: FakeReply };

export interface FakeUsage {
  input: number;
  output: number;
}

/** A request as the fake provider saw it. */
export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The body exactly as received. */
  raw: string;
  body: Record<string, unknown>;
  /** The system prompt and the user text, extracted from either protocol. */
  system: string;
  user: string;
}

export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

/** How one protocol reads a request and writes a reply. */
export interface FakeProtocol {
  /** Paths this protocol answers (POST). */
  paths: string[];
  readPrompt(body: Record<string, unknown>): { system: string; user: string };
  /** The 200 body for a reply with content. */
  success(
    body: Record<string, unknown>,
    reply: { content: string; parsed: unknown; usage: FakeUsage },
  ): unknown;
  error(status: number, message: string): unknown;
}

export interface FakeLlmServer {
  /** Base URL including the API prefix (`http://127.0.0.1:PORT/v1`). */
  url: string;
  /** Every request received, in order. */
  requests: FakeRequest[];
  /** The most requests that were being answered at one moment. */
  maxInFlight: number;
  inFlight: number;
  /** Replaces the scripted behaviour. */
  handle(handler: FakeHandler): void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  /** Requests whose client hung up before an answer was written. */
  abortedRequests: number;
  close(): Promise<void>;
}

const tokensOf = (text: string) => Math.max(1, Math.ceil(text.length / 4));

export async function startFakeLlmServer(
  protocol: FakeProtocol,
  handler: FakeHandler,
): Promise<FakeLlmServer> {
  let current = handler;
  const sockets = new Set<Socket>();
  const waiters: { count: number; resolve: () => void }[] = [];
  const state: FakeLlmServer = {
    url: '',
    requests: [],
    maxInFlight: 0,
    inFlight: 0,
    abortedRequests: 0,
    handle: (next) => {
      current = next;
    },
    waitForRequests: (count) =>
      state.requests.length >= count
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method !== 'POST' || !protocol.paths.includes(path)) {
      return send(res, 404, protocol.error(404, `no route ${req.method} ${path}`));
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return send(res, 400, protocol.error(400, 'body is not JSON'));
    }
    const request: FakeRequest = {
      method: req.method,
      path,
      headers: req.headers,
      raw,
      body,
      ...protocol.readPrompt(body),
    };
    state.requests.push(request);
    for (const waiter of waiters.filter((w) => state.requests.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    let reply = await current(request);
    while ('delayMs' in reply) {
      const { delayMs, then } = reply;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      reply = then;
    }
    if (res.destroyed || req.socket.destroyed) return;
    if ('hang' in reply) return; // the socket stays open until the client gives up
    if ('status' in reply) {
      return send(res, reply.status, protocol.error(reply.status, reply.message ?? 'scripted'));
    }
    if ('garbage' in reply) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(reply.garbage);
      return;
    }
    const content = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
    const parsed = 'json' in reply ? reply.json : undefined;
    const usage = reply.usage ?? { input: tokensOf(raw), output: tokensOf(content) };
    send(res, 200, protocol.success(body, { content, parsed, usage }));
  }

  const server = createServer((req, res) => {
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      state.inFlight--;
    };
    res.on('finish', finish);
    res.on('close', () => {
      if (!res.writableFinished) state.abortedRequests++;
      finish();
    });
    answer(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, protocol.error(500, String(error)));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return state;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
