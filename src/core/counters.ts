/**
 * Named counters, grouped like Hadoop's: `count('Discard', 'Unparseable Event', 1)`.
 * Tasks increment them; the scheduler adds them into the run summary.
 */
export class Counters {
  readonly #groups = new Map<string, Map<string, number>>();

  add(group: string, name: string, amount = 1): void {
    let names = this.#groups.get(group);
    if (!names) this.#groups.set(group, (names = new Map()));
    names.set(name, (names.get(name) ?? 0) + amount);
  }

  get(group: string, name: string): number {
    return this.#groups.get(group)?.get(name) ?? 0;
  }

  merge(other: Counters | CounterRecord): void {
    const record = other instanceof Counters ? other.toJSON() : other;
    for (const [group, names] of Object.entries(record))
      for (const [name, amount] of Object.entries(names)) this.add(group, name, amount);
  }

  get isEmpty(): boolean {
    return this.#groups.size === 0;
  }

  /** `{ group: { name: n } }`, groups and names sorted. */
  toJSON(): CounterRecord {
    const out: CounterRecord = {};
    for (const group of [...this.#groups.keys()].sort()) {
      const names = this.#groups.get(group)!;
      out[group] = Object.fromEntries([...names.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return out;
  }
}

export type CounterRecord = Record<string, Record<string, number>>;
