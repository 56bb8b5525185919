import pino, { type Logger } from 'pino';

export type { Logger };

/** One root logger per process; requests and jobs get children carrying their ids. */
export function createLogger(level: string, name = 'ringside'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  });
}
