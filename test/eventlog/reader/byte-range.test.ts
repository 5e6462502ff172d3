import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSplits, type ByteRange } from '../../../src/eventlog/reader/index.js';
import { bytesOf, fixture, scratchDir } from './support.js';

const SAMPLES: Record<string, string> = {
  'short-lines': 'a\nbb\nccc\n\n\ndddd\ne\n',
  'no-final-newline': 'first line\nsecond\r\nthird, unterminated',
  'one-long-line': 'x'.repeat(37) + '\n',
  'only-newlines': '\n\n\n\n\n',
  'long-and-short': 'tiny\n' + 'y'.repeat(25) + '\nz\n' + 'w'.repeat(11),
  'single-char': 'q',
};

function writeSample(text: string): string {
  const path = join(scratchDir(), 'sample.log');
  writeFileSync(path, text, 'latin1');
  return path;
}

async function readRanges(path: string, ranges: ByteRange[], chunkSize: number): Promise<string> {
  const parts: Buffer[] = [];
  for (const range of ranges) parts.push(await bytesOf(path, { range, chunkSize }));
  return Buffer.concat(parts).toString('latin1');
}

describe('byte ranges (Hadoop rule: a line belongs to the split where it starts)', () => {
  it('reads every line exactly once for every way of cutting a small file in three', async () => {
    for (const [name, text] of Object.entries(SAMPLES)) {
      const path = writeSample(text);
      const size = text.length;
      // Each range is read once (with a 3-byte read step) and reused by every cut that needs it.
      const read = new Map<string, string>();
      for (let a = 0; a <= size; a++)
        for (let b = a; b <= size; b++) read.set(`${a},${b}`, await readRanges(path, [{ start: a, end: b }], 3));
      for (let a = 0; a <= size; a++)
        for (let b = a; b <= size; b++)
          expect(read.get(`0,${a}`)! + read.get(`${a},${b}`)! + read.get(`${b},${size}`)!, `${name} cut at ${a},${b}`).toBe(text);
    }
  }, 60_000);

  it('reads every line exactly once for every cut in two, with one-byte and large read steps', async () => {
    for (const [name, text] of Object.entries(SAMPLES)) {
      const path = writeSample(text);
      for (const chunkSize of [1, 1024])
        for (let a = 0; a <= text.length; a++) {
          const got = await readRanges(path, [{ start: 0, end: a }, { start: a, end: text.length }], chunkSize);
          expect(got, `${name} cut at ${a} chunk ${chunkSize}`).toBe(text);
        }
    }
  });

  it('gives each line to the range where it starts', async () => {
    const path = writeSample('aaa\nbbb\nccc\n');
    expect((await bytesOf(path, { range: { start: 0, end: 4 } })).toString()).toBe('aaa\n');
    expect((await bytesOf(path, { range: { start: 0, end: 5 } })).toString()).toBe('aaa\nbbb\n');
    expect((await bytesOf(path, { range: { start: 4, end: 5 } })).toString()).toBe('bbb\n');
    expect((await bytesOf(path, { range: { start: 5, end: 8 } })).toString()).toBe('');
    expect((await bytesOf(path, { range: { start: 5, end: 9 } })).toString()).toBe('ccc\n');
  });
});

describe('planSplits', () => {
  it('covers every line exactly once for every target split size', async () => {
    for (const [name, text] of Object.entries(SAMPLES)) {
      const path = writeSample(text);
      for (let target = 1; target <= text.length + 1; target++) {
        const splits = await planSplits([path], target);
        const ranges = splits.map((s) => s.range ?? { start: 0, end: text.length });
        expect(await readRanges(path, ranges, 2), `${name} target ${target}`).toBe(text);
        expect(splits.reduce((n, s) => n + s.bytes, 0)).toBe(text.length);
      }
    }
  });

  it('cuts large plain files into contiguous ranges and leaves small files whole', async () => {
    const big = writeSample('0123456789\n'.repeat(100)); // 1100 bytes
    const small = writeSample('tiny\n');
    const splits = await planSplits([big, small], 300);
    expect(splits.map((s) => s.range)).toEqual([
      { start: 0, end: 300 },
      { start: 300, end: 600 },
      { start: 600, end: 900 },
      { start: 900, end: 1100 },
      undefined,
    ]);
    expect(splits.every((s) => !s.gzip)).toBe(true);
  });

  it('never cuts a gzip file, however large', async () => {
    const [split] = await planSplits([fixture('tracking.log-20240301.gz')], 10);
    expect(split.gzip).toBe(true);
    expect(split.range).toBeUndefined();
    expect(split.bytes).toBeGreaterThan(10);
  });

  it('names a missing input file in an InputError', async () => {
    await expect(planSplits([join(scratchDir(), 'gone.log')], 100)).rejects.toThrow(/gone\.log does not exist/);
  });

  it('lets the last split run up to 10% over the target instead of leaving a sliver', async () => {
    const path = writeSample('x'.repeat(105));
    expect((await planSplits([path], 100)).map((s) => s.range)).toEqual([undefined]);
  });
});
