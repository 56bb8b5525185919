import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SafeFetchError, type SafeFetchErrorCode } from './errors';
import { SafeFetcher } from './safe-fetch';
import { type LocalServer, startLocalServer } from './test-servers';

/** With SAFE_FETCH_ALLOW=127.0.0.1 (as a self-hoster or a test sets it) real fetches work. */

let site: LocalServer;
let fetcher: SafeFetcher;
const PAGE = '<html><body><h1>Pricing</h1><p>Pro is $49 per month.</p></body></html>';

// 50 MB of zeros, about 50 kB compressed; made once.
const BOMB = gzipSync(Buffer.alloc(50 * 1024 * 1024));

beforeAll(async () => {
  site = await startLocalServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/page':
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' });
          res.end();
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          etag: '"v1"',
          'last-modified': 'Wed, 01 Jan 2025 00:00:00 GMT',
        });
        res.end(PAGE);
        return;
      case '/gzip':
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        res.end(gzipSync(PAGE));
        return;
      case '/bomb':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
        res.end(BOMB);
        return;
      case '/huge': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 200 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
          if (sent < 200 * 1024 * 1024) res.once('drain', pump);
          else res.end();
        };
        pump();
        return;
      }
      case '/declared-huge':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(1e9) });
        res.write('x');
        return;
      case '/slow':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<p>partial');
        return; // never ends
      case '/hang':
        return; // never answers
      case '/binary':
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(Buffer.alloc(10));
        return;
      case '/error':
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('boom');
        return;
      case '/hop': {
        const n = Number(url.searchParams.get('n'));
        res.writeHead(n > 0 ? 301 : 200, {
          location: `/hop?n=${n - 1}`,
          'content-type': 'text/plain',
        });
        res.end(n > 0 ? '' : 'arrived');
        return;
      }
      case '/echo':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(req.headers));
        return;
      case '/latin1':
        res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' });
        res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
        return;
      default:
        res.writeHead(404);
        res.end();
    }
  });
  fetcher = new SafeFetcher({
    userAgent: 'Ringside/1.2.3 (+https://ringside.example)',
    allow: ['127.0.0.1'],
    timeoutMs: 1_500,
    connectTimeoutMs: 1_000,
    maxBytes: 1024 * 1024,
  });
});
afterAll(async () => {
  await fetcher.close();
  await site.close();
});

async function failure(path: string): Promise<SafeFetchError> {
  try {
    await fetcher.fetch(`${site.origin}${path}`);
  } catch (err) {
    expect(err).toBeInstanceOf(SafeFetchError);
    return err as SafeFetchError;
  }
  throw new Error(`${path} succeeded`);
}
const codeOf = async (path: string): Promise<SafeFetchErrorCode> => (await failure(path)).code;

describe('safe fetch of an allowed local site', () => {
  it('fetches a page with its validators, then answers 304 to a conditional request', async () => {
    const first = await fetcher.fetch(`${site.origin}/page`);
    expect(first.notModified).toBe(false);
    if (first.notModified) return;
    expect(first.body).toBe(PAGE);
    expect(first.contentType).toBe('text/html');
    expect(first.etag).toBe('"v1"');
    expect(first.lastModified).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
    const second = await fetcher.fetch(`${site.origin}/page`, { etag: first.etag });
    expect(second.notModified).toBe(true);
    expect(second.status).toBe(304);
  });

  it('decompresses gzip, and stops a decompression bomb at the cap', async () => {
    const res = await fetcher.fetch(`${site.origin}/gzip`);
    expect(res.notModified === false && res.body).toBe(PAGE);
    expect(await codeOf('/bomb')).toBe('too_large');
  });

  it('stops a huge body at the cap without reading it all', async () => {
    const started = Date.now();
    expect(await codeOf('/huge')).toBe('too_large');
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await codeOf('/declared-huge')).toBe('too_large');
  });

  it('bounds slow and silent servers by the total timeout', async () => {
    const started = Date.now();
    expect(await codeOf('/slow')).toBe('timeout');
    expect(await codeOf('/hang')).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses content that is not a page or a feed, and reports HTTP errors', async () => {
    expect(await codeOf('/binary')).toBe('unsupported_content_type');
    const err = await failure('/error');
    expect(err.code).toBe('http_status');
    expect(err.status).toBe(500);
  });

  it('follows up to 5 redirects and no more', async () => {
    const res = await fetcher.fetch(`${site.origin}/hop?n=5`);
    expect(res.notModified === false && res.body).toBe('arrived');
    expect(res.redirects).toHaveLength(5);
    expect(res.url).toBe(`${site.origin}/hop?n=0`);
    expect(await codeOf('/hop?n=6')).toBe('too_many_redirects');
  });

  it('sends an honest User-Agent and never credentials or cookies', async () => {
    const url = new URL(`${site.origin}/echo`);
    url.username = 'admin';
    url.password = 'secret';
    const res = await fetcher.fetch(url);
    if (res.notModified) throw new Error('unexpected 304');
    const headers = JSON.parse(res.body) as Record<string, string>;
    expect(headers['user-agent']).toBe('Ringside/1.2.3 (+https://ringside.example)');
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
  });

  it('decodes the declared charset', async () => {
    const res = await fetcher.fetch(`${site.origin}/latin1`);
    expect(res.notModified === false && res.body).toBe('café');
  });

  it('an allowed address does not open the rest of loopback', async () => {
    const narrow = new SafeFetcher({ userAgent: 'x', allow: ['127.0.0.2/32'] });
    await expect(narrow.fetch(`${site.origin}/page`)).rejects.toMatchObject({
      code: 'blocked_address',
    });
    await narrow.close();
    const wide = new SafeFetcher({ userAgent: 'x', allow: ['127.0.0.0/8'] });
    expect((await wide.fetch(`${site.origin}/page`)).status).toBe(200);
    await wide.close();
  });
});
