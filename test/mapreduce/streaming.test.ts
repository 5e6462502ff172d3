import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { Counters, UsageError } from '../../src/core/index.js';
import { runStreamingPhase } from '../../src/mapreduce/index.js';
import { REPO_ROOT } from '../support/paths.js';
import { PrefilteredWordCount, WordCount, WordsByCount } from './jobs/word-count.js';
import { CORPUS, outputRows, tempDir } from './support.js';

const run = promisify(execFile);
const LAUNCH = `node --import tsx ${join(REPO_ROOT, 'test/mapreduce/jobs/fake-launch-task.ts')}`;

function phase(family: string, name: string, step: number, dest: string): string {
  return `${LAUNCH} --streaming ${name} --step ${step} ${family} --src '[]' --dest ${dest}`;
}

/** Sum the `reporter:counter:` lines of every process in the pipe. */
function countersFrom(stderr: string): Counters {
  const counters = new Counters();
  for (const m of stderr.matchAll(/^reporter:counter:([^,\n]*),([^,\n]*),(\d+)$/gm)) counters.add(m[1]!, m[2]!, Number(m[3]));
  return counters;
}

async function pipe(command: string): Promise<{ stdout: string; stderr: string }> {
  return run('bash', ['-c', `set -o pipefail; ${command}`], { cwd: REPO_ROOT, env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 64 * 1024 * 1024 });
}

async function inputs(dir: string): Promise<string[]> {
  const a = join(dir, 'a.log');
  const b = join(dir, 'b.log');
  await writeFile(a, CORPUS.join('\n') + '\n');
  await writeFile(b, Array.from({ length: 500 }, (_, i) => `w${i % 17} ${CORPUS[i % CORPUS.length]}`).join('\n'));
  return [a, b];
}

describe('streaming entry points: cat | map | LC_ALL=C sort | reduce', () => {
  it('word count (with the combiner in the pipe) gives the rows and counters of the inline runner', async () => {
    const dir = tempDir();
    const src = await inputs(dir);
    const d = join(dir, 'unused');
    const { stdout, stderr } = await pipe(
      `cat ${src.join(' ')} | ${phase('WordCount', 'map', 0, d)} | LC_ALL=C sort | ${phase('WordCount', 'combine', 0, d)} | LC_ALL=C sort | ${phase('WordCount', 'reduce', 0, d)}`,
    );
    const inline = new WordCount({ src, dest: join(dir, 'inline'), runner: 'inline', nReduceTasks: 2 });
    await inline.run();
    expect(stdout.split('\n').filter(Boolean).sort()).toEqual(await outputRows(join(dir, 'inline')));
    expect(countersFrom(stderr).toJSON()).toEqual(inline.counters.toJSON());
  });

  it('two steps give the rows and counters of the inline runner', async () => {
    const dir = tempDir();
    const src = await inputs(dir);
    const d = join(dir, 'unused');
    const { stdout, stderr } = await pipe(
      `cat ${src.join(' ')} | ${phase('WordsByCount', 'map', 0, d)} | LC_ALL=C sort | ${phase('WordsByCount', 'reduce', 0, d)} | ${phase('WordsByCount', 'map', 1, d)} | LC_ALL=C sort | ${phase('WordsByCount', 'reduce', 1, d)}`,
    );
    const inline = new WordsByCount({ src, dest: join(dir, 'inline'), runner: 'inline', nReduceTasks: 3 });
    await inline.run();
    expect(stdout.split('\n').filter(Boolean).sort()).toEqual(await outputRows(join(dir, 'inline')));
    expect(countersFrom(stderr).toJSON()).toEqual(inline.counters.toJSON());
  });

  it('the raw pre-filter works the same in the pipe', async () => {
    const dir = tempDir();
    const src = await inputs(dir);
    const d = join(dir, 'unused');
    const { stdout, stderr } = await pipe(`cat ${src.join(' ')} | ${phase('PrefilteredWordCount', 'map', 0, d)} | LC_ALL=C sort | ${phase('PrefilteredWordCount', 'reduce', 0, d)}`);
    const inline = new PrefilteredWordCount({ src, dest: join(dir, 'inline'), runner: 'inline' });
    await inline.run();
    expect(stdout.split('\n').filter(Boolean).sort()).toEqual(await outputRows(join(dir, 'inline')));
    expect(countersFrom(stderr).toJSON()).toEqual(inline.counters.toJSON());
  });

  it('a failing mapper exits non-zero and names the input line on stderr', async () => {
    const dir = tempDir();
    const file = join(dir, 'in.log');
    await writeFile(file, 'fine line\nanother\nthis one goes boom\nlast\n');
    const error = await pipe(`cat ${file} | ${phase('FailingMapper', 'map', 0, dir)}`).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stderr).toMatch(/pipewright:error: FailingMapper step 0 mapper failed on stdin line 3: cannot count "boom"/);
    expect(error?.stderr).toMatch(/^reporter:counter:Words,lines,2$/m);
  });

  it('refuses a step that does not exist and a task that is not a map/reduce job, in one line', async () => {
    const io = { stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough() };
    await expect(runStreamingPhase(new WordCount({ src: [], dest: '/tmp/x' }), 'map', 1, io)).rejects.toThrow(/WordCount has 1 step\(s\); --step 1 does not exist/);
    const plain = { family: 'Plain' } as unknown as WordCount;
    await expect(runStreamingPhase(plain, 'map', 0, io)).rejects.toThrow(UsageError);
  });

  it('a reducer fed unsorted input says how to sort it', async () => {
    const error = await pipe(`printf '"b"\\t1\\n"a"\\t1\\n' | ${phase('WordCount', 'reduce', 0, '/tmp')}`).then(
      () => undefined,
      (e: { stderr: string }) => e,
    );
    expect(error?.stderr).toMatch(/not sorted by key .*LC_ALL=C sort/);
  });
});
