import { copyFileSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Counters } from '../../../src/core/counters.js';
import { InputError } from '../../../src/core/errors.js';
import { INPUT_COUNTERS } from '../../../src/eventlog/reader/index.js';
import { bytesOf, chunksOf, fixture, linesOf, scratchDir } from './support.js';

describe('readLineChunks on plain files', () => {
  it('returns the file byte for byte, every chunk made of whole lines, whatever the chunk size', async () => {
    const path = fixture('mixed.log');
    const original = readFileSync(path);
    for (const chunkSize of [1, 2, 7, 64, 1 << 20]) {
      const chunks = await chunksOf(path, { chunkSize });
      expect(Buffer.concat(chunks).equals(original)).toBe(true);
      // Only the file's unterminated last line may end without '\n'.
      chunks.slice(0, -1).forEach((chunk) => expect(chunk[chunk.length - 1]).toBe(0x0a));
      expect(chunks[chunks.length - 1].toString()).toMatch(/"event_type": "problem_check"}$/);
    }
  });

  it('counts an unterminated last line and keeps invalid UTF-8, BOMs and CRs untouched', async () => {
    const bytes = await bytesOf(fixture('mixed.log'));
    const lines = linesOf(bytes);
    expect(lines).toHaveLength(9);
    expect(bytes.includes(Buffer.from([0xe9]))).toBe(true);
    expect(bytes.includes(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    expect(lines.some((l) => l.includes('a\rb'))).toBe(true);
  });

  it('keeps the \\r of CRLF line ends inside the lines', async () => {
    const lines = linesOf(await bytesOf(fixture('crlf.log')));
    expect(lines).toHaveLength(3);
    lines.forEach((line) => expect(line.endsWith('}\r')).toBe(true));
  });

  it('yields nothing for an empty file', async () => {
    expect(await chunksOf(fixture('empty.log'))).toEqual([]);
  });

  it('names a missing file in an InputError', async () => {
    const missing = join(scratchDir(), 'nope.log');
    await expect(chunksOf(missing)).rejects.toThrow(InputError);
    await expect(chunksOf(missing)).rejects.toThrow(missing);
  });

  it.skipIf(process.getuid?.() === 0)('names an unreadable file in an InputError', async () => {
    const path = join(scratchDir(), 'secret.log');
    writeFileSync(path, 'x\n');
    chmodSync(path, 0o000);
    await expect(chunksOf(path)).rejects.toThrow(/not readable/);
  });
});

describe('readLineChunks on gzip files', () => {
  it('reads every member of a multi-member gzip', async () => {
    const lines = linesOf(await bytesOf(fixture('tracking.log-20240301.gz')));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(lines[3]);
  });

  it('detects gzip by its magic bytes, not its name', async () => {
    const path = fixture('rotated-without-suffix');
    expect(await bytesOf(path)).toEqual(gunzipSync(readFileSync(path)));
  });

  it('treats a file named .gz that is not gzip as plain text', async () => {
    const path = join(scratchDir(), 'mislabelled.log.gz');
    writeFileSync(path, 'plain\ntext\n');
    expect((await bytesOf(path)).toString()).toBe('plain\ntext\n');
  });

  it('yields whole lines from small decompressed pieces', async () => {
    const path = join(scratchDir(), 'long.gz');
    const text = Array.from({ length: 3000 }, (_, i) => `line ${i} ${'x'.repeat(i % 97)}`).join('\n') + '\n';
    writeFileSync(path, gzipSync(text));
    const chunks = await chunksOf(path, { chunkSize: 1024 });
    expect(Buffer.concat(chunks).toString()).toBe(text);
    chunks.forEach((chunk) => expect(chunk[chunk.length - 1]).toBe(0x0a));
  });

  it('fails on a truncated gzip with an InputError naming the file and the byte offset', async () => {
    const path = fixture('truncated.log.gz');
    const size = readFileSync(path).length;
    const error = await chunksOf(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain(`compressed byte ${size}`);
    expect((error as Error).message).toContain('--on-corrupt-input skip');
  });

  it('with onCorrupt skip, counts the file and keeps the complete lines before the damage', async () => {
    const counters = new Counters();
    const lines = linesOf(await bytesOf(fixture('truncated.log.gz'), { onCorrupt: 'skip', counters }));
    expect(counters.get(INPUT_COUNTERS.group, INPUT_COUNTERS.corruptGzipFiles)).toBe(1);
    // Every complete line zlib can recover from the truncated file, and not the cut one after them.
    const recoverable = gunzipSync(readFileSync(fixture('truncated.log.gz')), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
    expect(lines).toEqual(linesOf(Buffer.from(recoverable.slice(0, recoverable.lastIndexOf('\n') + 1), 'latin1')));
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.length).toBeLessThan(200);
    lines.forEach((line, i) => expect(JSON.parse(line).username).toBe(`u${i}`));
  });

  it('fails on damaged compressed data in the middle of a file, naming where', async () => {
    const dir = scratchDir();
    const path = join(dir, 'damaged.gz');
    const text = Array.from({ length: 20000 }, (_, i) => `{"n": ${i}, "pad": "${'abc'.repeat(i % 20)}"}`).join('\n') + '\n';
    const gz = gzipSync(text);
    for (let i = 0; i < 64; i++) gz[Math.floor(gz.length / 2) + i] ^= 0x5a;
    writeFileSync(path, gz);
    await expect(chunksOf(path, { chunkSize: 4096 })).rejects.toThrow(/damaged\.gz: corrupt gzip .*compressed byte/);
    const counters = new Counters();
    const kept = linesOf(await bytesOf(path, { chunkSize: 4096, onCorrupt: 'skip', counters }));
    expect(counters.get('Input', 'Corrupt Gzip Files')).toBe(1);
    expect(kept.length).toBeLessThan(20000);
  });

  it('treats garbage after the last member as corruption, not as the end of the data', async () => {
    const path = join(scratchDir(), 'trailing.gz');
    copyFileSync(fixture('tracking.log-20240301.gz'), path);
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('not gzip at all\n')]));
    await expect(chunksOf(path)).rejects.toThrow(InputError);
  });

  describe('with --on-corrupt-input skip, the lines before the damage are kept (as gzip -d keeps them)', () => {
    // Session ids as real logs have them: hex that compresses about as badly as real events do.
    const session = (i: number) => Array.from({ length: 4 }, (_, k) => ((Math.imul(i + 1, 2654435761) ^ Math.imul(k + 7, 40503)) >>> 0).toString(16).padStart(8, '0')).join('');
    const line = (i: number) => `{"username": "u${i}", "event_type": "problem_check", "time": "2024-03-01T00:00:${String(i % 60).padStart(2, '0')}.000000+00:00", "session": "${session(i)}"}`;
    const text = (n: number, from = 0) => Array.from({ length: n }, (_, i) => line(from + i)).join('\n') + '\n';

    it.each([
      ['a small file: two members, then garbage (zlib used to drop all of it with the damage)', 300, 4096],
      ['a larger file read in small chunks', 20000, 4096],
    ])('%s', async (_name, n, chunkSize) => {
      const path = join(scratchDir(), 'members-then-garbage.gz');
      const half = Math.floor(n / 2);
      writeFileSync(path, Buffer.concat([gzipSync(text(half)), gzipSync(text(n - half, half)), Buffer.from('not gzip at all\n')]));
      await expect(chunksOf(path, { chunkSize })).rejects.toThrow(/members-then-garbage\.gz: corrupt gzip/);
      const counters = new Counters();
      const kept = linesOf(await bytesOf(path, { chunkSize, onCorrupt: 'skip', counters }));
      expect(counters.get('Input', 'Corrupt Gzip Files')).toBe(1);
      // Lost: what the last 64 compressed bytes before the damage decode to (a line or two).
      expect(kept.length).toBeGreaterThanOrEqual(n - 3);
      kept.forEach((l, i) => expect(l).toBe(line(i)));
    });

    it('a member whose header is damaged after a good one', async () => {
      const path = join(scratchDir(), 'bad-second-header.gz');
      writeFileSync(path, Buffer.concat([gzipSync(text(200)), Buffer.from([0x1f, 0x8b, 0x58, 0x58]), Buffer.from('garbage')]));
      const kept = linesOf(await bytesOf(path, { onCorrupt: 'skip', counters: new Counters() }));
      expect(kept.length).toBeGreaterThanOrEqual(197);
      kept.forEach((l, i) => expect(l).toBe(line(i)));
    });
  });

  it('refuses a byte range that starts inside a gzip file', async () => {
    await expect(chunksOf(fixture('tracking.log-20240301.gz'), { range: { start: 10, end: 20 } })).rejects.toThrow(/cannot be read by byte range/);
  });
});
