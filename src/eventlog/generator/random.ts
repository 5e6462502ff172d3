/**
 * A small, fast, seeded PRNG (sfc32) with the helpers the generator needs.
 * Same seed, same sequence, on every machine and Node version: the
 * generator's output is a pure function of its options.
 */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number, stream = 0) {
    // splitmix32 spreads the seed so nearby seeds give unrelated sequences.
    let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Index skewed towards 0 (a few items are popular, most are not). */
  skewed(n: number, power = 2): number {
    return Math.floor(Math.pow(this.next(), power) * n);
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.uint32().toString(16).padStart(8, '0');
    return out.slice(0, length);
  }
}

/** Picks keys with fixed weights, by a precomputed cumulative table. */
export class Weighted<K extends string> {
  readonly #keys: K[];
  readonly #cumulative: number[];
  constructor(weights: Record<K, number>) {
    this.#keys = Object.keys(weights) as K[];
    let total = 0;
    this.#cumulative = this.#keys.map((k) => (total += weights[k]));
    this.#cumulative = this.#cumulative.map((c) => c / total);
  }
  pick(random: Random): K {
    const r = random.next();
    const c = this.#cumulative;
    let i = 0;
    while (i < c.length - 1 && r >= c[i]!) i++;
    return this.#keys[i]!;
  }
}
