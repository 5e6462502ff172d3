import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrefilteredWordCount, WordCount, WordsByCount } from './jobs/word-count.js';
import { CORPUS, outputRows, tempDir } from './support.js';

async function corpusFiles(dir: string): Promise<string[]> {
  const a = join(dir, 'a.log');
  const b = join(dir, 'b.log');
  await writeFile(a, CORPUS.join('\n') + '\n');
  // Enough lines to be cut into several byte-range splits (the local runner's minimum split is 64 KiB).
  const big: string[] = [];
  for (let i = 0; i < 6000; i++) big.push(`line ${i % 97} of the big file with word${i % 13} and ${CORPUS[i % CORPUS.length]}`);
  await writeFile(b, big.join('\n'));
  return [a, b];
}

describe('runners agree', () => {
  it('word count: inline and local (several partitions, forced spills) give the same rows and counters', async () => {
    const dir = tempDir();
    const src = await corpusFiles(dir);
    const inline = new WordCount({ src, dest: join(dir, 'inline'), runner: 'inline', nReduceTasks: 3 });
    await inline.run();
    const local = new WordCount({ src, dest: join(dir, 'local'), runner: 'local', nReduceTasks: 3, mapWorkers: 2, sortBufferMb: 0.02 });
    await local.run();
    const rows = await outputRows(join(dir, 'inline'));
    expect(rows).toEqual(await outputRows(join(dir, 'local')));
    expect(rows).toEqual(await expectedWordCounts(src));
    expect(local.counters.toJSON()).toEqual(inline.counters.toJSON());
    expect(local.counters.get('Words', 'lines')).toBe(CORPUS.length + 6000);
    expect((await readdir(join(dir, 'local'))).sort()).toEqual(['_SUCCESS', 'part-00000', 'part-00001', 'part-00002']);
    // Same partitioning and the same key order inside each part file: the files are byte for byte equal.
    for (const part of ['part-00000', 'part-00001', 'part-00002'])
      expect(await readFile(join(dir, 'local', part), 'utf8')).toBe(await readFile(join(dir, 'inline', part), 'utf8'));
    // No work directory left beside the output.
    expect((await readdir(dir)).sort()).toEqual(['a.log', 'b.log', 'inline', 'local']);
  });

  it('a raw pre-filter maps only the lines that contain it, the same way in both runners, and counts the rest', async () => {
    const dir = tempDir();
    const src = await corpusFiles(dir);
    const inline = new PrefilteredWordCount({ src, dest: join(dir, 'inline'), runner: 'inline', nReduceTasks: 2 });
    await inline.run();
    const local = new PrefilteredWordCount({ src, dest: join(dir, 'local'), runner: 'local', nReduceTasks: 2, mapWorkers: 2 });
    await local.run();
    const text = (await Promise.all(src.map((f) => readFile(f, 'utf8')))).join('\n');
    const withThe = text.split('\n').filter((l) => l.includes('the'));
    expect(await outputRows(join(dir, 'local'))).toEqual(await outputRows(join(dir, 'inline')));
    expect(local.counters.get('Words', 'lines')).toBe(withThe.length);
    expect(local.counters.toJSON()).toEqual(inline.counters.toJSON());
    const input = local.counters.toJSON()['Input']!;
    expect(input['PrefilteredWordCount lines read']! - input['PrefilteredWordCount lines without "the" (not mapped)']!).toBe(withThe.length);
  });

  it('two steps: inline and local agree', async () => {
    const dir = tempDir();
    const src = await corpusFiles(dir);
    const inline = new WordsByCount({ src, dest: join(dir, 'inline'), runner: 'inline', nReduceTasks: 2 });
    await inline.run();
    const local = new WordsByCount({ src, dest: join(dir, 'local'), runner: 'local', nReduceTasks: 4, mapWorkers: 2, sortBufferMb: 0.02 });
    await local.run();
    expect(await outputRows(join(dir, 'local'))).toEqual(await outputRows(join(dir, 'inline')));
    expect(local.counters.toJSON()).toEqual(inline.counters.toJSON());
  });
});

/** The oracle: word counts computed directly from the files, formatted as the default formatOutput does. */
async function expectedWordCounts(files: string[]): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const file of files)
    for (const word of (await readFile(file, 'utf8')).split(/\s+/u)) if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].map(([w, n]) => `${JSON.stringify(w)}\t${n}`).sort();
}
