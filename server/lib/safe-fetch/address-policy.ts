import ipaddr from 'ipaddr.js';

/**
 * Which addresses an outbound request may connect to. Everything that is not public unicast is
 * refused: loopback, private, link-local, CGNAT, multicast, unspecified, broadcast, reserved,
 * benchmarking, IPv6 unique-local — and the IPv6 forms that carry an IPv4 address (mapped,
 * NAT64, 6to4, Teredo) are judged by the IPv4 address they carry.
 */

type Address = ipaddr.IPv4 | ipaddr.IPv6;

const GLOBAL_UNICAST = ipaddr.IPv6.parse('2000::');

/** IPv6 ranges that embed an IPv4 address, with how to get it out. */
function embeddedIpv4(ip: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const p = ip.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  switch (ip.range()) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d
    case 'rfc6052': // 64:ff9b::a.b.c.d (NAT64)
      return v4(p[6]!, p[7]!);
    case '6to4': // 2002:AABB:CCDD::/48
      return v4(p[1]!, p[2]!);
    case 'teredo': // 2001:0::/32, client address = last 32 bits inverted
      return v4(~p[6]! & 0xffff, ~p[7]! & 0xffff);
    default:
      return undefined;
  }
}

/** Why `address` is refused, or null when it is public. `address` must be an IP literal. */
export function blockedReason(address: string): string | null {
  let ip: Address;
  try {
    ip = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return 'not an IP address';
  }
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    // ::a.b.c.d (IPv4-compatible, deprecated): no legitimate use, and hosts may route it as v4.
    if (v6.parts.slice(0, 6).every((x) => x === 0) && (v6.parts[6] !== 0 || v6.parts[7]! > 1)) {
      return 'ipv4Compatible';
    }
    // Only global unicast (2000::/3) is public; the rest is unassigned or special.
    if (v6.range() === 'unicast' && !v6.match(GLOBAL_UNICAST, 3)) return 'unassigned';
    const inner = embeddedIpv4(v6);
    if (inner) {
      const reason = blockedReason(inner.toString());
      return reason ? `${ip.range()} form of ${inner.toString()} (${reason})` : null;
    }
  }
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

/** SAFE_FETCH_ALLOW: host names and CIDRs (a bare address is a /32 or /128). */
export class AllowList {
  private readonly hosts = new Set<string>();
  private readonly cidrs: [Address, number][] = [];

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = raw.trim().toLowerCase();
      if (!entry) continue;
      if (entry.includes('/')) {
        this.cidrs.push(ipaddr.parseCIDR(entry));
      } else if (ipaddr.isValid(entry.replace(/^\[|\]$/g, ''))) {
        const ip = ipaddr.parse(entry.replace(/^\[|\]$/g, ''));
        this.cidrs.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
      } else {
        this.hosts.add(entry.replace(/\.$/, ''));
      }
    }
  }

  get isEmpty(): boolean {
    return this.hosts.size === 0 && this.cidrs.length === 0;
  }

  allowsHost(hostname: string): boolean {
    return this.hosts.has(hostname.toLowerCase().replace(/\.$/, ''));
  }

  allowsAddress(address: string): boolean {
    if (this.cidrs.length === 0) return false;
    let ip: Address;
    try {
      ip = ipaddr.process(address.replace(/^\[|\]$/g, ''));
    } catch {
      return false;
    }
    return this.cidrs.some(([base, bits]) => {
      const candidate =
        base.kind() === ip.kind()
          ? ip
          : base.kind() === 'ipv6' && ip.kind() === 'ipv4'
            ? (ip as ipaddr.IPv4).toIPv4MappedAddress()
            : undefined;
      return candidate ? candidate.match(base, bits) : false;
    });
  }
}
