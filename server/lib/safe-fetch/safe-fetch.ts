import dns from 'node:dns';
import net from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Agent, buildConnector, request } from 'undici';
import { AllowList, blockedReason } from './address-policy';
import { SafeFetchError, findSafeFetchError } from './errors';

/**
 * The one way Ringside makes an outbound HTTP request (monitoring, test fetches, webhooks).
 * The address check happens inside the connector: the name is resolved once, every address is
 * checked, and the socket connects to exactly those addresses — no second lookup an attacker's
 * DNS could answer differently. Redirects are followed by hand so every hop is checked again.
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
/** Name → addresses; tests inject their own, production uses the system resolver. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await dns.promises.lookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/** What monitoring reads: pages, feeds, plain text and JSON feeds. */
export const DEFAULT_CONTENT_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'application/xml',
  'text/xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'text/plain',
  'application/json',
  'application/feed+json',
] as const;

export interface SafeFetcherOptions {
  userAgent: string;
  /** SAFE_FETCH_ALLOW: hosts and CIDRs that may be private. */
  allow?: readonly string[];
  resolver?: Resolver;
  connectTimeoutMs?: number;
  /** The whole fetch, every hop and the body included. */
  timeoutMs?: number;
  /** Largest body, after decompression. */
  maxBytes?: number;
  maxRedirects?: number;
  contentTypes?: readonly string[];
}

export interface FetchRequest {
  /** From the previous fetch, for a conditional request. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  signal?: AbortSignal;
}

interface FetchMeta {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  etag: string | null;
  lastModified: string | null;
  redirects: string[];
}
export type FetchResult =
  | (FetchMeta & { notModified: true })
  | (FetchMeta & { notModified: false; contentType: string; body: string; bytes: number });

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const stripBrackets = (host: string) => host.replace(/^\[|\]$/g, '');

type LookupCallback = (
  err: Error | null,
  address: string | { address: string; family: number }[],
  family?: number,
) => void;

export class SafeFetcher {
  readonly allowList: AllowList;
  private readonly resolver: Resolver;
  private readonly agent: Agent;
  private readonly options: Required<Omit<SafeFetcherOptions, 'allow' | 'resolver'>>;

  constructor(options: SafeFetcherOptions) {
    this.allowList = new AllowList(options.allow ?? []);
    this.resolver = options.resolver ?? systemResolver;
    this.options = {
      userAgent: options.userAgent,
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      timeoutMs: options.timeoutMs ?? 20_000,
      maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
      maxRedirects: options.maxRedirects ?? 5,
      contentTypes: options.contentTypes ?? DEFAULT_CONTENT_TYPES,
    };
    const base = buildConnector({
      timeout: this.options.connectTimeoutMs,
      lookup: (hostname: string, opts: dns.LookupOptions, callback: LookupCallback) => {
        this.resolveChecked(hostname).then(
          (addresses) => {
            const usable = addresses.filter((a) => !opts.family || a.family === opts.family);
            if (usable.length === 0) {
              callback(new SafeFetchError('dns_failed', `${hostname} has no usable address`), '');
            } else if (opts.all) callback(null, usable);
            else callback(null, usable[0]!.address, usable[0]!.family);
          },
          (err: Error) => callback(err, ''),
        );
      },
    });
    this.agent = new Agent({
      keepAliveTimeout: 4_000,
      connect: (opts, callback) => {
        // An IP literal never reaches `lookup` (net.connect skips it), so it is checked here.
        const host = stripBrackets(opts.hostname);
        const refused = net.isIP(host) ? this.refusal(host, host) : null;
        if (refused) {
          callback(refused, null);
          return;
        }
        base(opts, callback);
      },
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** Why `address` (reached via `hostname`) may not be connected to, or null. */
  private refusal(hostname: string, address: string): SafeFetchError | null {
    if (this.allowList.allowsHost(hostname) || this.allowList.allowsAddress(address)) return null;
    const reason = blockedReason(address);
    if (!reason) return null;
    const via = hostname === address ? address : `${hostname} (${address})`;
    return new SafeFetchError('blocked_address', `${via} is not a public address: ${reason}`);
  }

  /** Resolves once and refuses the name if ANY of its addresses is not public. */
  private async resolveChecked(hostname: string): Promise<ResolvedAddress[]> {
    let addresses: ResolvedAddress[];
    try {
      addresses = await this.resolver(hostname);
    } catch {
      throw new SafeFetchError('dns_failed', `${hostname} could not be resolved`);
    }
    if (addresses.length === 0)
      throw new SafeFetchError('dns_failed', `${hostname} has no address`);
    for (const { address } of addresses) {
      const refused = this.refusal(hostname, address);
      if (refused) throw refused;
    }
    return addresses;
  }

  /** Checks a URL before any connection: scheme, and an IP literal host. */
  private checkUrl(raw: string | URL, base?: URL): URL {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      throw new SafeFetchError('invalid_url', 'not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new SafeFetchError('unsupported_protocol', `${url.protocol} URLs are not fetched`);
    }
    // Credentials in the URL are never forwarded.
    url.username = '';
    url.password = '';
    url.hash = '';
    const host = stripBrackets(url.hostname);
    if (net.isIP(host)) {
      const refused = this.refusal(host, host);
      if (refused) throw refused;
    }
    return url;
  }

  async fetch(input: string | URL, req: FetchRequest = {}): Promise<FetchResult> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const signal = req.signal ? AbortSignal.any([deadline, req.signal]) : deadline;
    try {
      return await this.follow(input, req, signal);
    } catch (err) {
      throw this.classify(err, deadline);
    }
  }

  private async follow(input: string | URL, req: FetchRequest, signal: AbortSignal) {
    const redirects: string[] = [];
    let url = this.checkUrl(input);
    for (;;) {
      const headers: Record<string, string> = {
        'user-agent': this.options.userAgent,
        accept: req.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (req.etag) headers['if-none-match'] = req.etag;
      if (req.lastModified) headers['if-modified-since'] = req.lastModified;
      const res = await request(url, {
        dispatcher: this.agent,
        method: 'GET',
        headers,
        signal,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      const header = (name: string) => {
        const value = res.headers[name];
        return (Array.isArray(value) ? value[0] : value) ?? null;
      };
      const meta = {
        url: url.toString(),
        status: res.statusCode,
        etag: header('etag'),
        lastModified: header('last-modified'),
        redirects,
      };
      if (REDIRECTS.has(res.statusCode)) {
        await res.body.dump();
        const location = header('location');
        if (!location)
          throw new SafeFetchError('http_status', 'redirect without a location', res.statusCode);
        if (redirects.length >= this.options.maxRedirects) {
          throw new SafeFetchError(
            'too_many_redirects',
            `more than ${this.options.maxRedirects} redirects`,
          );
        }
        redirects.push(url.toString());
        url = this.checkUrl(location, url);
        continue;
      }
      if (res.statusCode === 304) {
        await res.body.dump();
        return { ...meta, notModified: true as const };
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        await res.body.dump();
        throw new SafeFetchError(
          'http_status',
          `the server answered ${res.statusCode}`,
          res.statusCode,
        );
      }
      const contentType = (header('content-type') ?? '').toLowerCase();
      const mediaType = contentType.split(';')[0]!.trim();
      if (!this.options.contentTypes.includes(mediaType)) {
        discard(res.body);
        throw new SafeFetchError(
          'unsupported_content_type',
          `${mediaType || 'a response without a content type'} is not a page or a feed`,
        );
      }
      const declared = Number(header('content-length'));
      if (Number.isFinite(declared) && declared > this.options.maxBytes) {
        discard(res.body);
        throw this.tooLarge();
      }
      const bytes = await this.readCapped(res.body, header('content-encoding'));
      return {
        ...meta,
        notModified: false as const,
        contentType: mediaType,
        body: decode(bytes, contentType),
        bytes: bytes.length,
      };
    }
  }

  /**
   * POSTs `body` (webhooks). Same address checks and timeouts as `fetch`; redirects are not
   * followed (a redirected POST is refused rather than replayed elsewhere) and any status is
   * returned, so the caller decides what to retry. The answer's body is read up to 64 kB and
   * dropped.
   */
  async post(
    input: string | URL,
    body: string,
    headers: Record<string, string>,
  ): Promise<{ status: number }> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const url = this.checkUrl(input);
      const res = await request(url, {
        dispatcher: this.agent,
        method: 'POST',
        headers: { ...headers, 'user-agent': this.options.userAgent },
        body,
        signal: deadline,
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
      let read = 0;
      for await (const chunk of res.body) {
        read += (chunk as Buffer).length;
        if (read > 64 * 1024) break;
      }
      discard(res.body);
      return { status: res.statusCode };
    } catch (err) {
      throw this.classify(err, deadline);
    }
  }

  private tooLarge() {
    return new SafeFetchError(
      'too_large',
      `the response is larger than ${this.options.maxBytes} bytes`,
    );
  }

  /** Reads the body (decompressed) and stops as soon as it passes the cap. */
  private async readCapped(body: Readable, encoding: string | null): Promise<Buffer> {
    const decoder = decompressor(encoding);
    const stream: Readable = decoder ? body.pipe(decoder) : body;
    if (decoder) body.on('error', (err) => decoder.destroy(err));
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream) {
        size += (chunk as Buffer).length;
        if (size > this.options.maxBytes) throw this.tooLarge();
        chunks.push(chunk as Buffer);
      }
    } finally {
      discard(body);
      decoder?.destroy();
    }
    return Buffer.concat(chunks);
  }

  /** Every failure becomes a SafeFetchError with a stable code. */
  private classify(err: unknown, deadline: AbortSignal): SafeFetchError {
    const known = findSafeFetchError(err);
    if (known) return known;
    const code = (err as { code?: string }).code;
    if (
      deadline.aborted ||
      code === 'UND_ERR_CONNECT_TIMEOUT' ||
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT'
    ) {
      return new SafeFetchError(
        'timeout',
        `no complete answer within ${this.options.timeoutMs} ms`,
      );
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      return new SafeFetchError('dns_failed', 'the host name could not be resolved');
    }
    if (code?.startsWith('Z_') || code === 'ERR__ERROR_FORMAT_PADDING_1') {
      return new SafeFetchError('network', 'the response could not be decompressed');
    }
    const message = err instanceof Error ? err.message : String(err);
    return new SafeFetchError('network', `the request failed: ${message}`.slice(0, 300));
  }
}

/** Drops a body we will not read; its abort error is expected, not a crash. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function decompressor(encoding: string | null) {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

function decode(bytes: Buffer, contentType: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** The honest User-Agent: who we are and where to learn more. */
export const userAgentFor = (version: string, publicUrl: string) =>
  `Ringside/${version} (+${publicUrl})`;
