import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A caller's (or proxy's) x-request-id is kept when it is sane; otherwise we make one. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
}
