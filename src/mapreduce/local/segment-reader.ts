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
 * The records of a segment, read synchronously into one reused block, so a
 * reducer can pull values lazily from a merge of many runs (reducers are
 * synchronous generators; a worker thread may block).
 *
 * Each line is decoded on its own as it is yielded. Decoding a whole block
 * and splitting it kept the block's text alive until its last record was
 * merged: with dozens of runs merged at once that outlived the young
 * generation, and peak RSS grew with the number of map tasks, i.e. with
 * the input.
 */
export function* readSegment(segment: Segment, blockSize = BLOCK): Generator<EncodedRecord> {
  const fd = openSync(segment.path, 'r');
  try {
    let block = Buffer.allocUnsafe(blockSize);
    let filled = 0; // bytes of `block` holding data not yet yielded, from 0
    let position = segment.start;
    while (position < segment.end) {
      if (filled === block.length) block = Buffer.concat([block, Buffer.allocUnsafe(block.length)]); // a record longer than the block
      const read = readSync(fd, block, filled, Math.min(block.length - filled, segment.end - position), position);
      if (read === 0) throw new Error(`spill file ${segment.path} ends at byte ${position}, before ${segment.end}: was it deleted or truncated?`);
      position += read;
      filled += read;
      // Search only the bytes read: past them lie stale ones from earlier blocks.
      const data = block.subarray(0, filled);
      let start = 0;
      for (let nl = data.indexOf(10); nl !== -1; nl = data.indexOf(10, start)) {
        yield splitRecord(data.toString('utf8', start, nl));
        start = nl + 1;
      }
      block.copyWithin(0, start, filled);
      filled -= start;
    }
    if (filled > 0) yield splitRecord(block.toString('utf8', 0, filled));
  } finally {
    closeSync(fd);
  }
}
