import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n') +
        '\nSee the configuration table in README.md.',
    );
    this.name = 'ConfigError';
  }
}

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const bool = (fallback: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .optional()
      .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v))),
  );
const int = (fallback: number, min: number, max: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: `must be a whole number from ${min} to ${max}` })
      .int(`must be a whole number from ${min} to ${max}`)
      .min(min, `must be a whole number from ${min} to ${max}`)
      .max(max, `must be a whole number from ${min} to ${max}`)
      .default(fallback),
  );
const url = (protocols: string[]) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(
        (v) => {
          try {
            return protocols.includes(new URL(v).protocol);
          } catch {
            return false;
          }
        },
        `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}`,
      )
      .optional(),
  );
const list = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
);

const EnvSchema = z.object({
  NODE_ENV: z.preprocess(
    emptyToUndefined,
    z.enum(['development', 'production', 'test']).default('development'),
  ),
  PORT: int(3000, 0, 65535),
  HOST: optionalString,
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATABASE_POOL_SIZE: int(10, 1, 500),
  REDIS_URL: url(['redis:', 'rediss:']),
  REDIS_PREFIX: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1–64 letters, digits or _ . : -')
      .default('ringside:'),
  ),
  JOB_MAINTENANCE_SECONDS: int(60, 1, 3600),
  GENERATION_TIMEOUT_SECONDS: int(600, 5, 24 * 3600),
  PUBLIC_URL: url(['http:', 'https:']),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  LOG_FORMAT: z.preprocess(emptyToUndefined, z.enum(['auto', 'pretty', 'json']).default('auto')),
  TRUST_PROXY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((v): boolean | number | string[] => {
        if (v === undefined || v === 'false' || v === '0') return false;
        if (v === 'true') return true;
        if (/^\d+$/.test(v)) return Number(v);
        return v.split(',').map((s) => s.trim());
      }),
  ),
  CORS_ORIGINS: list.pipe(
    z.array(
      z.string().refine((o) => {
        try {
          return new URL(o).origin === o;
        } catch {
          return false;
        }
      }, 'each entry must be an origin such as https://app.example.com (no path, no trailing slash)'),
    ),
  ),
  AI_PROVIDER: z.preprocess(
    emptyToUndefined,
    z.enum(['local', 'openai', 'openai-compatible', 'anthropic']).default('local'),
  ),
  AI_MODEL: optionalString,
  AI_BASE_URL: url(['http:', 'https:']),
  AI_API_KEY: optionalString,
  AI_MAX_CONCURRENT: int(4, 1, 256),
  AI_TIMEOUT_MS: int(60_000, 1000, 600_000),
  AI_REQUESTS_PER_MINUTE: int(60, 1, 100_000),
  AI_DAILY_TOKEN_BUDGET: int(2_000_000, 0, 2_000_000_000),
  SAFE_FETCH_ALLOW: list,
  UPLOAD_MAX_BYTES: int(10 * 1_048_576, 1024, 1024 * 1_048_576),
  STORAGE_QUOTA_BYTES: int(1024 * 1_048_576, 1_048_576, 1024 * 1024 * 1_048_576),
  SMTP_URL: url(['smtp:', 'smtps:']),
  SMTP_FROM: optionalString,
  JWT_SECRET: optionalString,
  BODY_LIMIT_BYTES: int(1_048_576, 1024, 100 * 1_048_576),
  REQUEST_TIMEOUT_MS: int(30_000, 1000, 600_000),
  SHUTDOWN_TIMEOUT_MS: int(10_000, 1000, 120_000),
  SHUTDOWN_DRAIN_MS: int(1_500, 0, 60_000),
  SLOW_REQUEST_MS: int(1_000, 0, 600_000),
  REQUESTS_PER_TURN: int(8, 0, 10_000),
  METRICS_PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: 'must be a port number from 1 to 65535' })
      .int('must be a port number from 1 to 65535')
      .min(1, 'must be a port number from 1 to 65535')
      .max(65535, 'must be a port number from 1 to 65535')
      .optional(),
  ),
  RATE_LIMIT_PER_USER_PER_MINUTE: int(1200, 10, 10_000_000),
  ALLOW_SIGNUP: bool(true),
  DEMO: bool(true),
});

export type Mode = 'embedded' | 'scale';

export interface Config {
  env: 'development' | 'production' | 'test';
  mode: Mode;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  redisUrl: string | undefined;
  /** Prefix of every Redis key and channel (several installations can share one Redis). */
  redisPrefix: string;
  jobs: {
    /** How often the scheduler expires runs of crashed workers and retries them. */
    maintenanceSeconds: number;
    /** A generation still running after this long is presumed crashed and retried. */
    generationTimeoutSeconds: number;
  };
  publicUrl: string;
  logLevel: string;
  /** auto = readable at a terminal outside production, JSON otherwise. */
  logFormat: 'auto' | 'pretty' | 'json';
  trustProxy: boolean | number | string[];
  corsOrigins: string[];
  ai: {
    provider: 'local' | 'openai' | 'openai-compatible' | 'anthropic';
    model: string | undefined;
    baseUrl: string | undefined;
    apiKey: string | undefined;
    /** LLM calls in flight per process. */
    maxConcurrent: number;
    /** One LLM call, connect to last byte. */
    timeoutMs: number;
    /** LLM calls a workspace may start per minute. */
    requestsPerMinute: number;
    /** LLM tokens (in + out) a workspace may spend per UTC day; 0 = unlimited. */
    dailyTokenBudget: number;
  };
  safeFetchAllow: string[];
  /** Largest upload accepted, checked while streaming. */
  uploadMaxBytes: number;
  /** Stored document bytes per workspace. */
  storageQuotaBytes: number;
  /** Outgoing mail for digests; unset = in-app digests only. */
  smtp: { url: string; from: string } | undefined;
  secrets: { jwtSecret: string };
  bodyLimitBytes: number;
  requestTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** On shutdown, how long new requests are told 503 before the port closes. */
  shutdownDrainMs: number;
  /** Requests slower than this are logged at warn with their request id and route. */
  slowRequestMs: number;
  /** Requests started per event-loop turn under load (0: no limit); see http/turn-admission.ts. */
  requestsPerTurn: number;
  /** A separate /metrics listener for this process (workers and schedulers have no HTTP). */
  metricsPort: number | undefined;
  /** Requests a signed-in user (or API key owner) may make per minute across the API. */
  rateLimitPerUserPerMinute: number;
  allowSignup: boolean;
  demo: boolean;
}

const MIN_SECRET_LENGTH = 32;

/**
 * Reads and validates the environment. Throws ConfigError naming each bad variable.
 * Embedded mode keeps generated secrets in DATA_DIR (mode 0600); scale mode must be given them.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      })),
    );
  }
  const e = parsed.data;
  const mode: Mode = e.DATABASE_URL ? 'scale' : 'embedded';
  const problems: { variable: string; message: string }[] = [];

  if (e.JWT_SECRET !== undefined && e.JWT_SECRET.length < MIN_SECRET_LENGTH) {
    problems.push({
      variable: 'JWT_SECRET',
      message: `must be at least ${MIN_SECRET_LENGTH} characters (try: openssl rand -base64 48)`,
    });
  }
  if (mode === 'scale' && e.JWT_SECRET === undefined) {
    problems.push({
      variable: 'JWT_SECRET',
      message: `is required when DATABASE_URL is set (at least ${MIN_SECRET_LENGTH} characters; try: openssl rand -base64 48)`,
    });
  }
  if (e.AI_PROVIDER !== 'local' && !e.AI_MODEL) {
    problems.push({
      variable: 'AI_MODEL',
      message: `is required when AI_PROVIDER=${e.AI_PROVIDER}`,
    });
  }
  if (e.AI_PROVIDER === 'openai-compatible' && !e.AI_BASE_URL) {
    problems.push({
      variable: 'AI_BASE_URL',
      message: 'is required when AI_PROVIDER=openai-compatible (e.g. http://127.0.0.1:11434/v1)',
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(e.DATA_DIR);
  const host = e.HOST ?? (mode === 'embedded' ? '127.0.0.1' : '0.0.0.0');
  const jwtSecret = e.JWT_SECRET ?? loadOrCreateEmbeddedSecrets(dataDir).jwtSecret;

  return {
    env: e.NODE_ENV,
    mode,
    port: e.PORT,
    host,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    jobs: {
      maintenanceSeconds: e.JOB_MAINTENANCE_SECONDS,
      generationTimeoutSeconds: e.GENERATION_TIMEOUT_SECONDS,
    },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS,
    ai: {
      provider: e.AI_PROVIDER,
      model: e.AI_MODEL,
      baseUrl: e.AI_BASE_URL,
      apiKey: e.AI_API_KEY,
      maxConcurrent: e.AI_MAX_CONCURRENT,
      timeoutMs: e.AI_TIMEOUT_MS,
      requestsPerMinute: e.AI_REQUESTS_PER_MINUTE,
      dailyTokenBudget: e.AI_DAILY_TOKEN_BUDGET,
    },
    safeFetchAllow: e.SAFE_FETCH_ALLOW,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    storageQuotaBytes: e.STORAGE_QUOTA_BYTES,
    smtp: e.SMTP_URL
      ? { url: e.SMTP_URL, from: e.SMTP_FROM ?? 'Ringside <ringside@localhost>' }
      : undefined,
    secrets: { jwtSecret },
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    slowRequestMs: e.SLOW_REQUEST_MS,
    requestsPerTurn: e.REQUESTS_PER_TURN,
    metricsPort: e.METRICS_PORT,
    rateLimitPerUserPerMinute: e.RATE_LIMIT_PER_USER_PER_MINUTE,
    allowSignup: e.ALLOW_SIGNUP,
    demo: e.DEMO,
  };
}

const SecretsFileSchema = z.object({ jwtSecret: z.string().min(MIN_SECRET_LENGTH) });

/** Generated once per data folder, so an embedded install never runs on a shipped default. */
function loadOrCreateEmbeddedSecrets(dataDir: string): z.infer<typeof SecretsFileSchema> {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const parsed = SecretsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      throw new ConfigError([
        { variable: 'DATA_DIR', message: `${file} is damaged; delete it to generate new secrets` },
      ]);
    }
    return parsed.data;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secrets = { jwtSecret: randomBytes(48).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secrets;
}
