import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Metrics of this process, whatever its roles: the api, worker and scheduler each count what
 * they do here (AI runs, jobs, monitoring checks, cache use). One registry per process, because
 * that is what Prometheus scrapes; the HTTP metrics of an app instance live in the app's own
 * registry and are served beside these (server/http/metrics.ts).
 */
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'ringside_' });

const registers = [processRegistry];
/** Seconds: from a cache hit to a slow LLM call or a whole generation. */
const WORK_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export const cacheOperations = new Counter({
  name: 'ringside_cache_operations_total',
  help: 'Cache reads (result hit or miss) and failed operations (error), by backend and key area (the key up to its first colon).',
  labelNames: ['backend', 'area', 'result'] as const,
  registers,
});

/** The key's first segment (`card`, `auth`, `ai`): a bounded label, never the whole key. */
export const cacheArea = (key: string) => {
  const i = key.indexOf(':');
  return i > 0 && i <= 24 ? key.slice(0, i) : 'other';
};

export const jobRuns = new Counter({
  name: 'ringside_jobs_total',
  help: 'Job runs finished in this process, by job kind and outcome (completed, retrying, failed).',
  labelNames: ['kind', 'outcome'] as const,
  registers,
});

export const jobDuration = new Histogram({
  name: 'ringside_job_duration_seconds',
  help: 'How long a job run took, by job kind and outcome.',
  labelNames: ['kind', 'outcome'] as const,
  buckets: WORK_BUCKETS,
  registers,
});

export const aiRuns = new Counter({
  name: 'ringside_ai_runs_total',
  help: 'AI pipeline runs (generate, regenerate, analyze) by engine that answered and status.',
  labelNames: ['kind', 'engine', 'status'] as const,
  registers,
});

export const aiRunDuration = new Histogram({
  name: 'ringside_ai_run_duration_seconds',
  help: 'Duration of AI pipeline runs by kind, engine and status.',
  labelNames: ['kind', 'engine', 'status'] as const,
  buckets: WORK_BUCKETS,
  registers,
});

export const aiAgentCalls = new Counter({
  name: 'ringside_ai_agent_calls_total',
  help: 'Agent calls by agent, engine that answered and status (ok, cached, fallback, failed).',
  labelNames: ['agent', 'engine', 'status'] as const,
  registers,
});

export const aiAgentDuration = new Histogram({
  name: 'ringside_ai_agent_call_duration_seconds',
  help: 'Duration of agent calls that reached an engine (cache hits excluded), by agent and engine.',
  labelNames: ['agent', 'engine'] as const,
  buckets: WORK_BUCKETS,
  registers,
});

export const monitoringChecks = new Counter({
  name: 'ringside_monitoring_checks_total',
  help: 'Source checks by source kind and outcome (changed, unchanged, baseline, not_modified, feed, failed, skipped, error).',
  labelNames: ['kind', 'outcome'] as const,
  registers,
});

export const monitoringCheckDuration = new Histogram({
  name: 'ringside_monitoring_check_duration_seconds',
  help: 'Duration of source checks (fetch, compare, store) by source kind.',
  labelNames: ['kind'] as const,
  buckets: WORK_BUCKETS,
  registers,
});

export const changesDetected = new Counter({
  name: 'ringside_changes_detected_total',
  help: 'Changes found by monitoring: page changes by category, new feed items as category "feed_item".',
  labelNames: ['category'] as const,
  registers,
});

/** Seconds since `started` (a performance.now() reading). */
export const secondsSince = (started: number) => (performance.now() - started) / 1000;
