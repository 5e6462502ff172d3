/**
 * Encoded map output records packed into one byte buffer plus an index of
 * typed arrays: no object per record, so millions of buffered records cost
 * the garbage collector nothing (per-record objects made it dominate).
 * Keys are sorted by comparing their UTF-8 bytes natively, which is the one
 * key order (see keys.ts).
 */
const INITIAL_RECORDS = 1024;

export class RecordBuffer {
  #data: Buffer;
  #used = 0;
  #count = 0;
  #partition = new Int32Array(INITIAL_RECORDS);
  /** Byte offsets: key start, key end (= value start), value end. */
  #keyStart = new Int32Array(INITIAL_RECORDS);
  #keyEnd = new Int32Array(INITIAL_RECORDS);
  #valueEnd = new Int32Array(INITIAL_RECORDS);
  /** Length of the byte prefix every key so far shares: sorting compares the bytes after it first. */
  #common = 0;

  /** `capacityBytes` is a first size; the buffer grows past it if records need more room. */
  constructor(capacityBytes: number) {
    this.#data = Buffer.allocUnsafe(Math.max(64 * 1024, Math.ceil(capacityBytes)));
  }

  get count(): number {
    return this.#count;
  }

  /**
   * Bytes held: data, the index (16 bytes per record slot) and what sorting
   * adds (the order, the prefixes and V8's copy: about 28 bytes a record).
   * What the sort budget counts.
   */
  get bytes(): number {
    return this.#used + 16 * this.#partition.length + 28 * this.#count;
  }

  add(partition: number, key: string, value: string): void {
    const need = 3 * (key.length + value.length); // UTF-8 worst case for UTF-16 input
    if (this.#used + need > this.#data.length) this.#grow(this.#used + need);
    if (this.#count === this.#partition.length) this.#growIndex();
    const i = this.#count++;
    this.#partition[i] = partition;
    this.#keyStart[i] = this.#used;
    this.#used += this.#data.write(key, this.#used, 'utf8');
    this.#keyEnd[i] = this.#used;
    this.#narrowCommonPrefix(i);
    this.#used += this.#data.write(value, this.#used, 'utf8');
    this.#valueEnd[i] = this.#used;
  }

  clear(): void {
    this.#used = 0;
    this.#count = 0;
    this.#common = 0;
  }

  #narrowCommonPrefix(i: number): void {
    const start = this.#keyStart[i]!;
    const length = this.#keyEnd[i]! - start;
    if (i === 0) {
      this.#common = length;
      return;
    }
    const data = this.#data;
    const first = this.#keyStart[0]!;
    let n = Math.min(this.#common, length);
    for (let j = 0; j < n; j++)
      if (data[first + j] !== data[start + j]) {
        n = j;
        break;
      }
    this.#common = n;
  }

  /** Six key bytes after the common prefix as one exact number (0-padded: JSON has no NUL, so shorter sorts first). */
  #prefixes(): Float64Array {
    const out = new Float64Array(this.#count);
    const data = this.#data;
    for (let i = 0; i < this.#count; i++) {
      const from = this.#keyStart[i]! + this.#common;
      const end = this.#keyEnd[i]!;
      let v = 0;
      for (let j = 0; j < 6; j++) v = v * 256 + (from + j < end ? data[from + j]! : 0);
      out[i] = v;
    }
    return out;
  }

  partitionOf(i: number): number {
    return this.#partition[i]!;
  }

  /** Record indexes ordered by partition, then key bytes; equal keys keep arrival order. */
  sortedOrder(): Uint32Array {
    const order = new Uint32Array(this.#count);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const data = this.#data;
    const p = this.#partition;
    const ks = this.#keyStart;
    const ke = this.#keyEnd;
    const prefix = this.#prefixes();
    // Numbers first (cheap); the full byte comparison only when the six bytes tie.
    order.sort((a, b) => p[a]! - p[b]! || prefix[a]! - prefix[b]! || data.compare(data, ks[b]!, ke[b]!, ks[a]!, ke[a]!) || a - b);
    return order;
  }

  sameKey(a: number, b: number): boolean {
    return this.#data.compare(this.#data, this.#keyStart[b]!, this.#keyEnd[b]!, this.#keyStart[a]!, this.#keyEnd[a]!) === 0;
  }

  key(i: number): string {
    return this.#data.toString('utf8', this.#keyStart[i]!, this.#keyEnd[i]!);
  }

  value(i: number): string {
    return this.#data.toString('utf8', this.#keyEnd[i]!, this.#valueEnd[i]!);
  }

  /** Copy record i as a `key<TAB>value\n` line into `out` at `at`; returns the new end, or -1 if it does not fit. */
  copyLine(i: number, out: Buffer, at: number): number {
    const ks = this.#keyStart[i]!;
    const ke = this.#keyEnd[i]!;
    const ve = this.#valueEnd[i]!;
    const length = ve - ks + 2;
    if (at + length > out.length) return -1;
    this.#data.copy(out, at, ks, ke);
    at += ke - ks;
    out[at++] = 9;
    this.#data.copy(out, at, ke, ve);
    at += ve - ke;
    out[at++] = 10;
    return at;
  }

  lineLength(i: number): number {
    return this.#valueEnd[i]! - this.#keyStart[i]! + 2;
  }

  #grow(min: number): void {
    const next = Buffer.allocUnsafe(Math.max(min, this.#data.length * 2));
    this.#data.copy(next, 0, 0, this.#used);
    this.#data = next;
  }

  #growIndex(): void {
    const grow = (a: Int32Array) => {
      const next = new Int32Array(a.length * 2);
      next.set(a);
      return next;
    };
    this.#partition = grow(this.#partition);
    this.#keyStart = grow(this.#keyStart);
    this.#keyEnd = grow(this.#keyEnd);
    this.#valueEnd = grow(this.#valueEnd);
  }
}
