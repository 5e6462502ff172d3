/**
 * A tiny MaxMind DB (.mmdb) writer for tests, from the published format
 * spec (MaxMind DB File Format 2.0): a binary search tree of 24-bit records,
 * 16 zero bytes, the data section, then `\xAB\xCD\xEFMaxMind.com` and the
 * metadata map. No npm package writes the format, and real GeoLite2 files
 * cannot be fetched here, so the tests build the small files they read.
 */
import { parseIp } from '../../../src/tasks/location/geoip/ip-address.js';

export type MmdbValue = string | number | boolean | MmdbValue[] | { [key: string]: MmdbValue };

export interface MmdbNetwork {
  /** An address text (IPv4 or IPv6) and a prefix length, as in CIDR. */
  address: string;
  prefix: number;
  data: MmdbValue;
}

interface TreeNode {
  children: [TreeNode | number | null, TreeNode | number | null];
}

const RECORD_BITS = 24;
const METADATA_START = Buffer.concat([Buffer.from([0xab, 0xcd, 0xef]), Buffer.from('MaxMind.com')]);

/** The bytes of an .mmdb file holding `networks` (IPv4 ones sit at ::a.b.c.d in an IPv6 tree, as MaxMind's do). */
export function writeMmdb(ipVersion: 4 | 6, networks: MmdbNetwork[], databaseType = 'Pipewright-Test-Country'): Buffer {
  const data: Buffer[] = [];
  let dataSize = 0;
  const root: TreeNode = { children: [null, null] };
  for (const network of networks) {
    const parsed = parseIp(network.address);
    if (parsed === null) throw new Error(`not an address: ${network.address}`);
    let bits = [...parsed.bytes].flatMap((byte) => [7, 6, 5, 4, 3, 2, 1, 0].map((shift) => (byte >> shift) & 1));
    let prefix = network.prefix;
    if (ipVersion === 6 && parsed.version === 4) [bits, prefix] = [[...new Array<number>(96).fill(0), ...bits], prefix + 96];
    if (ipVersion === 4 && parsed.version === 6) throw new Error('an IPv6 network in an IPv4 tree');
    const encoded = encode(network.data);
    insert(root, bits.slice(0, prefix), dataSize);
    data.push(encoded);
    dataSize += encoded.length;
  }
  const nodes = numberNodes(root);
  const tree = Buffer.alloc(nodes.length * 6);
  const record = (child: TreeNode | number | null): number =>
    child === null ? nodes.length : typeof child === 'number' ? nodes.length + 16 + child : nodes.indexOf(child);
  nodes.forEach((node, i) => {
    tree.writeUIntBE(record(node.children[0]), i * 6, 3);
    tree.writeUIntBE(record(node.children[1]), i * 6 + 3, 3);
  });
  const metadata = encode({
    node_count: nodes.length,
    record_size: RECORD_BITS,
    ip_version: ipVersion,
    database_type: databaseType,
    languages: ['en'],
    binary_format_major_version: 2,
    binary_format_minor_version: 0,
    build_epoch: 1700000000,
    description: { en: 'Pipewright test database' },
  });
  return Buffer.concat([tree, Buffer.alloc(16), ...data, METADATA_START, metadata]);
}

function insert(root: TreeNode, bits: number[], dataOffset: number): void {
  let node = root;
  bits.forEach((bit, depth) => {
    if (depth === bits.length - 1) return void (node.children[bit as 0 | 1] = dataOffset);
    let next = node.children[bit as 0 | 1];
    if (next === null || typeof next === 'number') node.children[bit as 0 | 1] = next = { children: [next, next] };
    node = next;
  });
}

function numberNodes(root: TreeNode): TreeNode[] {
  const nodes: TreeNode[] = [];
  const visit = (node: TreeNode) => {
    nodes.push(node);
    for (const child of node.children) if (child !== null && typeof child !== 'number') visit(child);
  };
  visit(root);
  return nodes;
}

/** One value in the data section's encoding: a control byte (type, size), then the payload. */
function encode(value: MmdbValue): Buffer {
  if (typeof value === 'string') return withControl(2, Buffer.from(value, 'utf8'));
  if (typeof value === 'boolean') return withControl(14, Buffer.alloc(0), value ? 1 : 0);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Error(`only uint32 numbers: ${value}`);
    const bytes = Buffer.alloc(4);
    bytes.writeUInt32BE(value);
    let start = 0;
    while (start < 4 && bytes[start] === 0) start++;
    return withControl(6, bytes.subarray(start));
  }
  if (Array.isArray(value)) return withControl(11, Buffer.concat(value.map(encode)), value.length);
  const entries = Object.entries(value);
  return withControl(7, Buffer.concat(entries.flatMap(([k, v]) => [encode(k), encode(v)])), entries.length);
}

function withControl(type: number, payload: Buffer, size = payload.length): Buffer {
  if (size >= 285) throw new Error('values of 285 bytes or entries and more are not needed by these tests');
  // Sizes 29-284 take one extra byte (size - 29) after the control byte and any extended type byte.
  const [sizeBits, extra] = size < 29 ? [size, []] : [29, [size - 29]];
  const head = type <= 7 ? [(type << 5) | sizeBits] : [sizeBits, type - 7];
  return Buffer.concat([Buffer.from([...head, ...extra]), payload]);
}
