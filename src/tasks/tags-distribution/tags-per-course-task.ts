import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { p } from '../../core/index.js';
import { isEventLevelDrop } from '../../eventlog/parse/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { tagsDistribution, taggedSubmissionFromLine, type Tags } from './tagged-submission.js';

const Base = WithEventLogSelection(MapReduceTask);
export const COUNTERS = 'Tags Distribution';
/** Names the task (interval included) whose figures the output holds; `_` keeps it out of the part files. */
const TASK_ID_FILE = '_TASK_ID';

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

  override output(): DirectoryTarget {
    return new DirectoryTarget(this.outputRoot);
  }

  /**
   * --output-root is not named after the interval (edX's layout), so a run
   * for another interval would find it complete and load the old figures:
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
