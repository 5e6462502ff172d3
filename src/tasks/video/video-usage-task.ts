import { join } from 'node:path';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { COUNTERS, videoDownstreamParameters, withVideoDefaults } from './parameters.js';
import { videoUsage, type SegmentUsage, type ViewingSpan } from './usage.js';
import { UserVideoViewingByDateTask, viewingDayDir } from './viewing-by-date-task.js';

const Base = WithEventLogSelection(MapReduceTask);

/** The columns of a video_usage line, in order (edX VideoSegmentDetailRecord). */
export const USAGE_FIELDS = [
  'pipelineVideoId', 'courseId', 'encodedModuleId', 'duration', 'segmentLength',
  'usersAtStart', 'usersAtEnd', 'segment', 'numUsers', 'numViews',
] as const satisfies readonly (keyof SegmentUsage)[];

/**
 * edX VideoUsageTask: reads the stored viewings of every day of --interval
 * and counts, per video and 5-second segment, users and views. Writes
 * `<warehouse>/video_usage/<interval>/part-*`, one tab-separated
 * video_usage row per watched segment.
 */
export class VideoUsageTask extends Base {
  static override description = 'Users and views per 5-second segment of every video, from the per-day viewings of --interval.';
  static override moduleUrl = import.meta.url;
  static override parameters = { ...Base.parameters, ...videoDownstreamParameters };
  declare warehousePath: string;
  declare dropoffThreshold: number;

  constructor(params?: Record<string, unknown>) {
    super(withVideoDefaults(params));
  }

  override requires(): UserVideoViewingByDateTask {
    return this.clone(UserVideoViewingByDateTask);
  }

  override output(): DirectoryTarget {
    return new DirectoryTarget(join(this.warehousePath, 'video_usage', String(this.interval)));
  }

  override async inputFiles(): Promise<string[]> {
    const files: string[] = [];
    for (const day of this.interval.dates()) files.push(...(await viewingDayDir(this.warehousePath, day).partFiles()));
    return files;
  }

  override async run(): Promise<void> {
    // A window without any viewing is still a result: an empty usage table.
    if ((await this.inputFiles()).length === 0) return void (await this.output().build(async () => undefined));
    await super.run();
  }

  override *mapper(line: string): Pairs {
    const f = line.split('\t');
    if (f.length !== 8) return void this.incrementCounter(COUNTERS, 'Discard Malformed Viewing Line');
    const [userId, courseId, moduleId, duration, , start, end] = f as [string, string, string, string, string, string, string];
    yield [[courseId, moduleId], [userId, Number(start), Number(end), Number(duration)]];
  }

  override *reducer(key: [string, string], values: Iterable<[string, number, number, number]>): Pairs {
    const spans = (function* (): Generator<ViewingSpan> {
      for (const [userId, startOffset, endOffset, duration] of values) yield { userId, startOffset, endOffset, duration };
    })();
    for (const row of videoUsage(key[0], key[1], spans, this.dropoffThreshold)) yield [row.pipelineVideoId, USAGE_FIELDS.map((f) => row[f] ?? '\\N')];
  }

  override formatOutput(_key: string, value: unknown[]): string {
    return value.join('\t');
  }
}
