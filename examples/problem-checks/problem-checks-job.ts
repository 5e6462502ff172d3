// A map/reduce job over edX tracking logs: server problem_check events per course and day.
import { registerTask } from 'pipewright';
import { getCourseId, parseEventInInterval, pyGet } from 'pipewright/eventlog/parse/index';
import { WithEventLogSelection } from 'pipewright/eventlog/selection/index';
import { MapReduceTask } from 'pipewright/mapreduce/index';
import { WithIntervalOutput } from './with-interval-output.js';

export const COUNTERS = 'Problem checks';
const Base = WithIntervalOutput(WithEventLogSelection(MapReduceTask)); // --interval, --source, --pattern, --output-root, --runner ...

export class ProblemChecksPerCourseDay extends Base {
  static override description = 'Server problem_check events per course and day of --interval, from raw tracking logs.';
  static override moduleUrl = import.meta.url; // worker threads (and Hadoop nodes) import the class from here

  override mapperPrefilter = 'problem_check'; // lines without these bytes are never decoded

  override output() {
    return this.intervalDirectory('problem-checks'); // part-00000, ... then _SUCCESS
  }

  override *mapper(line: string) {
    const dated = parseEventInInterval(line, (day) => this.eventInInterval(day)); // edX's parsing and date rules
    if ('drop' in dated) return void this.incrementCounter(COUNTERS, dated.drop);
    const event = dated.event;
    // Every line with the bytes problem_check ends in exactly one counter: the summary accounts for all of them.
    if (pyGet(event, 'event_type') !== 'problem_check' || pyGet(event, 'event_source') !== 'server')
      return void this.incrementCounter(COUNTERS, 'Not A Server problem_check'); // browser events, page URLs
    const course = getCourseId(event);
    if (!('courseId' in course)) return void this.incrementCounter(COUNTERS, 'Discard Missing Course Id');
    this.incrementCounter(COUNTERS, 'Counted');
    yield [[course.courseId, dated.date], 1] as const;
  }

  override *combiner(key: [string, string], counts: Iterable<number>) {
    yield [key, sum(counts)] as const;
  }

  override *reducer(key: [string, string], counts: Iterable<number>) {
    yield [key, sum(counts)] as const; // written as `["course","day"]<TAB>count`
  }
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

registerTask(ProblemChecksPerCourseDay);
