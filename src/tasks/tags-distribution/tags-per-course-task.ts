import { p } from '../../core/index.js';
import { isEventLevelDrop } from '../../eventlog/parse/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { StampedDirectoryTarget } from '../../targets/index.js';
import { tagsDistribution, taggedSubmissionFromLine, type Tags } from './tagged-submission.js';

const Base = WithEventLogSelection(MapReduceTask);
export const COUNTERS = 'Tags Distribution';

/**
 * edX TagsDistributionPerCourse: per (course, org, problem), total and
 * correct server submissions, one row per tag value of the problem's latest
 * tags. Writes `--output-root/part-*`, lines
 * `course_id org_id module_id tag_name tag_value total_submissions correct_submissions` (tab-separated).
 */
export class TagsDistributionPerCourse extends Base {
  static override description = 'Total and correct submissions per problem and tag value, from raw tracking logs of --interval.';
  static override moduleUrl = import.meta.url;
  static override parameters = { ...Base.parameters, outputRoot: p.path({ description: 'Directory to store the output in.' }) };
  declare outputRoot: string;

  override mapperPrefilter = 'problem_check';

  /** The output root's path does not name the interval: it records this task's id, and is complete only for this task. */
  override output(): StampedDirectoryTarget {
    return new StampedDirectoryTarget(this.outputRoot, this.id);
  }

  override *mapper(line: string): Pairs {
    const result = taggedSubmissionFromLine(line, (day) => this.eventInInterval(day));
    if ('ignore' in result) return void this.incrementCounter(COUNTERS, 'Skip Not A Server problem_check');
    if ('drop' in result) return void this.incrementCounter(isEventLevelDrop(result.drop) ? 'Event' : COUNTERS, result.drop);
    const s = result.submission;
    this.incrementCounter(COUNTERS, 'Server Problem Checks');
    yield [[s.courseId, s.orgId, s.problemId], [s.timestamp, s.tags, s.correct]];
  }

  override *reducer(key: [string, string, string], values: Iterable<[string, Tags, boolean]>): Pairs {
    const { total, correct, tags } = tagsDistribution(values);
    if (tags.length === 0) return void this.incrementCounter(COUNTERS, 'Problems Without Tags');
    for (const [name, tagValues] of tags) for (const value of tagValues) yield [key, [name, value, total, correct]];
  }

  override formatOutput(key: string[], value: unknown[]): string {
    return [...key, ...value].join('\t');
  }
}
