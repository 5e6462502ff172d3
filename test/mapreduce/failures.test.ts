import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError, p, UsageError } from '../../src/core/index.js';
import { JobFailedError, MapReduceTask } from '../../src/mapreduce/index.js';
import { DirectoryTarget } from '../../src/targets/index.js';
import { FailingMapper, WordCount } from './jobs/word-count.js';
import { outputRows, tempDir } from './support.js';

/** A file big enough to be cut into byte-range splits, with "boom" on line `at`. */
async function fileWithBoom(dir: string, lines: number, at: number): Promise<string> {
  const path = join(dir, 'in.log');
  const text = Array.from({ length: lines }, (_, i) => (i + 1 === at ? 'this line goes boom' : `line ${i + 1} is a perfectly ordinary line of text`));
  await writeFile(path, text.join('\n') + '\n');
  return path;
}

describe('a failing job', () => {
  it('local: fails the task naming the input file, the line (inside a later byte-range split) and the job code, and leaves nothing behind', async () => {
    const dir = tempDir();
    const src = await fileWithBoom(dir, 8000, 7321);
    const task = new FailingMapper({ src: [src], dest: join(dir, 'out'), runner: 'local', mapWorkers: 2, nReduceTasks: 2 });
    const error = await task.run().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    const message = (error as Error).message;
    expect(message).toContain(`FailingMapper step 0 mapper failed on ${src} line 7321: cannot count "boom"`);
    expect(message).toMatch(/TypeError at \S*jobs\/word-count\.ts:\d+:\d+\)$/);
    expect(message).not.toContain('\n');
    expect((error as JobFailedError).workerStack).toContain('word-count.ts');
    expect(await readdir(dir)).toEqual(['in.log']);
  });

  it('inline: rethrows the job\'s own error, with its stack, prefixed with the file and line', async () => {
    const dir = tempDir();
    const src = await fileWithBoom(dir, 20, 3);
    const error = await new FailingMapper({ src: [src], dest: join(dir, 'out'), runner: 'inline' }).run().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe(`FailingMapper step 0 mapper failed on ${src} line 3: cannot count "boom"`);
    expect((error as Error).stack).toContain('word-count.ts');
    expect(await readdir(dir)).toEqual(['in.log']);
  });

  it('a truncated gzip input is an InputError naming the file, or a counted skip with --on-corrupt-input skip', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.log');
    await writeFile(good, 'alpha beta\nbeta\n');
    const bad = join(dir, 'bad.log.gz');
    const gz = gzipSync(Buffer.from('gamma delta\n'.repeat(5000)));
    await writeFile(bad, gz.subarray(0, gz.length - 40));
    for (const runner of ['inline', 'local'] as const) {
      const failing = new WordCount({ src: [good, bad], dest: join(dir, `fail-${runner}`), runner, mapWorkers: 2 });
      const error = await failing.run().then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toContain(bad);
      const skipping = new WordCount({ src: [good, bad], dest: join(dir, `skip-${runner}`), runner, mapWorkers: 2, onCorruptInput: 'skip' });
      await skipping.run();
      expect(skipping.counters.get('Input', 'Corrupt Gzip Files')).toBe(1);
      expect(await outputRows(join(dir, `skip-${runner}`))).toContain('"beta"\t2');
    }
    expect((await readdir(dir)).sort()).toEqual(['bad.log.gz', 'good.log', 'skip-inline', 'skip-local']);
  });

  it('a job class the worker threads cannot find is a usage error that says how to fix it', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'in.log'), 'x\n');
    // Not exported and no moduleUrl: a worker thread cannot import it.
    class Hidden extends MapReduceTask {
      static override parameters = { ...MapReduceTask.parameters, dest: p.path() };
      declare dest: string;
      override async inputFiles() {
        return [join(dir, 'in.log')];
      }
      output() {
        return new DirectoryTarget(this.dest);
      }
      override *mapper(line: string) {
        yield [line, 1] as const;
      }
    }
    const error = await new Hidden({ dest: join(dir, 'out'), runner: 'local', mapWorkers: 1 }).run().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/Hidden was not found in a worker thread .*static moduleUrl = import\.meta\.url/);
    // The same class runs inline, where no worker needs to find it.
    await new Hidden({ dest: join(dir, 'out'), runner: 'inline' }).run();
    expect(existsSync(join(dir, 'out', '_SUCCESS'))).toBe(true);
  });
});
