import type { HealthReport, HealthStatus } from './api';

export function formatUptime(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return `${days} d ${hours % 24} h`;
}

export const healthLabel: Record<HealthStatus, string> = {
  healthy: 'Healthy',
  degraded: 'Degraded',
  unhealthy: 'Unhealthy',
};

export const healthColor: Record<HealthStatus, 'success' | 'warning' | 'error'> = {
  healthy: 'success',
  degraded: 'warning',
  unhealthy: 'error',
};

const kindLabel: Record<string, string> = {
  pglite: 'PGlite (embedded)',
  postgres: 'PostgreSQL',
  memory: 'In-process',
  redis: 'Redis',
};

export function describeKind(kind: string): string {
  return kindLabel[kind] ?? kind;
}

export function describeQueue(depth: HealthReport['checks']['queue']['depth']): string {
  const waiting = Object.values(depth).reduce((sum, n) => sum + n, 0);
  if (waiting === 0) return 'No jobs waiting';
  return waiting === 1 ? '1 job waiting' : `${waiting} jobs waiting`;
}

export function describeCache(cache: HealthReport['checks']['cache']): string {
  const lookups = cache.hits + cache.misses;
  if (lookups === 0) return describeKind(cache.kind);
  const rate = Math.round((cache.hits / lookups) * 100);
  return `${describeKind(cache.kind)} · ${rate}% hit rate`;
}

export function describeMigrations(m: HealthReport['checks']['migrations']): string {
  if (m.applied === m.expected) return `${m.applied} of ${m.expected} applied`;
  return `${m.applied} of ${m.expected} applied — run \`npm run migrate\``;
}

export function describeAi(ai: HealthReport['checks']['ai']): string {
  if (ai.engine === 'local') return 'Built-in local engine';
  return [ai.provider, ai.model].filter(Boolean).join(' · ');
}
