import { p } from '../../core/index.js';
import { isEventLevelDrop } from '../../eventlog/parse/index.js';
import { selectByDate, WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { breaksTabSeparatedLine, exceedsColumn } from '../warehouse/field-checks.js';
import { COUNTERS } from './parameters.js';
import { python2FloatStr } from '../../eventlog/parse/python/python2-float-str.js';
import { videoEventFromLine } from './video-event.js';
import { viewingsOf, type TimedVideoEvent } from './viewings.js';

const Base = WithEventLogSelection(MapReduceTask);

type ViewerKey = [userId: string, courseId: string, moduleId: string];

/**
 * edX UserVideoViewingTask: every play/pause/seek/stop_video event of
 * --interval, grouped by (user, course, video); each user's events become
 * viewings. Writes `--output-root/part-*`, lines
 * `user_id course_id encoded_module_id duration start_timestamp start_offset end_offset ended_by` (tab-separated).
 */
export class UserVideoViewingTask extends Base {
  static override description = 'Video viewings (play -> pause/stop/seek) of every user, from raw tracking logs of --interval.';
  static override moduleUrl = import.meta.url;
  static override parameters = { ...Base.parameters, outputRoot: p.path({ description: 'Directory for the viewing part files.' }) };
  declare outputRoot: string;
  #files: Promise<string[]> | undefined;

  override output(): DirectoryTarget {
    return new DirectoryTarget(this.outputRoot);
  }

  /** As the mixin's, except that no file at all is an empty result (a quiet day re-scanned by an incremental run), counted. */
  override inputFiles(): Promise<string[]> {
    return (this.#files ??= this.selectFiles());
  }

  async selectFiles(): Promise<string[]> {
    const { files, badDates } = await selectByDate(this);
    if (badDates.length > 0) this.incrementCounter('Input', 'Files With Unreadable Date In Name', badDates.length);
    if (files.length === 0) this.incrementCounter('Input', 'No Log File In Interval');
    return files;
  }

  override async run(): Promise<void> {
    if ((await this.inputFiles()).length > 0) return super.run();
    process.stderr.write(`${this.family}: no log file under ${JSON.stringify(this.source)} for ${this.interval}; no viewings.\n`);
    await this.output().build(async () => undefined);
  }

  override *mapper(line: string): Pairs {
    const result = videoEventFromLine(line, (day) => this.eventInInterval(day));
    if ('ignore' in result) return void this.incrementCounter(COUNTERS, 'Skip Not A Video Event');
    if ('drop' in result) return void this.incrementCounter(isEventLevelDrop(result.drop) ? 'Event' : COUNTERS, result.drop);
    const e = result.event;
    if (breaksTabSeparatedLine(e.moduleId)) return void this.incrementCounter(COUNTERS, 'Discard Video Id With Tab Or Newline');
    // The tables' pipeline_video_id is `course|video` in 255 characters: a longer one could not be loaded.
    if (exceedsColumn(`${e.courseId}|${e.moduleId}`)) return void this.incrementCounter(COUNTERS, 'Discard Video Id Longer Than 255');
    this.incrementCounter(COUNTERS, 'Output Video Events from Mapper');
    yield [[e.userId, e.courseId, e.moduleId], [e.timestamp, e.eventType, e.currentTime, e.oldTime, e.youtubeId, e.duration]];
  }

  override *reducer(key: ViewerKey, values: Iterable<TimedVideoEvent>): Pairs {
    for (const outcome of viewingsOf([...values])) {
      if ('drop' in outcome) {
        this.incrementCounter(COUNTERS, outcome.drop);
        continue;
      }
      const v = outcome.viewing;
      this.incrementCounter(COUNTERS, 'Output Viewing');
      // Written as edX's writer str()s them: the usage job reads segments from this text.
      const duration = Number.isInteger(v.duration) ? String(v.duration) : python2FloatStr(v.duration);
      yield [key, [duration, v.startTimestamp, python2FloatStr(v.startOffset), python2FloatStr(v.endOffset), v.endedBy]];
    }
  }

  override formatOutput(key: ViewerKey, value: unknown[]): string {
    return [...key, ...value].join('\t');
  }
}
