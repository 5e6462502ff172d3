import { join } from 'node:path';
import { pythonJsonDumps, type PyDict } from '../../eventlog/parse/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { AnswerCombiner } from './answer-combiner.js';
import { AnswerMetadataCrash } from './answer-metadata-fill.js';
import { loadAnswerMetadata, type AnswerMetadata } from './answer-metadata.js';
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
 * `course_id<TAB>row JSON` with the report's 10 columns. With
 * --answer-metadata, old records of the parts the file names are completed
 * from it first (see answer-metadata-fill.ts).
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
  #metadata: AnswerMetadata | undefined;
  readonly #combiner = new AnswerCombiner();

  constructor(params?: Record<string, unknown>) {
    super(withValidTypesDefault(params));
  }

  override requires(): ProblemCheckEvent {
    return this.clone(ProblemCheckEvent, srcFallback(this));
  }

  override output(): DirectoryTarget {
    return new DirectoryTarget(join(this.dest, `answer_distribution_per_course_${this.name}`));
  }

  /** A missing or malformed --answer-metadata stops this task before stage 1 spends its hours; each reducer instance reads the file again. */
  override preflight(): void {
    this.answerMetadataTable();
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
    // Metadata may change a record's answer, hence its row: such runs (rare: old events) are not folded.
    if (this.answerMetadata === '' && this.#combiner.add(courseId, answerId, timestamp, json)) {
      if (this.#combiner.full) yield* this.#combiner.drain();
      return;
    }
    yield [[courseId, answerId], [timestamp, json]];
  }

  override *mapperFinal(): Pairs {
    yield* this.#combiner.drain();
  }

  override *reducer(key: [string, string], values: Iterable<TimedRecord>): Pairs {
    this.#validTypes ??= parseValidResponseTypes(this.validResponseTypes);
    const metadata = this.answerMetadataTable();
    if (metadata?.has(key[1])) this.incrementCounter(COUNTERS, 'parts with answer metadata');
    let result;
    try {
      result = distributeAnswers(key[1], values, this.#validTypes, metadata);
    } catch (error) {
      // edX raises here and fails the job; we drop the part and count it (the crash policy).
      if (error instanceof AnswerMetadataCrash) return void this.incrementCounter(COUNTERS, `crash_dropped:${error.reason} (part)`);
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

  /** The --answer-metadata file, read once per task instance; undefined when none is given. */
  private answerMetadataTable(): AnswerMetadata | undefined {
    if (this.answerMetadata === '') return undefined;
    return (this.#metadata ??= loadAnswerMetadata(this.answerMetadata));
  }

  override formatOutput(courseId: string, rowJson: string): string {
    return `${courseId}\t${rowJson}`;
  }
}
