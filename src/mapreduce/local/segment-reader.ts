import { closeSync, openSync, readSync } from 'node:fs';
import { splitRecord } from '../keys.js';
import type { EncodedRecord } from '../grouping.js';

/** A byte range of a spill file: one partition of one sorted run. */
export interface Segment {
  path: string;
  start: number;
  end: number;
}

const BLOCK = 64 * 1024;

/**
 * The records of a segment, read synchronously in blocks, so a reducer can
 * pull values lazily from a merge of many runs (reducers are synchronous
 * generators; a worker thread may block). Blocks are cut at the last '\n'
 * before decoding, so a UTF-8 character is never split.
 */
export function* readSegment(segment: Segment, blockSize = BLOCK): Generator<EncodedRecord> {
  const fd = openSync(segment.path, 'r');
  try {
    let position = segment.start;
    let carry = Buffer.alloc(0);
    while (position < segment.end) {
      const want = Math.min(blockSize, segment.end - position);
      const block = Buffer.allocUnsafe(carry.length + want);
      carry.copy(block, 0);
      const read = readSync(fd, block, carry.length, want, position);
      if (read === 0) throw new Error(`spill file ${segment.path} ends at byte ${position}, before ${segment.end}: was it deleted or truncated?`);
      position += read;
      const filled = block.subarray(0, carry.length + read);
      const last = filled.lastIndexOf(10);
      if (last === -1) {
        carry = filled;
        continue;
      }
      const text = filled.toString('utf8', 0, last);
      carry = Buffer.from(filled.subarray(last + 1));
      for (const line of text.split('\n')) yield splitRecord(line);
    }
    if (carry.length > 0) yield splitRecord(carry.toString('utf8'));
  } finally {
    closeSync(fd);
  }
}
