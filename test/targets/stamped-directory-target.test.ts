import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAMP_FILE, StampedDirectoryTarget, SUCCESS_MARKER } from '../../src/targets/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipewright-stamped-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('StampedDirectoryTarget', () => {
  it('is complete only for the stamp it was built with, and the stamp is in place before the directory appears', async () => {
    const out = join(dir, 'report');
    const first = new StampedDirectoryTarget(out, 'Task(interval=2024-03-01-2024-03-08)');
    await first.build(async (tmp) => {
      writeFileSync(join(tmp, 'part-00000'), 'a\t1\n');
      expect(existsSync(out)).toBe(false);
    });
    expect(first.exists()).toBe(true);
    expect(readFileSync(join(out, STAMP_FILE), 'utf8')).toBe(first.stamp);
    expect(await first.partFiles()).toEqual([join(out, 'part-00000')]);

    const other = new StampedDirectoryTarget(out, 'Task(interval=2024-03-08-2024-03-15)');
    expect(other.exists()).toBe(false); // same path, another interval: not its output
    await other.build(async (tmp) => writeFileSync(join(tmp, 'part-00000'), 'b\t2\n'));
    expect(other.exists()).toBe(true);
    expect(first.exists()).toBe(false);
    expect(readFileSync(join(out, 'part-00000'), 'utf8')).toBe('b\t2\n');
    expect(readdirSync(dir)).toEqual(['report']); // the old one replaced, no temp left
  });

  it('a directory without a stamp (an older layout, or a job killed before stamping) is not complete; stampInPlace records it', async () => {
    const out = join(dir, 'report');
    const target = new StampedDirectoryTarget(out, 'T1');
    await new StampedDirectoryTarget(out, 'T1').build(async () => {});
    await rm(join(out, STAMP_FILE));
    expect(existsSync(join(out, SUCCESS_MARKER))).toBe(true);
    expect(target.exists()).toBe(false);
    await target.stampInPlace();
    expect(target.exists()).toBe(true);
  });
});
