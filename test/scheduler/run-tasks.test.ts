import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DefinitionError, ExitCode, MissingInputDataError, RetryableError, Task, UsageError, WrapperTask, p } from '../../src/core/index.js';
import { formatDependencyTree, runTasks } from '../../src/scheduler/index.js';
import { LocalTarget } from '../../src/targets/index.js';
import { Raw, Step, ran } from './fixture-tasks.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipewright-sched-'));
  ran.length = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const step = (name: string, params: Record<string, unknown> = {}) => new Step({ dir, name, ...params });

describe('runTasks', () => {
  it('when run twice then the first run runs each task of a diamond once in order and the second runs nothing', async () => {
    // top needs left and right, both need base.
    const graph = { top: ['left', 'right'], left: ['base'], right: ['base'] };
    const top = () => step('top', { graph });
    const first = await runTasks([top()], { workers: 3 });
    expect(first.exitCode).toBe(ExitCode.ok);
    expect(ran.sort()).toEqual(['base', 'left', 'right', 'top'].sort());
    expect(first.counts).toMatchObject({ ran: 4, failed: 0 });
    expect(first.summary).toContain('  4 ran successfully: 4 Step\n');
    ran.length = 0;
    const second = await runTasks([top()]);
    expect(ran).toEqual([]);
    expect(second.exitCode).toBe(0);
    expect(second.summary.split('\n')[0]).toBe('Nothing to do: all 1 task already complete.');
  });

  it('when a task fails then the run exits 1 naming it and its error, its dependents do not run, and independent work does', async () => {
    const options = { graph: { top: ['mid'], mid: ['broken'] }, broken: ['broken'] };
    const brokenFirst = step('broken', options);
    const result = await runTasks([step('top', options), step('fine', options)]);
    expect(result.exitCode).toBe(ExitCode.taskFailed);
    expect(ran).not.toContain('top');
    expect(ran).toContain('fine');
    expect(result.counts).toMatchObject({ failed: 1, blocked: 2, ran: 1 });
    expect(result.summary).toContain(`FAILED ${brokenFirst.id}: Error: broken broke`);
    expect(result.summary).toContain('2 not run because a dependency failed or is missing');
    expect(result.outcomes.get(step('mid', options).id)?.blockedBy).toBe(brokenFirst.id);
  });

  it('when a task that would run fails its preflight with a usage error then nothing of the run starts and it exits 64', async () => {
    class NeedsSetting extends Task {
      static override parameters = { dir: p.string() };
      declare dir: string;
      override output() {
        return new LocalTarget(join(this.dir, 'needs-setting'));
      }
      override preflight() {
        throw new UsageError('NeedsSetting: give --setting (the database it reads)');
      }
    }
    const result = await runTasks([new WrapperTaskOf([step('independent'), new NeedsSetting({ dir })])]);
    expect(result.exitCode).toBe(ExitCode.usage);
    expect(ran).toEqual([]); // the independent task did not run either
    expect(result.counts).toMatchObject({ ran: 0 });
    expect(result.error).toBeInstanceOf(UsageError);
    expect(result.summary.split('\n')[0]).toBe('Cannot run: NeedsSetting: give --setting (the database it reads)');

    // A complete task is not asked: its settings are not needed.
    await writeFile(join(dir, 'needs-setting'), 'done');
    const again = await runTasks([new WrapperTaskOf([step('independent'), new NeedsSetting({ dir })])]);
    expect(again.exitCode).toBe(ExitCode.ok);
    expect(ran).toEqual(['independent']);
  });

  it('when a preflight finds an input file missing then that task is missing input (exit 2) and independent work still runs', async () => {
    class ReadsFile extends Task {
      static override parameters = { dir: p.string() };
      declare dir: string;
      override output() {
        return new LocalTarget(join(this.dir, 'reads-file'));
      }
      override preflight() {
        throw new MissingInputDataError(`ReadsFile: ${join(this.dir, 'metadata.json')} does not exist`);
      }
    }
    const result = await runTasks([new WrapperTaskOf([step('independent'), new ReadsFile({ dir })])]);
    expect(result.exitCode).toBe(ExitCode.missingInput);
    expect(ran).toEqual(['independent']);
    expect(result.counts).toMatchObject({ missing: 1, ran: 1 });
    expect(result.summary).toContain('metadata.json does not exist');
  });

  it('when tasks require each other in a circle then the cycle is named and nothing runs', async () => {
    class Ring extends Task {
      static override parameters = { n: p.int() };
      declare n: number;
      override requires() {
        return new Ring({ n: (this.n + 1) % 3 });
      }
      override async complete() {
        return false;
      }
    }
    const result = await runTasks([new Ring({ n: 0 })]);
    expect(result.exitCode).toBe(ExitCode.taskFailed);
    expect(result.error).toBeInstanceOf(DefinitionError);
    const ids = [0, 1, 2, 0].map((n) => new Ring({ n }).id);
    expect(result.summary).toContain(`Cannot run: Dependency cycle: ${ids.join(' -> ')}.`);
  });

  it('when requires() returns a target then the run stops with a definition error saying to wrap it', async () => {
    class Wrong extends Task {
      override requires() {
        return new LocalTarget(join(dir, 'in.txt')) as never;
      }
      override output() {
        return new LocalTarget(join(dir, 'out.txt'));
      }
    }
    const result = await runTasks([new Wrong()]);
    expect(result.error).toBeInstanceOf(DefinitionError);
    expect(result.summary).toContain(`Wrong.requires() returned a Target (${join(dir, 'in.txt')}); wrap it in an ExternalTask`);
  });

  it('retries failures marked retryable up to the policy, and only those', async () => {
    const flaky = step('flaky', { failTimes: 2, retryable: true, attempts: 3 });
    const result = await runTasks([flaky]);
    expect(result.exitCode).toBe(0);
    expect(result.outcomes.get(flaky.id)?.attempts).toBe(3);

    const broken = step('broken', { failTimes: 2, attempts: 3 });
    const noRetry = await runTasks([broken]);
    expect(noRetry.exitCode).toBe(1);
    expect(broken.calls).toBe(1);

    const tooFlaky = step('too-flaky', { failTimes: 5, retryable: true, attempts: 2 });
    expect((await runTasks([tooFlaky])).outcomes.get(tooFlaky.id)).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('retries subclasses of RetryableError too', async () => {
    class Hiccup extends RetryableError {}
    class Flaky extends Step {
      tries = 0;
      override async run() {
        if (++this.tries === 1) throw new Hiccup('connection reset');
        await super.run();
      }
    }
    const task = new Flaky({ dir, name: 'hiccup', attempts: 2 });
    expect((await runTasks([task])).exitCode).toBe(0);
    expect(task.tries).toBe(2);
  });

  it('never retries a definition error, even when the task says every error is retryable', async () => {
    class Eager extends Step {
      override isRetryable() {
        return true;
      }
      override async run() {
        this.calls++;
        throw new DefinitionError('written wrong');
      }
    }
    const task = new Eager({ dir, name: 'eager', attempts: 5 });
    const result = await runTasks([task]);
    expect(task.calls).toBe(1);
    expect(result.summary).toContain(`FAILED ${task.id}: written wrong`);
  });

  it('when run() returns without writing its output then the task fails saying so', async () => {
    class Lazy extends Step {
      override async run() {}
    }
    const lazy = new Lazy({ dir, name: 'lazy' });
    const result = await runTasks([lazy]);
    expect(result.exitCode).toBe(1);
    expect(result.summary).toContain(`${lazy.id} finished running, but complete() is still false (outputs: ${join(dir, 'lazy.txt')}); did run() write them?`);
  });

  it('when external input is missing then the run exits 2 and does not run what needs it', async () => {
    const needy = step('needy', { external: ['raw.log'] });
    const result = await runTasks([needy]);
    expect(result.exitCode).toBe(ExitCode.missingInput);
    expect(ran).toEqual([]);
    expect(result.summary).toContain(`MISSING ${new Raw({ path: join(dir, 'raw.log') }).id}: Raw: input is not there: ${join(dir, 'raw.log')}.`);

    await writeFile(join(dir, 'raw.log'), 'data');
    expect((await runTasks([step('needy', { external: ['raw.log'] })])).exitCode).toBe(0);
  });

  it('adds up the counters of the tasks that ran and prints them', async () => {
    class Counting extends Step {
      override async run() {
        this.incrementCounter('Discard', 'Unparseable Event', 5);
        this.incrementCounter('Input', 'Lines', 100);
        await super.run();
      }
    }
    const result = await runTasks([new Counting({ dir, name: 'a' }), new Counting({ dir, name: 'b' })]);
    expect(result.counters.get('Discard', 'Unparseable Event')).toBe(10);
    expect(result.summary).toContain('Counters:\n  Discard Unparseable Event: 10\n  Input Lines: 200');
  });

  it('runs at most --workers tasks at once', async () => {
    let running = 0;
    let most = 0;
    class Slow extends Step {
      override async run() {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        await super.run();
      }
    }
    const result = await runTasks(['a', 'b', 'c', 'd', 'e'].map((name) => new Slow({ dir, name })), { workers: 2 });
    expect(result.counts.ran).toBe(5);
    expect(most).toBe(2);
  });

  it('counts a task whose complete() throws as failed, naming the error', async () => {
    class NoOutput extends Task {}
    const result = await runTasks([new NoOutput()]);
    expect(result.exitCode).toBe(1);
    expect(result.summary).toContain('NoOutput has no output() and no complete()');
  });

  it('retries with doubling backoff', async () => {
    const waits: number[] = [];
    class Backoff extends Step {
      override retryPolicy() {
        return { attempts: 4, backoffMs: 100 };
      }
      override async run() {
        this.calls++;
        if (this.calls < 4) throw new RetryableError('not yet');
        await this.output().writeText('ok');
      }
    }
    const result = await runTasks([new Backoff({ dir, name: 'b' })], { sleep: async (ms) => void waits.push(ms) });
    expect(result.exitCode).toBe(0);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('runs what a WrapperTask gathers and counts the wrapper done once they are', async () => {
    class All extends WrapperTask {
      override requires() {
        return { first: step('one'), more: [step('two'), step('three')] };
      }
    }
    const result = await runTasks([new All()], { workers: 2 });
    expect(result.exitCode).toBe(0);
    expect(ran.sort()).toEqual(['one', 'three', 'two']);
    expect(result.outcomes.get(new All().id)?.status).toBe('ran');
    expect((await runTasks([new All()])).summary).toContain('Nothing to do');
  });

  it('when a dependency loses its output before the dependent runs then the dependent fails naming it', async () => {
    class Vandal extends Step {
      override async run() {
        await rm(join(this.dir, 'victim.txt'));
        await super.run();
      }
    }
    class Needs extends Step {
      override requires() {
        return [step('victim'), new Vandal({ dir, name: 'vandal' })];
      }
    }
    const needs = new Needs({ dir, name: 'needs' });
    const result = await runTasks([needs]);
    expect(result.outcomes.get(needs.id)?.status).toBe('failed');
    expect(result.summary).toContain(`FAILED ${needs.id}: Unfulfilled dependency at run time: ${step('victim').id} is not complete.`);
    expect(ran).not.toContain('needs');
  });
});

describe('formatDependencyTree', () => {
  it('shows every task below the roots with its state, once each', async () => {
    const graph = { top: ['left', 'right'], left: ['base'], right: ['base'] };
    await writeFile(join(dir, 'base.txt'), 'done');
    const s = (name: string) => step(name, { graph });
    expect(await formatDependencyTree([s('top')])).toBe(
      [
        `└─ ${s('top').id} PENDING`,
        `   ├─ ${s('left').id} PENDING`,
        `   │  └─ ${s('base').id} COMPLETE`,
        `   └─ ${s('right').id} PENDING`,
        `      └─ ${s('base').id} (shown above)`,
        '',
      ].join('\n'),
    );
    expect(ran).toEqual([]);
  });
});

describe('interrupting a run', () => {
  it('when the signal aborts then running tasks finish, nothing new starts, and the run exits 130 saying so', async () => {
    const controller = new AbortController();
    class Interrupting extends Step {
      override async run() {
        controller.abort();
        await super.run();
      }
    }
    class Mid extends Step {
      override requires() {
        return new Interrupting({ dir, name: 'first' });
      }
    }
    class Top extends Step {
      override requires() {
        return new Mid({ dir, name: 'mid' });
      }
    }
    const result = await runTasks([new Top({ dir, name: 'top' })], { signal: controller.signal });
    expect(ran).toEqual(['first']);
    expect(result.exitCode).toBe(ExitCode.interrupted);
    expect(result.counts).toMatchObject({ ran: 1, stopped: 2 });
    expect(result.summary).toContain('2 not started because the run was interrupted: 1 Mid, 1 Top');
    expect(result.summary).toContain('Exit code 130: interrupted.');
  });
});

/** A wrapper over the given tasks (two roots under one, as a workflow has). */
class WrapperTaskOf extends WrapperTask {
  static override parameters = { name: p.string({ default: 'wrapper' }) };
  constructor(private readonly tasks: Task[]) {
    super({});
  }
  override requires(): Task[] {
    return this.tasks;
  }
}
