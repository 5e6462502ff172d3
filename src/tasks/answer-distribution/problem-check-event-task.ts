import { join } from 'node:path';
import { pythonJsonDumps } from '../../eventlog/parse/index.js';
import { WithPathSetInput } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { attemptOf, firstAndLastAnswers, type Attempt } from './first-last.js';
import { COUNTERS, noteHadoopOnlyFlags, runParameters } from './parameters.js';
import { problemCheckFromLine } from './problem-check.js';
import { saveCounters } from './saved-counters.js';

const Base = WithPathSetInput(MapReduceTask);

/**
 * Stage 1 (edX `ProblemCheckEvent`): every server problem_check event under
 * --src, grouped by (course, problem, user); of each user's attempts the
 * first and the last give their answers. Writes
 * `<dest>/problem_check_events_<name>/part-*`, lines
 * `course_id<TAB>answer_id<TAB>timestamp<TAB>answer JSON` as edX does.
 */
export class ProblemCheckEvent extends Base {
  static override description = 'First and last answers of every user to every problem, from raw tracking logs (answer distribution stage 1).';
  static override moduleUrl = import.meta.url;
  static override parameters = { ...Base.parameters, ...runParameters };
  declare name: string;
  declare dest: string;
  declare libJar: string[];

  override mapperPrefilter = 'problem_check';

  override output(): DirectoryTarget {
    return new DirectoryTarget(join(this.dest, `problem_check_events_${this.name}`));
  }

  override async run(): Promise<void> {
    noteHadoopOnlyFlags(this, { '--lib-jar': this.libJar });
    await super.run();
    await saveCounters(this, this.output());
  }

  override *mapper(line: string): Pairs {
    this.incrementCounter(COUNTERS, 'lines with problem_check');
    const result = problemCheckFromLine(line);
    if ('drop' in result) return void this.incrementCounter(COUNTERS, `drop:${result.drop}`);
    if ('crash' in result) return void this.incrementCounter(COUNTERS, `crash_dropped:${result.crash}`);
    this.incrementCounter(COUNTERS, 'kept problem_check events');
    const { courseId, problemId, username } = result.event;
    // Problem ids and usernames may be any JSON value; Hadoop grouped them by their text, so do we.
    yield [[courseId, pythonJsonDumps(problemId as never), pythonJsonDumps(username as never)], attemptOf(result.event)];
  }

  override *reducer(key: [string, string, string], values: Iterable<Attempt>): Pairs {
    this.incrementCounter(COUNTERS, 'user x problem pairs');
    for (const answer of firstAndLastAnswers([...values])) yield [[key[0], answer.answerId], [answer.timestamp, answer.json]];
  }

  override formatOutput(key: [string, string], value: [string, string]): string {
    return [...key, ...value].join('\t');
  }
}
