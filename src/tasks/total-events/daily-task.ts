import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { p } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { eventDayOf } from './event-day.js';

const Base = WithEventLogSelection(MapReduceTask);
/** The counter group of what the task kept; the drops are counted under "Event", edX's group for them. */
export const COUNTERS = 'Total Events';
/** Names the task (interval included) whose counts the output holds; `_` keeps it out of the part files. */
const TASK_ID_FILE = '_TASK_ID';

/**
 * edX TotalEventsDailyTask (entry point `overall_events`): how many events
 * the tracking logs hold for each day of --interval. Writes
 * `--output-root/part-*`, lines `YYYY-MM-DD<TAB>count`; a day without events has no line.
 */
export class TotalEventsDailyTask extends Base {
  static override description = 'Events per day of --interval in the raw tracking logs (a monitoring count), into --output-root/part-*.';
  static override moduleUrl = import.meta.url;
  static override parameters = { ...Base.parameters, outputRoot: p.path({ description: 'Directory to store the daily counts in.' }) };
  declare outputRoot: string;

  override output(): DirectoryTarget {
    return new DirectoryTarget(this.outputRoot);
  }

  /**
   * --output-root is not named after the interval (edX's layout), so a run
   * for another interval would find it complete and report the old counts:
   * complete only when the output records this very task.
   */
  override async complete(): Promise<boolean> {
    if (!this.output().exists()) return false;
    try {
      return readFileSync(join(this.output().path, TASK_ID_FILE), 'utf8') === this.id;
    } catch {
      return false;
    }
  }

  override async run(): Promise<void> {
    await super.run();
    await writeFile(join(this.output().path, TASK_ID_FILE), this.id);
  }

  override *mapper(line: string): Pairs {
    const result = eventDayOf(line, (day) => this.eventInInterval(day));
    if ('drop' in result) return void this.incrementCounter('Event', result.drop);
    this.incrementCounter(COUNTERS, 'Counted');
    if (result.replacedBytes) this.incrementCounter(COUNTERS, 'Counted With Bytes Not UTF-8 (replaced by U+FFFD)');
    yield [result.day, 1];
  }

  // edX: `combiner = reducer`, a sum either way.
  override *combiner(day: string, counts: Iterable<number>): Pairs {
    let sum = 0;
    for (const n of counts) sum += n;
    yield [day, sum];
  }

  override *reducer(day: string, counts: Iterable<number>): Pairs {
    yield* this.combiner(day, counts);
  }

  override formatOutput(day: string, count: number): string {
    return `${day}\t${count}`;
  }
}
