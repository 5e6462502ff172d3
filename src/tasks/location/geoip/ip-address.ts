import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** An address as the tree readers walk it: 4 bytes (IPv4) or 16 (IPv6), most significant first. */
export interface IpAddress {
  version: 4 | 6;
  bytes: Uint8Array;
}

/**
 * The address in a tracking log's `ip` field, or null when it is not one.
 * Only the usual forms: dotted quads (`10.1.2.3`, no shorthand like `10.1`)
 * and IPv6 text (`::`, an embedded dotted quad, a `%zone` is refused).
 */
export function parseIp(text: string): IpAddress | null {
  if (isIPv4(text)) return { version: 4, bytes: Uint8Array.from(text.split('.').map(Number)) };
  if (isIPv6(text) && !text.includes('%')) return { version: 6, bytes: ipv6Bytes(text) };
  return null;
}

/** An IPv4 address as IPv6 `::ffff:a.b.c.d`, where IPv6 databases keep IPv4 space. */
export function mappedToIpv6(address: IpAddress): IpAddress {
  if (address.version === 6) return address;
  const bytes = new Uint8Array(16);
  bytes[10] = 0xff;
  bytes[11] = 0xff;
  bytes.set(address.bytes, 12);
  return { version: 6, bytes };
}

function ipv6Bytes(text: string): Uint8Array {
  let head = text;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    // A trailing dotted quad is the last 32 bits: rewrite it as two groups.
    const quad = text.slice(lastColon + 1).split('.').map(Number) as [number, number, number, number];
    head = text.slice(0, lastColon + 1) + `${((quad[0] << 8) | quad[1]).toString(16)}:${((quad[2] << 8) | quad[3]).toString(16)}`;
  }
  const [left, right] = head.includes('::') ? (head.split('::') as [string, string]) : [head, undefined];
  const groups = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const before = groups(left);
  const after = groups(right);
  const all = right === undefined ? before : [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
  const bytes = new Uint8Array(16);
  all.forEach((group, i) => {
    bytes[2 * i] = group >> 8;
    bytes[2 * i + 1] = group & 0xff;
  });
  return bytes;
}

// Space no country owns (RFC 6890's special-purpose registries): a lookup there finds nothing by design.
const SPECIAL = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) SPECIAL.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32]] as const)
  SPECIAL.addSubnet(net, prefix, 'ipv6');

/** Whether the address is private, loopback, link-local, documentation, multicast or otherwise reserved. */
export function isPrivateOrReserved(text: string): boolean {
  if (isIPv4(text)) return SPECIAL.check(text, 'ipv4');
  if (!isIPv6(text)) return false;
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  return v4 ? SPECIAL.check(v4[1]!, 'ipv4') : SPECIAL.check(text, 'ipv6');
}
