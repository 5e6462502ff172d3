import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Config, registry, UsageError } from '../../src/core/index.js';
import { JobFailedError } from '../../src/mapreduce/index.js';
import { hadoopConfig } from '../../src/mapreduce/hadoop/hadoop-config.js';
import { parseHadoopCounters } from '../../src/mapreduce/hadoop/failure-cause.js';
import { streamingArgs } from '../../src/mapreduce/hadoop/streaming-command.js';
import { REPO_ROOT } from '../support/paths.js';
import { FailingMapper, StampedWordCount, WordCount, WordsByCount } from './jobs/word-count.js';
import { CORPUS, outputRows, tempDir } from './support.js';

let saved: Config;
let dir: string;

/** Point [hadoop] at the fake client; the nodes' launch command runs the real streaming entry points. */
function configure(): void {
  const wrapper = join(dir, 'hadoop');
  writeFileSync(wrapper, `#!/bin/sh\nexec node ${join(REPO_ROOT, 'test/mapreduce/jobs/fake-hadoop.mjs')} "$@"\n`);
  chmodSync(wrapper, 0o755);
  process.env.FAKE_HADOOP_CALLS = join(dir, 'calls.jsonl');
  process.env.FAKE_HADOOP_LOGS = dir;
  registry.config.set('hadoop', 'command', wrapper);
  registry.config.set('hadoop', 'yarn_command', wrapper);
  registry.config.set('hadoop', 'streaming_jar', '/opt/hadoop/share/hadoop/tools/lib/hadoop-streaming-3.3.6.jar');
  // Tasks run in a scratch directory (as on a node), so tsx is given by absolute URL.
  const tsx = pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  registry.config.set('hadoop', 'launch_command', `node --import ${tsx} ${join(REPO_ROOT, 'test/mapreduce/jobs/fake-launch-task.ts')}`);
}

beforeEach(() => {
  // The runner echoes the Hadoop client's stderr for the operator (job URL, progress); here it is noise in the suite's output.
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  saved = registry.config;
  registry.config = saved.overlay(new Config());
  dir = tempDir();
  writeFileSync(join(dir, 'a.log'), CORPUS.join('\n') + '\n');
});
afterEach(() => {
  registry.config = saved;
  vi.restoreAllMocks();
});

describe('hadoop runner', () => {
  it('builds one streaming command per step: generic options first, the phases as launch-task --streaming', () => {
    configure();
    const task = new WordsByCount({ src: [join(dir, 'a.log')], dest: join(dir, 'out'), runner: 'hadoop', nReduceTasks: 3 });
    const args = streamingArgs(task, hadoopConfig(task.family), 1, [join(dir, 'out-step-0')], join(dir, 'out'));
    expect(args.slice(0, 2)).toEqual(['jar', '/opt/hadoop/share/hadoop/tools/lib/hadoop-streaming-3.3.6.jar']);
    expect(args).toContain('mapreduce.job.reduces=3');
    expect(args.lastIndexOf('-D')).toBeLessThan(args.indexOf('-files'));
    expect(args.indexOf('-files')).toBeLessThan(args.indexOf('-input'));
    expect(args[args.indexOf('-files') + 1]).toBe(join(REPO_ROOT, 'test/mapreduce/jobs/word-count.ts'));
    expect(args.slice(args.indexOf('-input'), args.indexOf('-input') + 4)).toEqual(['-input', join(dir, 'out-step-0'), '-output', join(dir, 'out')]);
    const mapper = args[args.indexOf('-mapper') + 1]!;
    expect(mapper).toMatch(/ --streaming map --step 1 --module \.\/word-count\.ts WordsByCount /);
    expect(mapper).toContain(`--src '${JSON.stringify([join(dir, 'a.log')])}'`);
    expect(mapper).toContain('--n-reduce-tasks 3');
    expect(mapper).not.toContain('--runner');
    expect(args).not.toContain('-combiner');
    expect(args.slice(-2)).toEqual(['-numReduceTasks', '3']);
    // Modules loaded with --module travel too: files are shipped, package names passed as they are.
    registry.modules.push(join(dir, 'extra-tasks.js'), 'some-package');
    try {
      const more = streamingArgs(task, hadoopConfig(task.family), 0, ['in'], 'out');
      expect(more[more.indexOf('-files') + 1]).toBe(`${join(REPO_ROOT, 'test/mapreduce/jobs/word-count.ts')},${join(dir, 'extra-tasks.js')}`);
      expect(more[more.indexOf('-reducer') + 1]).toMatch(/--module \.\/word-count\.ts --module \.\/extra-tasks\.js --module some-package WordsByCount /);
    } finally {
      registry.modules.splice(-2);
    }
    const withCombiner = streamingArgs(new WordCount({ src: [], dest: join(dir, 'o') }), hadoopConfig('WordCount'), 0, ['in'], 'out');
    expect(withCombiner[withCombiner.indexOf('-combiner') + 1]).toMatch(/--streaming combine --step 0 /);
  });

  it('runs every step through the client and gets the rows and counters of the inline runner; intermediate output is removed', async () => {
    configure();
    const src = [join(dir, 'a.log')];
    // Two steps: the intermediate directory is made, read and removed. (The combiner's pipe is proven in streaming.test.ts.)
    for (const Job of [WordsByCount]) {
      const hadoop = new Job({ src, dest: join(dir, `${Job.name}-hadoop`), runner: 'hadoop', nReduceTasks: 2 });
      await hadoop.run();
      const inline = new Job({ src, dest: join(dir, `${Job.name}-inline`), runner: 'inline', nReduceTasks: 2 });
      await inline.run();
      expect(await outputRows(hadoop.output().path)).toEqual(await outputRows(inline.output().path));
      expect(hadoop.counters.toJSON()).toEqual(inline.counters.toJSON());
      expect(hadoop.output().exists()).toBe(true);
    }
    expect(existsSync(join(dir, 'WordsByCount-hadoop-step-0'))).toBe(false);
    const calls = readFileSync(join(dir, 'calls.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as string[]);
    expect(calls.filter((c) => c[0] === 'jar')).toHaveLength(2);
    // An interrupted run's leftovers are removed before each step writes.
    const outIndex = calls.findIndex((c) => c[0] === 'jar' && c.includes(join(dir, 'WordsByCount-hadoop')));
    expect(calls[outIndex - 1]).toEqual(['fs', '-rm', '-r', '-f', join(dir, 'WordsByCount-hadoop')]);
    expect(calls).toContainEqual(['fs', '-rm', '-r', '-f', join(dir, 'WordsByCount-hadoop-step-0')]);
  });

  it('a stamped output written in place by Hadoop records its task, so it is complete for that task only', async () => {
    configure();
    const src = [join(dir, 'a.log')];
    const job = new StampedWordCount({ src, dest: join(dir, 'stamped'), runner: 'hadoop' });
    await job.run();
    expect(job.output().exists()).toBe(true);
    expect(new StampedWordCount({ src: [...src, src[0]!], dest: join(dir, 'stamped'), runner: 'hadoop' }).output().exists()).toBe(false);
  });

  it('a failed job reports the probable cause found in the task logs', async () => {
    configure();
    writeFileSync(join(dir, 'b.log'), 'ok\nstill ok\nboom here\n');
    const task = new FailingMapper({ src: [join(dir, 'b.log')], dest: join(dir, 'out'), runner: 'hadoop' });
    const error = await task.run().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as Error).message).toMatch(
      new RegExp(`^FailingMapper step 1 failed on Hadoop \\(exit code 1\\): FailingMapper step 0 mapper failed on ${join(dir, 'b.log')} line 3: cannot count "boom" \\(from the task logs of application_\\d+_\\d+\\)$`),
    );
  });

  it('without [hadoop] streaming_jar it is a usage error that names the setting', async () => {
    const task = new WordCount({ src: [join(dir, 'a.log')], dest: join(dir, 'out'), runner: 'hadoop' });
    await expect(task.run()).rejects.toThrow(UsageError);
    await expect(task.run()).rejects.toThrow(/\[hadoop\] streaming_jar/);
  });

  it('reads the job counters from the client output and leaves Hadoop\'s own groups out', () => {
    const text = 'x\nINFO mapreduce.Job: Counters: 2\n\tFile System Counters\n\t\tFILE: Number of bytes read=10\n\tMy Group\n\t\ta=1\n\t\tb c=22\nINFO done\n';
    expect(parseHadoopCounters(text)).toEqual({ 'My Group': { a: 1, 'b c': 22 } });
  });
});
