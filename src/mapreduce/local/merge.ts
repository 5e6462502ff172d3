import type { EncodedRecord } from '../grouping.js';
import { compareUtf8 } from '../keys.js';

interface Head {
  record: EncodedRecord;
  source: Iterator<EncodedRecord>;
  /** Tie-break: equal keys come out in source order, so the merge is deterministic. */
  order: number;
}

function less(a: Head, b: Head): boolean {
  const c = compareUtf8(a.record[0], b.record[0]);
  return c < 0 || (c === 0 && a.order < b.order);
}

/** k-way merge of sorted record streams into one sorted stream (a binary min-heap of the streams' heads). */
export function* mergeSorted(sources: Iterable<EncodedRecord>[]): Generator<EncodedRecord> {
  const heap: Head[] = [];
  sources.forEach((s, order) => {
    const source = s[Symbol.iterator]();
    const first = source.next();
    if (!first.done) push(heap, { record: first.value, source, order });
  });
  while (heap.length > 0) {
    const top = heap[0]!;
    yield top.record;
    const next = top.source.next();
    if (next.done) {
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        siftDown(heap, 0);
      }
    } else {
      top.record = next.value;
      siftDown(heap, 0);
    }
  }
}

function push(heap: Head[], head: Head): void {
  heap.push(head);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!less(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

function siftDown(heap: Head[], i: number): void {
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let smallest = i;
    if (l < heap.length && less(heap[l]!, heap[smallest]!)) smallest = l;
    if (r < heap.length && less(heap[r]!, heap[smallest]!)) smallest = r;
    if (smallest === i) return;
    [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
    i = smallest;
  }
}
