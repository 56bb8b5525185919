import { readFileSync } from 'node:fs';

/**
 * The kernel's count of connections dropped because a listen queue was full (Linux,
 * /proc/net/netstat TcpExt ListenOverflows; whole machine). A dropped SYN is retried by the
 * client after 1 s, then 3 s, 7 s…, which shows up as latency or timeouts.
 */
export function listenOverflows(): number | undefined {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    const i = lines.findIndex((l) => l.startsWith('TcpExt:'));
    const names = lines[i]?.split(/\s+/) ?? [];
    const values = lines[i + 1]?.split(/\s+/) ?? [];
    const at = names.indexOf('ListenOverflows');
    return at > 0 ? Number(values[at]) : undefined;
  } catch {
    return undefined;
  }
}
