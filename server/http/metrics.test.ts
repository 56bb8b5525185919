import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Source } from '../../common/monitoring';
import { buildApp } from '../app';
import { defineJob } from '../lib/jobs/job-kind';
import { startMetricsServer } from '../lib/metrics/metrics-server';
import { type LocalServer, startLocalServer } from '../lib/safe-fetch/test-servers';
import { useFetcherOptions } from '../modules/sources/fetcher';
import { checkSource } from '../modules/sources/source-check';
import { registerOwner } from '../test/factories';
import { createTestServices, eventually } from '../test/harness';
import { useTestApp } from '../test/test-app';
import { renderMetrics } from './metrics';

const okJob = defineJob({
  name: 'test.metrics-ok',
  payload: z.object({}),
  handler: () => Promise.resolve({ done: true }),
});
const failingJob = defineJob({
  name: 'test.metrics-fail',
  payload: z.object({}),
  retryLimit: 0,
  handler: () => Promise.reject(new Error('always fails')),
});

const t = useTestApp({
  env: { SAFE_FETCH_ALLOW: '127.0.0.1' },
  jobs: {},
  jobKinds: [okJob, failingJob] as never[],
});

/** The value of one sample in Prometheus text (0 when absent): `name{a="b",…}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name + '{') && !line.startsWith(name + ' ')) continue;
    const labelText = line.slice(name.length).match(/^\{(.*)\}/)?.[1] ?? '';
    const has = Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`));
    if (has) total += Number(line.split(' ').at(-1));
  }
  return total;
}

const scrape = async () => (await t.app.inject({ url: '/metrics' })).body;

let site: LocalServer;
let page = '<html><body><main><p>Pro costs $49 per user per month.</p></main></body></html>';
beforeAll(async () => {
  site = await startLocalServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page);
  });
});
afterAll(() => site?.close());

describe('/metrics', () => {
  it('exports every metric the sample Grafana dashboard queries', async () => {
    const file = path.resolve(import.meta.dirname, '../../deploy/grafana/ringside.json');
    const dashboard = JSON.parse(readFileSync(file, 'utf8')) as {
      panels: { targets?: { expr: string }[] }[];
      templating: { list: { query?: unknown }[] };
    };
    const queries = [
      ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((q) => q.expr)),
      ...dashboard.templating.list.map((v) => (typeof v.query === 'string' ? v.query : '')),
    ];
    const names = new Set(queries.flatMap((q) => q.match(/\bringside_[a-z0-9_]+/g) ?? []));
    expect(names.size).toBeGreaterThan(10);
    const text = await scrape();
    const exported = new Set(
      [...text.matchAll(/^# TYPE (\S+) (\w+)/gm)].flatMap(([, name, type]) =>
        type === 'histogram' ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name!],
      ),
    );
    const missing = [...names].filter((n) => !exported.has(n));
    expect(missing).toEqual([]);
  });

  it('counts AI runs and agent calls by engine and status, with durations and cache use', async () => {
    const before = await scrape();
    const owner = await registerOwner(t.app);
    const content = 'Quillpoint Pro costs $49 per user per month. It is SOC 2 Type II certified.';
    for (let i = 0; i < 2; i++) {
      const res = await t.call(owner, 'POST', '/api/v1/ai/analyze', { content });
      expect(res.statusCode, res.body).toBe(200);
    }
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    const run = { kind: 'analyze', engine: 'local', status: 'completed' };
    expect(delta('ringside_ai_runs_total', run)).toBe(2);
    expect(delta('ringside_ai_run_duration_seconds_count', run)).toBe(2);
    const call = { agent: 'content_analysis', engine: 'local' };
    expect(delta('ringside_ai_agent_calls_total', { ...call, status: 'ok' })).toBe(1);
    expect(delta('ringside_ai_agent_calls_total', { ...call, status: 'cached' })).toBe(1);
    expect(delta('ringside_ai_agent_call_duration_seconds_count', call)).toBe(1);
    // The second analysis was answered from the cache: an `ai` hit.
    expect(delta('ringside_cache_operations_total', { area: 'ai', result: 'hit' })).toBe(1);
    expect(
      delta('ringside_http_requests_total', { route: '/api/v1/ai/analyze', status_code: '200' }),
    ).toBe(2);
  });

  it('counts job outcomes by kind and reports queue depth per kind', async () => {
    const before = await scrape();
    const db = t.services.database.db;
    const ok = await t.services.jobs.enqueue(db, okJob, {});
    const bad = await t.services.jobs.enqueue(db, failingJob, {});
    await eventually(async () => {
      const [a, b] = await Promise.all([t.services.jobs.get(ok.id), t.services.jobs.get(bad.id)]);
      return a?.status === 'completed' && b?.status === 'failed' ? true : undefined;
    });
    const after = await scrape();
    const delta = (labels: Record<string, string>) =>
      sample(after, 'ringside_jobs_total', labels) - sample(before, 'ringside_jobs_total', labels);
    expect(delta({ kind: 'test.metrics-ok', outcome: 'completed' })).toBe(1);
    expect(delta({ kind: 'test.metrics-fail', outcome: 'failed' })).toBe(1);
    expect(
      sample(after, 'ringside_job_duration_seconds_count', { kind: 'test.metrics-ok' }),
    ).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/ringside_queue_depth\{queue="source\.check"\} \d+/);
  });

  it('counts monitoring checks by outcome and changes detected by category', async () => {
    useFetcherOptions(t.services, { allow: ['127.0.0.1'], timeoutMs: 2_000 });
    const owner = await registerOwner(t.app);
    const competitor = await t.create<{ id: string }>(owner, '/api/v1/competitors', {
      name: 'Metered Rival',
    });
    const src = await t.create<Source>(owner, `/api/v1/competitors/${competitor.id}/sources`, {
      url: `${site.origin}/pricing`,
    });
    const before = await scrape();
    page = '<html><body><main><p>Pro costs $49 per user per month.</p></main></body></html>';
    expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'baseline' });
    page = '<html><body><main><p>Pro costs $59 per user per month.</p></main></body></html>';
    expect(await checkSource(t.services, src.id)).toMatchObject({ outcome: 'changed' });
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    const checks = 'ringside_monitoring_checks_total';
    expect(delta(checks, { kind: 'webpage', outcome: 'baseline' })).toBe(1);
    expect(delta(checks, { kind: 'webpage', outcome: 'changed' })).toBe(1);
    expect(delta('ringside_changes_detected_total', { category: 'pricing' })).toBe(1);
    expect(delta('ringside_monitoring_check_duration_seconds_count', { kind: 'webpage' })).toBe(2);
  });

  it('a worker process serves its metrics on METRICS_PORT', async () => {
    const server = await startMetricsServer(0, '127.0.0.1', () => renderMetrics(), t.services.log);
    try {
      const res = await fetch(`${server.address}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('# TYPE ringside_jobs_total counter');
      expect(text).toContain('ringside_process_cpu_seconds_total');
      // Nothing but metrics: no app routes on this port.
      expect((await fetch(`${server.address}/health`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('slow-request log', () => {
  it('logs a request slower than SLOW_REQUEST_MS at warn with request id, route, status and duration', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l));
        done();
      },
    });
    const test = await createTestServices({ jobs: false, env: { SLOW_REQUEST_MS: '25' } });
    test.services.log = pino({ level: 'warn' }, sink);
    const app = await buildApp(test.services);
    app.get('/test/slow/:n', { config: { access: 'public' } }, async () => {
      await new Promise((r) => setTimeout(r, 60));
      return { ok: true };
    });
    try {
      await app.ready();
      const slow = await app.inject({
        url: '/test/slow/7',
        headers: { 'x-request-id': 'req-abc' },
      });
      expect(slow.statusCode).toBe(200);
      await app.inject({ url: '/health' });
      const warned = lines.filter((l) => l.msg === 'slow request');
      expect(warned).toHaveLength(1);
      expect(warned[0]).toMatchObject({
        level: 40,
        reqId: slow.headers['x-request-id'],
        route: '/test/slow/:n',
        status: 200,
        method: 'GET',
      });
      expect(warned[0]!.ms).toBeGreaterThanOrEqual(25);
    } finally {
      await app.close();
      await test.close();
    }
  });
});
