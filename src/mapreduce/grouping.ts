/** A sorted stream of encoded records, grouped by key without holding a group in memory. */
export interface Group {
  encodedKey: string;
  /** Encoded values of this key; lazy, readable once. Unread values are skipped when the next group starts. */
  values: Iterable<string>;
}

export type EncodedRecord = readonly [encodedKey: string, encodedValue: string];

/**
 * The values of one group, read from a shared cursor over the sorted stream.
 * A plain iterator object rather than a generator per group: groups are
 * often tiny and there can be millions of them.
 */
class GroupValues implements Iterable<string>, Iterator<string> {
  #started = false;
  constructor(
    private readonly cursor: SortedCursor,
    readonly key: string,
  ) {}

  [Symbol.iterator](): Iterator<string> {
    if (this.#started) throw new Error(`the values of key ${this.key} can be read only once; copy them into an array to read them twice`);
    this.#started = true;
    return this;
  }

  next(): IteratorResult<string> {
    const cursor = this.cursor;
    if (cursor.done || cursor.key !== this.key) return { done: true, value: undefined };
    const value = cursor.value;
    cursor.advance();
    return { done: false, value };
  }
}

class SortedCursor {
  done = false;
  key = '';
  value = '';
  constructor(private readonly it: Iterator<EncodedRecord>) {
    this.advance();
  }
  advance(): void {
    const next = this.it.next();
    if (next.done) this.done = true;
    else [this.key, this.value] = next.value;
  }
}

/** Group consecutive records with equal encoded keys (the input must be sorted by key). */
export function* groupSorted(records: Iterable<EncodedRecord>): Generator<Group> {
  const cursor = new SortedCursor(records[Symbol.iterator]());
  while (!cursor.done) {
    const key = cursor.key;
    yield { encodedKey: key, values: new GroupValues(cursor, key) };
    while (!cursor.done && cursor.key === key) cursor.advance(); // what the reducer left unread
  }
}
