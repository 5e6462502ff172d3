/** A sorted stream of encoded records, grouped by key without holding a group in memory. */
export interface Group {
  encodedKey: string;
  /** Encoded values of this key; lazy, readable once. Unread values are skipped when the next group starts. */
  values: Iterable<string>;
}

export type EncodedRecord = readonly [encodedKey: string, encodedValue: string];

/** Group consecutive records with equal encoded keys (the input must be sorted by key). */
export function* groupSorted(records: Iterable<EncodedRecord>): Generator<Group> {
  const it = records[Symbol.iterator]();
  let next = it.next();
  while (!next.done) {
    const encodedKey = next.value[0];
    let inGroup = true;
    const values = function* (): Generator<string> {
      while (inGroup) {
        yield next.value![1];
        next = it.next();
        if (next.done || next.value[0] !== encodedKey) inGroup = false;
      }
    };
    let consumed = false;
    yield {
      encodedKey,
      values: {
        [Symbol.iterator]() {
          if (consumed) throw new Error(`the values of key ${encodedKey} can be read only once; copy them into an array to read them twice`);
          consumed = true;
          return values();
        },
      },
    };
    // Skip what the reducer left unread.
    while (inGroup) {
      next = it.next();
      if (next.done || next.value[0] !== encodedKey) inGroup = false;
    }
  }
}
