import { join } from 'node:path';
import { p, registry } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import type { TimedRecord } from '../answer-distribution/distribution.js';
import { latestResponseRecords, responseEventFromLine, type ResponseRecord } from './latest-response.js';
import { COUNTERS, DEFAULT_CLEAN_TEXT_REGEX, partitionValue, problemResponseParameters, withProblemResponseDefaults } from './parameters.js';
import { pythonSubRegex } from './python-text.js';

const Base = WithEventLogSelection(MapReduceTask);
type ResponseKey = [courseId: string, problemId: string, username: string];

/**
 * edX LatestProblemResponseDataTask: server problem_check events of
 * --interval, grouped by (course, problem, user); the latest attempt's
 * answer parts, with attempt counts and first/last attempt times. Writes the
 * warehouse partition `problem_response_latest/dt=<partition>/`, one JSON
 * record per line (key = [course, answer id]).
 */
export class LatestProblemResponseDataTask extends Base {
  static override description = "Every user's latest answer to every problem of --interval (warehouse partition problem_response_latest).";
  static override moduleUrl = import.meta.url;
  static override parameters = {
    ...Base.parameters,
    ...problemResponseParameters,
    cleanTextRegex: p.string({ default: DEFAULT_CLEAN_TEXT_REGEX, description: 'Python regex of text to strip from answers and names. Default: [problem-response] clean_text_regex, else choice hints.' }),
  };
  declare warehousePath: string;
  declare datetime: string;
  declare partitionFormat: string;
  declare overwrite: boolean;
  declare cleanTextRegex: string;
  override mapperPrefilter = 'problem_check';
  #ran = false;

  constructor(params?: Record<string, unknown>) {
    const out = withProblemResponseDefaults(params);
    out.cleanTextRegex ??= registry.config.get('problem-response', 'clean_text_regex') ?? DEFAULT_CLEAN_TEXT_REGEX;
    super(out);
  }

  override output(): DirectoryTarget {
    return new DirectoryTarget(join(this.warehousePath, 'problem_response_latest', `dt=${partitionValue(this.datetime, this.partitionFormat)}`));
  }

  override async complete(): Promise<boolean> {
    if (this.overwrite && !this.#ran) return false;
    return super.complete();
  }

  override async run(): Promise<void> {
    pythonSubRegex(this.cleanTextRegex, '[problem-response] clean_text_regex'); // a bad regex fails here, not in every worker
    await super.run();
    this.#ran = true;
  }

  override *mapper(line: string): Pairs {
    const result = responseEventFromLine(line, (day) => this.eventInInterval(day));
    // Every line the prefilter lets through is counted once (skipped, dropped or kept), so the counters add up to the lines read.
    if ('ignore' in result) return void this.incrementCounter(COUNTERS, 'Skip Not A Server problem_check');
    if ('drop' in result) return void this.incrementCounter(result.drop[0], result.drop[1]);
    this.incrementCounter(COUNTERS, 'Problem Checks Kept');
    const c = result.check;
    yield [[c.courseId, String(c.problemId), String(c.username)], [c.timestamp, c.json]];
  }

  override *reducer(key: ResponseKey, values: Iterable<TimedRecord>): Pairs {
    const clean = this.cleanTextRegex === '' ? null : pythonSubRegex(this.cleanTextRegex, '[problem-response] clean_text_regex');
    for (const record of latestResponseRecords(key, [...values], clean)) {
      this.incrementCounter(COUNTERS, 'Latest Answer Records');
      yield [[record.courseId, record.answerId], record];
    }
  }

  /** Reads one line of this task's output back. */
  static recordOf(line: string): ResponseRecord {
    return JSON.parse(line.slice(line.indexOf('\t') + 1)) as ResponseRecord;
  }
}
