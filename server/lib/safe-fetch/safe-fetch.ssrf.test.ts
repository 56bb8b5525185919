import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedReason } from './address-policy';
import { SafeFetchError, type SafeFetchErrorCode } from './errors';
import { type Resolver, SafeFetcher } from './safe-fetch';
import { type LocalServer, startLocalServer } from './test-servers';

/**
 * The SSRF suite: every trick below aims at a canary HTTP server on loopback. With
 * SAFE_FETCH_ALLOW unset, not one request may reach it.
 */

let canary: LocalServer;
let redirector: LocalServer;
let fetcher: SafeFetcher;
let P: number;

/** Names an attacker controls, answering with addresses of their choosing. */
const dnsRecords: Record<string, string[]> = {
  'canary.test': ['127.0.0.1'],
  localhost: ['127.0.0.1', '::1'],
  'localhost.': ['127.0.0.1'],
  'mixed.test': ['93.184.216.34', '127.0.0.1'],
  'mixed-v6.test': ['2606:4700:4700::1111', '::1'],
  'v6-loopback.test': ['::1'],
  'mapped.test': ['::ffff:127.0.0.1'],
  'nat64.test': ['64:ff9b::7f00:1'],
  'sixtofour.test': ['2002:7f00:1::1'],
  'teredo.test': ['2001:0:4136:e378:8000:63bf:80ff:fffe'],
  'metadata.google.internal': ['169.254.169.254'],
  'instance-data': ['169.254.169.254'],
  'private10.test': ['10.0.0.5'],
  'private172.test': ['172.16.3.4'],
  'private192.test': ['192.168.1.1'],
  'cgnat.test': ['100.64.0.1'],
  'ula.test': ['fd00::1'],
  'linklocal6.test': ['fe80::1'],
  'zero.test': ['0.0.0.0'],
  // The name an allowed host redirects to.
  'allowed.test': ['127.0.0.1'],
};
const resolver: Resolver = (hostname) => {
  const found = dnsRecords[hostname.toLowerCase()];
  if (!found) return Promise.reject(new Error('NXDOMAIN'));
  return Promise.resolve(
    found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
  );
};

beforeAll(async () => {
  canary = await startLocalServer();
  // Stands for a public site that redirects wherever `?to=` says.
  redirector = await startLocalServer((req, res) => {
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to') ?? '/';
    res.writeHead(302, { location: to });
    res.end();
  });
  P = canary.port;
  // Only the redirector's name is allowed: it plays the public site.
  fetcher = new SafeFetcher({
    userAgent: 'Ringside/test',
    allow: ['allowed.test'],
    resolver,
    timeoutMs: 3_000,
    connectTimeoutMs: 1_000,
  });
});
afterAll(async () => {
  await fetcher.close();
  await canary.close();
  await redirector.close();
  expect(canary.hits).toBe(0);
  // The redirect tricks really went through the "public" redirector.
  expect(redirector.hits).toBeGreaterThan(10);
});

async function refusal(url: string): Promise<SafeFetchErrorCode> {
  try {
    await fetcher.fetch(url);
  } catch (err) {
    expect(err).toBeInstanceOf(SafeFetchError);
    return (err as SafeFetchError).code;
  }
  throw new Error(`${url} was fetched`);
}

const via = (target: string) =>
  `http://allowed.test:${redirector.port}/?to=${encodeURIComponent(target)}`;

describe('address tricks aimed at the canary', () => {
  const blocked: [string, () => string][] = [
    ['plain loopback', () => `http://127.0.0.1:${P}/`],
    ['decimal', () => `http://2130706433:${P}/`],
    ['octal', () => `http://0177.0.0.1:${P}/`],
    ['hex', () => `http://0x7f.0.0.1:${P}/`],
    ['hex whole', () => `http://0x7f000001:${P}/`],
    ['short form 127.1', () => `http://127.1:${P}/`],
    ['short form 127.0.1', () => `http://127.0.1:${P}/`],
    ['other loopback 127.5.6.7', () => `http://127.5.6.7:${P}/`],
    ['mixed octal/hex', () => `http://0x7f.00.0.01:${P}/`],
    ['IPv4-mapped dotted', () => `http://[::ffff:127.0.0.1]:${P}/`],
    ['IPv4-mapped hex', () => `http://[::ffff:7f00:1]:${P}/`],
    ['IPv4-compatible', () => `http://[::127.0.0.1]:${P}/`],
    ['NAT64 literal', () => `http://[64:ff9b::127.0.0.1]:${P}/`],
    ['6to4 literal', () => `http://[2002:7f00:1::]:${P}/`],
    ['0.0.0.0', () => `http://0.0.0.0:${P}/`],
    ['0 (short)', () => `http://0:${P}/`],
    ['[::]', () => `http://[::]:${P}/`],
    ['[::1]', () => `http://[::1]:${P}/`],
    ['[0:0:0:0:0:0:0:1]', () => `http://[0:0:0:0:0:0:0:1]:${P}/`],
    ['localhost', () => `http://localhost:${P}/`],
    ['localhost.', () => `http://localhost.:${P}/`],
    ['LOCALHOST upper case', () => `http://LOCALHOST:${P}/`],
    ['name → 127.0.0.1', () => `http://canary.test:${P}/`],
    ['name → public AND private', () => `http://mixed.test:${P}/`],
    ['name → public AND ::1', () => `http://mixed-v6.test:${P}/`],
    ['name → ::1', () => `http://v6-loopback.test:${P}/`],
    ['name → IPv4-mapped', () => `http://mapped.test:${P}/`],
    ['name → NAT64', () => `http://nat64.test:${P}/`],
    ['name → 6to4', () => `http://sixtofour.test:${P}/`],
    ['name → Teredo', () => `http://teredo.test:${P}/`],
    ['name → 0.0.0.0', () => `http://zero.test:${P}/`],
    ['userinfo evil@127.0.0.1', () => `http://evil.test@127.0.0.1:${P}/`],
    ['userinfo user:pass@localhost', () => `http://user:pass@localhost:${P}/`],
    ['userinfo allowed.test@canary', () => `http://allowed.test:80@canary.test:${P}/`],
    ['redirect → 127.0.0.1', () => via(`http://127.0.0.1:${P}/`)],
    ['redirect → decimal', () => via(`http://2130706433:${P}/`)],
    ['redirect → [::ffff:7f00:1]', () => via(`http://[::ffff:7f00:1]:${P}/`)],
    ['redirect → localhost.', () => via(`http://localhost.:${P}/`)],
    ['redirect → name resolving private', () => via(`http://canary.test:${P}/`)],
    ['redirect → mixed name', () => via(`http://mixed.test:${P}/`)],
    ['redirect, relative, to a private host', () => via(`//127.0.0.1:${P}/`)],
  ];
  it.each(blocked)('%s is refused', async (_name, url) => {
    expect(await refusal(url())).toBe('blocked_address');
  });

  const badScheme: [string, () => string][] = [
    ['file:', () => 'file:///etc/passwd'],
    ['gopher:', () => `gopher://127.0.0.1:${P}/_GET`],
    ['ftp:', () => `ftp://127.0.0.1:${P}/`],
    ['data:', () => 'data:text/html,hi'],
    ['redirect → file:', () => via('file:///etc/passwd')],
    ['redirect → gopher:', () => via(`gopher://127.0.0.1:${P}/_GET`)],
  ];
  it.each(badScheme)('%s is refused', async (_name, url) => {
    expect(await refusal(url())).toBe('unsupported_protocol');
  });

  it('an IPv6 zone id is not a URL', async () => {
    expect(await refusal(`http://[fe80::1%25lo]:${P}/`)).toBe('invalid_url');
    expect(await refusal(`http://[::1%25lo]:${P}/`)).toBe('invalid_url');
  });

  it('metadata and private addresses are refused before any connection', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://instance-data/latest/',
      'http://[fd00:ec2::254]/latest/',
      'http://private10.test/',
      'http://private172.test/',
      'http://private192.test/',
      'http://cgnat.test/',
      'http://ula.test/',
      'http://linklocal6.test/',
      'http://198.18.0.1/',
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'http://100.100.100.200/',
    ]) {
      expect(await refusal(url), url).toBe('blocked_address');
    }
  });

  it('a redirect loop through the allowed host stops after 5 hops', async () => {
    expect(await refusal(`http://allowed.test:${redirector.port}/?to=/`)).toBe(
      'too_many_redirects',
    );
  });
});

describe('the address policy', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '224.0.0.251',
    '0.0.0.0',
    '255.255.255.255',
    '198.18.0.1',
    '198.19.255.255',
    '192.0.2.1',
    '240.0.0.1',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a00:1',
    '64:ff9b::169.254.169.254',
    '2002:a00:1::',
    '2002:c0a8:101::1',
    '2001:0:4136:e378:8000:63bf:80ff:fffe',
    'fec0::1',
    '100::1',
    '::7f00:1',
  ])('%s is not public', (address) => {
    expect(blockedReason(address)).not.toBeNull();
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('%s is public', (address) => {
    expect(blockedReason(address)).toBeNull();
  });
});
