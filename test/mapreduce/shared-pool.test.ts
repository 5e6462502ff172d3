import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WrapperTask } from '../../src/core/index.js';
import { runTasks } from '../../src/scheduler/index.js';
import { FailingMapper } from './jobs/word-count.js';
import { ThreadReport } from './jobs/thread-report.js';
import { outputRows, tempDir } from './support.js';

class Both extends WrapperTask {
  static override familyName = 'SharedPoolBoth';
  constructor(private readonly tasks: unknown[]) {
    super({});
  }
  override requires() {
    return this.tasks as never;
  }
}

async function report(dest: string): Promise<Record<string, unknown>> {
  return Object.fromEntries((await outputRows(dest)).map((row) => row.split('\t').map((v) => JSON.parse(v))));
}

async function inputs(dir: string, lines: number): Promise<string[]> {
  const file = join(dir, `in-${lines}.log`);
  await writeFile(file, Array.from({ length: lines }, (_, i) => `w${i % 3} line ${i}`).join('\n') + '\n');
  return [file];
}

describe('the local runner in a run: one worker pool for all its map/reduce tasks', () => {
  it('two jobs of one run use the same threads, each with its own instances, hooks and counters', async () => {
    const dir = tempDir();
    const a = new ThreadReport({ src: await inputs(dir, 5), dest: join(dir, 'a'), tag: 'a', runner: 'local', mapWorkers: 1, nReduceTasks: 1 });
    const b = new ThreadReport({ src: await inputs(dir, 7), dest: join(dir, 'b'), tag: 'b', runner: 'local', mapWorkers: 1, nReduceTasks: 1 });
    const result = await runTasks([new Both([a, b])]);
    expect(result.exitCode).toBe(0);
    const [ra, rb] = [await report(join(dir, 'a')), await report(join(dir, 'b'))];
    expect(ra['thread']).toHaveLength(1);
    expect(rb['thread']).toEqual(ra['thread']); // the same worker thread mapped both jobs
    expect(ra['lines']).toBe(5); // per-instance state did not carry over from one job to the next
    expect(rb['lines']).toBe(7);
    expect(ra['tag']).toEqual(['a:w0', 'a:w1', 'a:w2']);
    expect(rb['tag']).toEqual(['b:w0', 'b:w1', 'b:w2']);
    expect(a.counters.get('Hooks', 'mapperInit')).toBe(1);
    expect(b.counters.get('Hooks', 'mapperInit')).toBe(1);
    expect(a.resources).toBeNull(); // lent for run() only
  });

  it('outside a run, each job starts and closes its own threads', async () => {
    const dir = tempDir();
    const src = await inputs(dir, 4);
    const a = new ThreadReport({ src, dest: join(dir, 'a'), tag: 'a', runner: 'local', mapWorkers: 1, nReduceTasks: 1 });
    const b = new ThreadReport({ src, dest: join(dir, 'b'), tag: 'b', runner: 'local', mapWorkers: 1, nReduceTasks: 1 });
    await a.run();
    await b.run();
    const [ra, rb] = [await report(join(dir, 'a')), await report(join(dir, 'b'))];
    expect(ra['thread']).not.toEqual(rb['thread']);
    expect(rb['lines']).toBe(4);
  });

  it('a job that fails leaves the shared pool working for the next job of the run', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.log');
    await writeFile(bad, 'one\ntwo boom\nthree\n');
    const failing = new FailingMapper({ src: [bad], dest: join(dir, 'failing'), runner: 'local', mapWorkers: 1, nReduceTasks: 1 });
    const after = new ThreadReport({ src: await inputs(dir, 3), dest: join(dir, 'after'), tag: 'x', runner: 'local', mapWorkers: 1, nReduceTasks: 1 });
    const result = await runTasks([failing, after]);
    expect(result.outcomes.get(failing.id)?.status).toBe('failed');
    expect(String(result.outcomes.get(failing.id)?.error)).toContain('cannot count "boom"');
    expect(result.outcomes.get(after.id)?.status).toBe('ran');
    expect((await report(join(dir, 'after')))['lines']).toBe(3);
  });
});
