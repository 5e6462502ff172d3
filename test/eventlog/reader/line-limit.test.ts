import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Counters } from '../../../src/core/counters.js';
import { INPUT_COUNTERS } from '../../../src/eventlog/reader/index.js';
import { bytesOf, linesOf, scratchDir } from './support.js';

// Lines over the limit are dropped as they are read (never held whole) and counted. The check is
// on what a reader holds across reads, so a line passes if its end arrives in the read that takes
// it over the limit: the long lines here are longer than the limit plus any read (gzip decodes in
// pieces of 64 KiB and more).
const LIMIT = 1000;
const LONG = 200_000;
const good = (i: number) => `{"n": ${i}, "pad": "${'x'.repeat(i % 50)}"}`;
const text = [good(0), 'a'.repeat(LONG), good(1), good(2), '\0'.repeat(LONG), good(3), 'b'.repeat(LONG)].join('\n'); // the last one unterminated
const expected = [good(0), good(1), good(2), good(3)];
const overlong = (counters: Counters) => counters.get(INPUT_COUNTERS.group, INPUT_COUNTERS.overlongLines);

describe('lines over the length limit', () => {
  it.each([['plain', Buffer.from(text)], ['gzip', gzipSync(text)]])('%s: dropped and counted, the others kept', async (kind, bytes) => {
    const path = join(scratchDir(), `long.${kind === 'gzip' ? 'gz' : 'log'}`);
    writeFileSync(path, bytes);
    for (const chunkSize of [256, 4096]) {
      const counters = new Counters();
      const lines = linesOf(await bytesOf(path, { chunkSize, maxLineBytes: LIMIT, counters }));
      expect(lines, `chunk ${chunkSize}`).toEqual(expected);
      expect(overlong(counters), `chunk ${chunkSize}`).toBe(3);
    }
  });

  it('plain, read by byte ranges: every kept line once and every long line counted once, wherever the cuts fall', async () => {
    // Plain reads are chunkSize bytes, so lines a few times the limit are long enough here.
    const long = (c: string) => c.repeat(3 * LIMIT);
    const small = [good(0), long('a'), good(1), good(2), long('\0'), good(3), long('b')].join('\n');
    const path = join(scratchDir(), 'long-ranges.log');
    writeFileSync(path, small);
    const size = Buffer.byteLength(small);
    for (let cut = 1; cut < size; cut += 37) {
      const counters = new Counters();
      const first = linesOf(await bytesOf(path, { range: { start: 0, end: cut }, chunkSize: 256, maxLineBytes: LIMIT, counters }));
      const second = linesOf(await bytesOf(path, { range: { start: cut, end: size }, chunkSize: 256, maxLineBytes: LIMIT, counters }));
      expect([...first, ...second], `cut at ${cut}`).toEqual(expected);
      expect(overlong(counters), `cut at ${cut}`).toBe(3);
    }
  });

  it('a line under the limit passes whole, however many reads it spans', async () => {
    const path = join(scratchDir(), 'just-under.log');
    const line = 'y'.repeat(LIMIT - 1);
    writeFileSync(path, `${line}\n${good(7)}\n`);
    const counters = new Counters();
    expect(linesOf(await bytesOf(path, { chunkSize: 64, maxLineBytes: LIMIT, counters }))).toEqual([line, good(7)]);
    expect(overlong(counters)).toBe(0);
  });
});
