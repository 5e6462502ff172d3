import { join } from 'node:path';
import { p } from '../../core/index.js';
import { isEventLevelDrop } from '../../eventlog/parse/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { StampedDirectoryTarget } from '../../targets/index.js';
import { formatDistributionLine } from './distribution-line.js';
import { eventTypeRecordOf } from './event-type-record.js';
import { KnownEvents, loadKnownEvents } from './known-events.js';

const Base = WithEventLogSelection(MapReduceTask);
/** The counter group of what the task kept and dropped itself; the parse, time and interval drops go to "Event", edX's group for them. */
export const COUNTERS = 'Event Type Distribution';

type Key = [date: string, category: string, eventType: string, eventSource: string, exported: boolean];

/** The flag and its help, shared with the load workflow. */
export const knownEventsParameter = {
  eventsListFilePath: p.path({
    default: '',
    description: 'Tab-separated known events file: category, event_source, event_type per line (# starts a comment). Default: none, every event is unknown.',
  }),
};

/**
 * edX EventTypeDistributionTask: per day of --interval, how many events of
 * each (event_type, event_source) the tracking logs hold, with the category
 * and the "exported" flag of the known events file. Writes
 * `--output-root/event_type_distribution/part-*`, lines
 * `event_date event_category event_type event_source exported event_count` (tab-separated).
 */
export class EventTypeDistributionTask extends Base {
  static override description =
    'Events per day, event type and event source of --interval, flagged against a known events list, into --output-root/event_type_distribution/.';
  static override moduleUrl = import.meta.url;
  static override parameters = {
    ...Base.parameters,
    outputRoot: p.path({ description: 'Directory under which to write event_type_distribution/.' }),
    ...knownEventsParameter,
  };
  declare outputRoot: string;
  declare eventsListFilePath: string;
  #known: KnownEvents | undefined;

  /** The directory does not name the interval: it records this task's id, and is complete only for this task. */
  override output(): StampedDirectoryTarget {
    return new StampedDirectoryTarget(join(this.outputRoot, 'event_type_distribution'), this.id);
  }

  /** A missing or malformed known events file stops the run before any log is read. */
  override preflight(): void {
    this.knownEvents();
  }

  /** Read once per map task (each worker thread builds its own task). */
  knownEvents(): KnownEvents {
    return (this.#known ??= this.eventsListFilePath === '' ? KnownEvents.none : loadKnownEvents(this.eventsListFilePath));
  }

  override *mapper(line: string): Pairs {
    const result = eventTypeRecordOf(line, (day) => this.eventInInterval(day), this.knownEvents());
    if ('skip' in result) return void this.incrementCounter(COUNTERS, result.skip);
    if ('drop' in result) return void this.incrementCounter(isEventLevelDrop(result.drop) ? 'Event' : COUNTERS, result.drop);
    const r = result.record;
    this.incrementCounter(COUNTERS, 'Counted');
    if (result.replacedBytes) this.incrementCounter(COUNTERS, 'Counted With Bytes Not UTF-8 (replaced by U+FFFD)');
    yield [[r.date, r.category, r.eventType, r.eventSource, r.exported] satisfies Key, 1];
  }

  // edX had no combiner; a sum folds as well before the shuffle as after it.
  override *combiner(key: Key, counts: Iterable<number>): Pairs {
    let sum = 0;
    for (const n of counts) sum += n;
    yield [key, sum];
  }

  override *reducer(key: Key, counts: Iterable<number>): Pairs {
    yield* this.combiner(key, counts);
  }

  override formatOutput([date, category, eventType, eventSource, exported]: Key, count: number): string {
    return formatDistributionLine({ date, category, eventType, eventSource, exported, count });
  }
}
