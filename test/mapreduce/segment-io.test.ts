import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineWriter } from '../../src/mapreduce/local/line-writer.js';
import { readSegment } from '../../src/mapreduce/local/segment-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'pipewright-segment-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Keys and values with multi-byte characters (2, 3 and 4 bytes), so block edges fall inside characters.
const records: Array<[string, string]> = Array.from({ length: 300 }, (_, i) => [`["k${i}","é€"]`, JSON.stringify({ i, text: '𝄞'.repeat(i % 7) + 'x'.repeat(i % 50) })]);
records.push(['["long"]', JSON.stringify('ü'.repeat(700_000))]); // longer than the writer's 1 MiB block once encoded

function writeAll(path: string): number[] {
  const writer = new LineWriter(path);
  const offsets = [0];
  for (const [key, value] of records) {
    writer.line(`${key}\t${value}`);
    offsets.push(writer.bytes);
  }
  writer.close();
  return offsets;
}

describe('spill file I/O', () => {
  const path = join(dir, 'run');
  const offsets = writeAll(path);

  it('LineWriter writes every line whole, and counts its UTF-8 bytes exactly', () => {
    expect(statSync(path).size).toBe(offsets.at(-1));
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toEqual(records.map(([k, v]) => `${k}\t${v}`));
  });

  it.each([5, 64, 4096, 64 * 1024])('readSegment gives back the same records with %i-byte blocks', (blockSize) => {
    expect([...readSegment({ path, start: 0, end: offsets.at(-1)! }, blockSize)]).toEqual(records);
  });

  it('readSegment reads only its byte range (a partition in the middle of a run)', () => {
    const segment = { path, start: offsets[10]!, end: offsets[20]! };
    expect([...readSegment(segment, 16)]).toEqual(records.slice(10, 20));
  });

  it('a segment cut short on disk is an error naming the file', () => {
    expect(() => [...readSegment({ path, start: 0, end: offsets.at(-1)! + 10 })]).toThrow(/spill file .*run ends at byte/);
  });
});
