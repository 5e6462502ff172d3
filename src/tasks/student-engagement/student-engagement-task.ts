import { join } from 'node:path';
import { p } from '../../core/index.js';
import { isEventLevelDrop } from '../../eventlog/parse/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { StampedDirectoryTarget } from '../../targets/index.js';
import { engagementEndDate, INTERVAL_TYPES, type IntervalType } from './end-date.js';
import { engagementFromLine } from './engagement-record.js';
import { summarizeEngagement, SUMMARY_COLUMNS, type EngagementValue } from './engagement-summary.js';

const Base = WithEventLogSelection(MapReduceTask);
export const COUNTERS = 'Student Engagement';
type Key = [endDate: string, courseId: string, username: string];

/** The parameters every student engagement task shares with this one. */
export const intervalTypeParameter = {
  intervalType: p.choice(INTERVAL_TYPES, { default: 'daily', description: 'daily (a row per active day), weekly (per week ending on the weekday of the last day) or all (one row for the whole interval)' }),
};

/** Where the workflows keep StudentEngagementTask's rows: edX's student_engagement_raw_<type> warehouse partition. */
export function rawEngagementRoot(warehousePath: string, intervalType: IntervalType, intervalEnd: string): string {
  return join(warehousePath, `student_engagement_raw_${intervalType}`, `dt=${intervalEnd}`);
}

/**
 * edX StudentEngagementTask (data API): per user and course, what they did
 * in each day / week / the whole of --interval. Writes `--output-root/part-*`,
 * tab-separated lines `end_date course_id username` + SUMMARY_COLUMNS
 * (edX's student_engagement_raw_<type> table). Only users with an event appear.
 */
export class StudentEngagementTask extends Base {
  static override description = 'Per learner and course: days active, problems, videos, forum and textbook activity per day, week or whole --interval, from raw tracking logs.';
  static override moduleUrl = import.meta.url;
  static override parameters = { ...Base.parameters, ...intervalTypeParameter, outputRoot: p.path({ description: 'Directory to store the engagement rows in.' }) };
  declare intervalType: IntervalType;
  declare outputRoot: string;

  /** The output root's path does not name the interval: it records this task's id, and is complete only for this task. */
  override output(): StampedDirectoryTarget {
    return new StampedDirectoryTarget(this.outputRoot, this.id);
  }

  override *mapper(line: string): Pairs {
    const result = engagementFromLine(line, (day) => this.eventInInterval(day), (day) => engagementEndDate(this.intervalType, this.interval, day));
    if ('drop' in result) return void this.incrementCounter(isEventLevelDrop(result.drop) ? 'Event' : COUNTERS, result.drop);
    this.incrementCounter(COUNTERS, 'Events Kept');
    for (const note of result.notes) this.incrementCounter(COUNTERS, note);
    for (const r of result.records) yield [[r.endDate, r.courseId, r.username], [r.entityId, r.eventType, r.info, r.date]];
  }

  override *reducer(key: Key, values: Iterable<EngagementValue>): Pairs {
    yield [key, summarizeEngagement(values)];
  }

  override formatOutput(key: Key, summary: ReturnType<typeof summarizeEngagement>): string {
    return [...key, ...SUMMARY_COLUMNS.map((column) => summary[column])].join('\t');
  }
}
