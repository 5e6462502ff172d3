import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LogProgress, TtyProgress } from '../../src/scheduler/index.js';
import { Step } from './fixture-tasks.js';

function capture() {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { out, text: () => chunks.join('') };
}

describe('progress without a terminal', () => {
  it('writes one timestamped line per event and throttles progress lines per task', () => {
    const { out, text } = capture();
    let now = Date.parse('2014-03-01T00:00:00Z');
    const log = new LogProgress(out, () => new Date(now), 10_000);
    const task = new Step({ dir: '/tmp/x', name: 'a' });
    log.taskStarted(task);
    log.taskProgress(task, { done: 1, total: 10, unit: 'files' });
    now += 1_000;
    log.taskProgress(task, { done: 2, total: 10, unit: 'files' }); // within 10 s: dropped
    now += 10_000;
    log.taskProgress(task, { done: 3, total: 10, unit: 'files', message: 'x.gz' });
    log.taskFinished({ task, status: 'ran', attempts: 1, durationMs: 1500 });
    expect(text().split('\n')).toEqual([
      `2014-03-01T00:00:00.000Z running ${task.id}`,
      `2014-03-01T00:00:00.000Z progress ${task.id}: 1/10 files`,
      `2014-03-01T00:00:11.000Z progress ${task.id}: 3/10 files: x.gz`,
      `2014-03-01T00:00:11.000Z done ${task.id} in 1.5 s`,
      '',
    ]);
  });
});

describe('progress on a terminal', () => {
  it('keeps a live line per running task, prints finished tasks above them and leaves only those at the end', () => {
    const { out, text } = capture();
    let now = 0;
    const tty = new TtyProgress(out, () => (now += 1_000));
    const [a, b] = [new Step({ dir: '/tmp/x', name: 'a' }), new Step({ dir: '/tmp/x', name: 'b' })];
    tty.taskStarted(a);
    tty.taskStarted(b);
    tty.taskProgress(a, { done: 5, unit: 'lines' });
    tty.taskFinished({ task: a, status: 'ran', attempts: 1 });
    tty.close();
    // Replay the escape codes the way a terminal would: cursor-up + clear rewinds over the live block.
    const screen: string[] = [];
    for (const part of text().split(/(\x1b\[\d+A\r|\r)(?=\x1b\[J)|\x1b\[J/).filter(Boolean)) {
      const up = /^\x1b\[(\d+)A\r$/.exec(part);
      if (up) screen.splice(screen.length - Number(up[1]));
      else if (part !== '\r') for (const line of part.split('\n').filter(Boolean)) screen.push(line);
    }
    expect(screen).toEqual([`✓ ${a.id}`]);
    expect(text()).toContain(`  ${a.id}  5 lines`);
  });
});
