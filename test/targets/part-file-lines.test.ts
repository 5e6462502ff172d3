import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryTarget, partFileLines } from '../../src/targets/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipewright-part-lines-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('partFileLines', () => {
  it('reads the part files of a DirectoryTarget in order, without blank lines, CRLF or the marker', async () => {
    const target = new DirectoryTarget(join(dir, 'out'));
    await target.build(async (tmp) => {
      writeFileSync(join(tmp, 'part-00001'), 'c\td\r\n\n');
      writeFileSync(join(tmp, 'part-00000'), 'a\tb\n\nlast without newline');
    });
    expect(await collect(partFileLines(await target.partFiles()))).toEqual(['a\tb', 'last without newline', 'c\td']);
  });

  it('keeps UTF-8 characters whole across read chunks of a large file', async () => {
    const line = 'é'.repeat(50_000) + '\t€';
    const file = join(dir, 'part-00000');
    writeFileSync(file, `x\n${line}\n${line}\n`);
    expect(await collect(partFileLines([file]))).toEqual(['x', line, line]);
  });

  it('yields nothing for no files and for empty ones', async () => {
    const empty = join(dir, 'part-00000');
    writeFileSync(empty, '');
    expect(await collect(partFileLines([]))).toEqual([]);
    expect(await collect(partFileLines([empty]))).toEqual([]);
  });
});
