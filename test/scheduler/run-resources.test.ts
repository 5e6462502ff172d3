import { describe, expect, it } from 'vitest';
import { p, RunResources, Task } from '../../src/core/index.js';
import { runTasks } from '../../src/scheduler/index.js';

/** Opens a shared resource from run() (as the local map/reduce runner opens its worker pool), then maybe fails. */
class UsesResource extends Task {
  static override familyName = 'UsesResource';
  static override parameters = { n: p.int(), fail: p.bool({ default: false }) };
  declare n: number;
  declare fail: boolean;
  static seen: { opened: number; closed: number; sameObject: boolean } = { opened: 0, closed: 0, sameObject: true };
  static first: unknown;
  override async complete() {
    return false;
  }
  override async run() {
    const seen = UsesResource.seen;
    const value = this.resources!.get('thing', () => ({ n: ++seen.opened }), async () => void seen.closed++);
    UsesResource.first ??= value;
    if (UsesResource.first !== value) seen.sameObject = false;
    if (this.fail) throw new Error('failed on purpose');
  }
}

describe('run resources', () => {
  it('are opened once for all the tasks of a run and closed when it ends, failed or not; tasks run alone get none', async () => {
    UsesResource.seen = { opened: 0, closed: 0, sameObject: true };
    const tasks = [new UsesResource({ n: 1 }), new UsesResource({ n: 2, fail: true }), new UsesResource({ n: 3 })];
    const result = await runTasks(tasks, { workers: 2 });
    expect(result.counts.failed).toBe(3); // complete() stays false: each fails after run(), the second in run()
    expect(UsesResource.seen).toEqual({ opened: 1, closed: 1, sameObject: true });
    expect(tasks.every((t) => t.resources === null)).toBe(true);
  });

  it('close every resource even when one close fails, and refuse new ones after', async () => {
    const resources = new RunResources();
    const closed: string[] = [];
    resources.get('a', () => 1, async () => void closed.push('a'));
    resources.get('b', () => 2, async () => {
      throw new Error('b would not close');
    });
    resources.get('c', () => 3, async () => void closed.push('c'));
    expect(resources.get('a', () => 99, async () => {})).toBe(1);
    await expect(resources.close()).rejects.toThrow('b would not close');
    expect(closed.sort()).toEqual(['a', 'c']);
    expect(() => resources.get('d', () => 4, async () => {})).toThrow(/after the run closed/);
  });
});
