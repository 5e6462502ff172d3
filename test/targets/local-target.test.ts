import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryTarget, LocalTarget, SUCCESS_MARKER } from '../../src/targets/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipewright-target-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('LocalTarget', () => {
  it('when the writer finishes then the file appears whole, in new parent folders', async () => {
    const target = new LocalTarget(join(dir, 'a/b/out.tsv'));
    expect(target.exists()).toBe(false);
    await target.write(async (out) => {
      for (let i = 0; i < 3; i++) out.write(`row ${i}\n`);
    });
    expect(target.exists()).toBe(true);
    expect(readFileSync(target.path, 'utf8')).toBe('row 0\nrow 1\nrow 2\n');
    expect(readdirSync(join(dir, 'a/b'))).toEqual(['out.tsv']);
  });

  it('when the writer throws then no file and no temp file remain', async () => {
    const target = new LocalTarget(join(dir, 'out.tsv'));
    await expect(target.write(async (out) => {
      out.write('half');
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(target.exists()).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('when an output exists then a rewrite replaces it whole', async () => {
    const target = new LocalTarget(join(dir, 'out.tsv'));
    await target.writeText('old\n');
    await target.writeText('new\n');
    expect(readFileSync(target.path, 'utf8')).toBe('new\n');
  });

  it('writes real gzip for .gz paths and reads it back decoded', async () => {
    const target = new LocalTarget(join(dir, 'out.tsv.gz'));
    expect(target.format).toBe('gzip');
    await target.writeText('a\t1\nb\t2\n');
    const raw = readFileSync(target.path);
    expect([...raw.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(gunzipSync(raw).toString()).toBe('a\t1\nb\t2\n');
    expect(await text(target.openRead())).toBe('a\t1\nb\t2\n');
  });

  it('when a gzip file is truncated then reading it fails instead of returning less', async () => {
    const target = new LocalTarget(join(dir, 'out.gz'));
    await target.writeText('x'.repeat(100_000) + Math.random());
    const raw = readFileSync(target.path);
    writeFileSync(target.path, raw.subarray(0, raw.length - 10));
    await expect(text(target.openRead())).rejects.toThrow(/unexpected end of file/);
  });

  it('moves a file made by another program into place with withTemporaryPath', async () => {
    const target = new LocalTarget(join(dir, 'made.bin'));
    const got = await target.withTemporaryPath(async (tmp) => {
      writeFileSync(tmp, 'made elsewhere');
      return 42;
    });
    expect(got).toBe(42);
    expect(readFileSync(target.path, 'utf8')).toBe('made elsewhere');
  });

  it('when the other program fails or writes nothing then nothing appears, and the error says which', async () => {
    const target = new LocalTarget(join(dir, 'made.bin'));
    await expect(target.withTemporaryPath(async (tmp) => {
      writeFileSync(tmp, 'partial');
      throw new Error('tool crashed');
    })).rejects.toThrow('tool crashed');
    await expect(target.withTemporaryPath(async () => {})).rejects.toThrow(`${target.path}: the writer finished without creating its temporary file`);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('DirectoryTarget', () => {
  it('when built then the part files and _SUCCESS appear together', async () => {
    const target = new DirectoryTarget(join(dir, 'parts'));
    await target.build(async (tmp) => {
      writeFileSync(join(tmp, 'part-00001'), 'b\n');
      writeFileSync(join(tmp, 'part-00000'), 'a\n');
    });
    expect(target.exists()).toBe(true);
    expect(readdirSync(target.path).sort()).toEqual([SUCCESS_MARKER, 'part-00000', 'part-00001']);
    expect(await target.partFiles()).toEqual([join(target.path, 'part-00000'), join(target.path, 'part-00001')]);
  });

  it('when the build throws then neither the directory nor its temp remain', async () => {
    const target = new DirectoryTarget(join(dir, 'parts'));
    await expect(target.build(async (tmp) => {
      writeFileSync(join(tmp, 'part-00000'), 'a\n');
      throw new Error('reducer failed');
    })).rejects.toThrow('reducer failed');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not count a directory without _SUCCESS, and replaces it when built', async () => {
    mkdirSync(join(dir, 'parts'));
    writeFileSync(join(dir, 'parts/part-00000'), 'stale\n');
    const target = new DirectoryTarget(join(dir, 'parts'));
    expect(target.exists()).toBe(false);
    await target.build(async (tmp) => writeFileSync(join(tmp, 'part-00000'), 'fresh\n'));
    expect(readFileSync(join(dir, 'parts/part-00000'), 'utf8')).toBe('fresh\n');
  });
});
