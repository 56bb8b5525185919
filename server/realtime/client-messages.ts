import type { RawData } from 'ws';
import { CLOSE_CODES } from '../../common/realtime';
import type { Connection } from './connection';

/**
 * What a client may say: `{ "type": "ping", "id"?: string }`, answered with a pong (browsers
 * cannot send protocol-level pings, and a pong proves the whole path works). Anything else is
 * answered with an error message. Every message counts against the connection's rate; a client
 * over it is closed.
 */
export function handleClientMessage(
  connection: Connection,
  data: RawData,
  isBinary: boolean,
): void {
  connection.alive = true;
  if (!connection.takeMessage()) {
    connection.close(CLOSE_CODES.tooMany, 'rate_limited');
    return;
  }
  const message = isBinary ? undefined : parse(data);
  if (message?.type === 'ping') {
    const id = typeof message.id === 'string' ? message.id.slice(0, 100) : connection.id;
    connection.send({
      type: 'pong',
      entity: 'connection',
      id,
      data: { at: new Date().toISOString() },
    });
    return;
  }
  connection.send({
    type: 'error',
    entity: 'connection',
    id: connection.id,
    data: { code: 'unknown_message', message: 'Send JSON such as {"type":"ping"}.' },
  });
}

function parse(data: RawData): { type?: unknown; id?: unknown } | undefined {
  try {
    const text = rawText(data);
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}
