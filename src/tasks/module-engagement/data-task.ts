import { join } from 'node:path';
import { longerThan, p, UsageError } from '../../core/index.js';
import { isEventLevelDrop } from '../../eventlog/parse/index.js';
import { selectByDate, WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { interactionsFromLine } from './engagement-event.js';
import { COUNTERS, engagementParameters, intervalFromDate, withEngagementDefaults } from './parameters.js';

const Base = WithEventLogSelection(MapReduceTask);

/** A day's partition: `<warehouse>/module_engagement/dt=YYYY-MM-DD/`. */
export function engagementPartition(warehousePath: string, date: string): DirectoryTarget {
  return new DirectoryTarget(join(warehousePath, 'module_engagement', `dt=${date}`));
}

/**
 * edX ModuleEngagementDataTask: one day (--date) of interactions, counted
 * per (course, user, date, entity type, entity, event). Writes the day's
 * partition, lines `course_id username date entity_type entity_id event count`
 * (tab-separated). With --overwrite the day is recomputed even if present.
 */
export class ModuleEngagementDataTask extends Base {
  static override description = 'One day of learner interactions with problems, videos and discussions, counted (edX ModuleEngagementDataTask).';
  static override moduleUrl = import.meta.url;
  static override parameters = {
    ...Base.parameters,
    ...engagementParameters,
    date: p.date({ description: 'The day to analyse.' }),
    interval: intervalFromDate,
    overwrite: p.bool({ identity: false, description: 'recompute the day even if its partition exists (late events)' }),
  };
  declare date: string;
  declare warehousePath: string;
  declare storeAnonymousUsername: string;
  declare overwrite: boolean;
  #recomputed = false;
  #files: Promise<string[]> | undefined;

  constructor(params?: Record<string, unknown>) {
    const withDefaults = withEngagementDefaults(params);
    // edX disables --interval here: the day is the interval.
    super({ ...withDefaults, ...(withDefaults.date !== undefined && { interval: withDefaults.date }) });
    if (longerThan(this.storeAnonymousUsername, 30))
      throw new UsageError(`--store-anonymous-username "${this.storeAnonymousUsername}" is longer than the username column's 30 characters; choose a shorter name.`);
  }

  override output(): DirectoryTarget {
    return engagementPartition(this.warehousePath, this.date);
  }

  override async complete(): Promise<boolean> {
    return this.overwrite && !this.#recomputed ? false : super.complete();
  }

  // A day without any log file is an empty day (edX ran on the empty input), counted.
  override inputFiles(): Promise<string[]> {
    return (this.#files ??= selectByDate(this).then(({ files, badDates }) => {
      if (badDates.length > 0) this.incrementCounter('Input', 'Files With Unreadable Date In Name', badDates.length);
      if (files.length === 0) this.incrementCounter('Input', 'No Log File In Interval');
      return files;
    }));
  }

  override async run(): Promise<void> {
    if ((await this.inputFiles()).length > 0) await super.run();
    else await this.output().build(async () => undefined);
    this.#recomputed = true;
  }

  override *mapper(line: string): Pairs {
    const result = interactionsFromLine(line, (day) => this.eventInInterval(day), this.storeAnonymousUsername);
    if ('ignore' in result) return void this.incrementCounter(COUNTERS, 'Skip Event Of Other Type');
    if ('drop' in result) return void this.incrementCounter(isEventLevelDrop(result.drop) ? 'Event' : COUNTERS, result.drop);
    // Every line read is a drop, a skip or this: the counters add up to the lines read.
    this.incrementCounter(COUNTERS, 'Events Kept');
    for (const i of result.interactions) yield [[i.courseId, i.username, i.date, i.entityType, i.entityId, i.event], 1];
  }

  override *combiner(key: string[], counts: Iterable<number>): Pairs {
    yield [key, sum(counts)];
  }

  override *reducer(key: string[], counts: Iterable<number>): Pairs {
    this.incrementCounter(COUNTERS, 'Output Rows');
    yield [key, sum(counts)];
  }

  override formatOutput(key: string[], count: number): string {
    return [...key, count].join('\t');
  }
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
