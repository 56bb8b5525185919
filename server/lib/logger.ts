import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';

export type { Logger };
export type LogFormat = 'auto' | 'pretty' | 'json';

const REDACT = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    'res.headers["set-cookie"]',
    '*.password',
    '*.token',
    '*.secret',
  ],
  censor: '[redacted]',
};

/** Readable lines for a person at a terminal; JSON for everything else (files, collectors). */
function prettyTransport(format: LogFormat): pino.TransportSingleOptions | undefined {
  if (format === 'json') return undefined;
  if (format === 'auto' && (!process.stdout.isTTY || process.env.NODE_ENV === 'production')) {
    return undefined;
  }
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
  } catch {
    return undefined; // installed without dev dependencies: stay with JSON
  }
  return { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } };
}

/** One root logger per process; requests and jobs get children carrying their ids. */
export function createLogger(level: string, format: LogFormat = 'json', name = 'ringside'): Logger {
  const transport = prettyTransport(format);
  return pino({ name, level, redact: REDACT, ...(transport ? { transport } : {}) });
}
