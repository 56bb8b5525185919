import { randomBytes } from 'node:crypto';

/** One request of a drill's load, as the client saw it. */
export interface Outcome {
  /** ms since the load started, when the request was sent and when it ended. */
  start: number;
  end: number;
  /** HTTP status, or 0 when no response came (see `error`). */
  status: number;
  /** The API error code of a 4xx/5xx body, or the network error's code. */
  code?: string;
  error?: string;
}

export interface Load {
  readonly results: Outcome[];
  /** ms since the load started. */
  now(): number;
  stop(): Promise<void>;
}

/** How long one request may take before the drill calls it a hang. */
export const HANG_MS = 15_000;

export async function request(
  url: string,
  init: RequestInit = {},
  startedAt = 0,
): Promise<Outcome> {
  const begin = performance.now();
  const since = () => performance.now() - startedAt;
  const start = since();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(HANG_MS) });
    const text = await res.text();
    let code: string | undefined;
    if (res.status >= 400) {
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
      } catch {
        code = undefined;
      }
    }
    return { start, end: start + performance.now() - begin, status: res.status, code };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    const name = (err as Error).name;
    return {
      start,
      end: start + performance.now() - begin,
      status: 0,
      code: name === 'TimeoutError' ? 'timeout' : (cause?.code ?? name),
      error: (err as Error).message,
    };
  }
}

/** `concurrency` clients, each sending the next of `urls` as soon as the last one ended. */
export function startLoad(
  urls: string[],
  headers: Record<string, string>,
  concurrency: number,
): Load {
  const results: Outcome[] = [];
  const t0 = performance.now();
  let running = true;
  const clients = Array.from({ length: concurrency }, async (_, i) => {
    let n = i;
    while (running) {
      const url = urls[n++ % urls.length]!;
      const outcome = await request(url, { headers }, t0);
      results.push(outcome);
      // A refused connection answers at once: do not spin on it.
      if (outcome.status === 0) await new Promise((r) => setTimeout(r, 20));
    }
  });
  return {
    results,
    now: () => performance.now() - t0,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

export interface Workload {
  /** Read-only API URLs a signed-in member uses (list, card, search). */
  urls: string[];
  headers: Record<string, string>;
  email: string;
  password: string;
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Signs up a workspace with a few competitors and evidence, and returns reads over them. */
export async function prepareWorkload(baseUrl: string): Promise<Workload> {
  const email = `drill.${randomBytes(4).toString('hex')}@example.test`;
  const password = `correct horse ${randomBytes(6).toString('hex')} staple`;
  const auth = await json<{ accessToken: string }>(
    await fetch(`${baseUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, name: 'Drill Owner', workspaceName: 'Drill' }),
    }),
  );
  const headers = { authorization: `Bearer ${auth.accessToken}` };
  const post = (path: string, body: object) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const ids: string[] = [];
  for (const name of ['Quillpoint', 'Ledgerly', 'Pipewise']) {
    const { id } = await json<{ id: string }>(await post('/api/v1/competitors', { name }));
    ids.push(id);
    await json(
      await post(`/api/v1/competitors/${id}/evidence`, {
        kind: 'note',
        title: `${name} pricing`,
        content: `${name} Pro costs $49 per user per month and includes SSO.`,
      }),
    );
  }
  return {
    urls: [
      `${baseUrl}/api/v1/competitors`,
      ...ids.map((id) => `${baseUrl}/api/v1/competitors/${id}`),
      `${baseUrl}/api/v1/search?q=pricing`,
    ],
    headers,
    email,
    password,
  };
}

export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** Counts of outcomes by "status code" (or "error code"), for printing. */
export function tally(outcomes: Outcome[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.status === 0 ? `error ${o.code}` : `${o.status}${o.code ? ` ${o.code}` : ''}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
