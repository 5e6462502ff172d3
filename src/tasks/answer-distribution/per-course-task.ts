import { join } from 'node:path';
import { UsageError } from '../../core/index.js';
import { pythonJsonDumps, type PyDict } from '../../eventlog/parse/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { parseValidResponseTypes } from './columns.js';
import { distributeAnswers, type TimedRecord } from './distribution.js';
import { COUNTERS, distributionParameters, noteHadoopOnlyFlags, passThroughSrc, srcFallback, withValidTypesDefault } from './parameters.js';
import { ProblemCheckEvent } from './problem-check-event-task.js';
import { saveCounters } from './saved-counters.js';
import { AnswerListItemError } from './stringify.js';

/**
 * Stage 2 (edX `AnswerDistributionPerCourse`): per course and answer part,
 * how many users gave each answer first and last. Reads stage 1's output and
 * writes `<dest>/answer_distribution_per_course_<name>/part-*`, lines
 * `course_id<TAB>row JSON` with the report's 10 columns.
 */
export class AnswerDistributionPerCourse extends MapReduceTask {
  static override description = 'Answer distribution per course and answer part (stage 2), from ProblemCheckEvent output.';
  static override moduleUrl = import.meta.url;
  static override parameters = { ...ProblemCheckEvent.parameters, ...passThroughSrc, ...distributionParameters };
  declare name: string;
  declare dest: string;
  declare libJar: string[];
  declare baseInputFormat: string;
  declare answerMetadata: string;
  declare validResponseTypes: string;
  #validTypes: ReadonlySet<string> | undefined;

  constructor(params?: Record<string, unknown>) {
    super(withValidTypesDefault(params));
    if (this.answerMetadata !== '')
      throw new UsageError(`${this.family}: --answer-metadata is not supported (edX's optional metadata for pre-2014 events); leave it out.`);
  }

  override requires(): ProblemCheckEvent {
    return this.clone(ProblemCheckEvent, srcFallback(this));
  }

  override output(): DirectoryTarget {
    return new DirectoryTarget(join(this.dest, `answer_distribution_per_course_${this.name}`));
  }

  override async run(): Promise<void> {
    noteHadoopOnlyFlags(this, { '--lib-jar': this.libJar, '--base-input-format': this.baseInputFormat });
    await super.run();
    await saveCounters(this, this.output());
  }

  override *mapper(line: string): Pairs {
    const fields = line.split('\t');
    if (fields.length !== 4) return void this.incrementCounter(COUNTERS, 'stage 2: malformed input line');
    const [courseId, answerId, timestamp, json] = fields as [string, string, string, string];
    yield [[courseId, answerId], [timestamp, json]];
  }

  override *reducer(key: [string, string], values: Iterable<TimedRecord>): Pairs {
    this.#validTypes ??= parseValidResponseTypes(this.validResponseTypes);
    let result;
    try {
      result = distributeAnswers(key[1], values, this.#validTypes);
    } catch (error) {
      // The mapper of stage 1 drops such events first; only a hand-made stage 1 file gets here.
      if (!(error instanceof AnswerListItemError)) throw error;
      return void this.incrementCounter(COUNTERS, 'crash_dropped:answer_list_item_not_string (part)');
    }
    if ('skip' in result) return void this.incrementCounter(COUNTERS, `parts skipped: ${result.skip.replace(/_/g, ' ')}`);
    this.incrementCounter(COUNTERS, 'parts counted');
    for (const row of result.rows) {
      this.incrementCounter(COUNTERS, 'rows');
      yield [key[0], pythonJsonDumps(row as unknown as PyDict)];
    }
  }

  override formatOutput(courseId: string, rowJson: string): string {
    return `${courseId}\t${rowJson}`;
  }
}
