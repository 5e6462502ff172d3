import { p } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { StampedDirectoryTarget } from '../../targets/index.js';
import { eventDayOf } from './event-day.js';

const Base = WithEventLogSelection(MapReduceTask);
/** The counter group of what the task kept; the drops are counted under "Event", edX's group for them. */
export const COUNTERS = 'Total Events';

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

  /** The output root's path does not name the interval: it records this task's id, and is complete only for this task. */
  override output(): StampedDirectoryTarget {
    return new StampedDirectoryTarget(this.outputRoot, this.id);
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
