import { p } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { mapReduceParameters } from '../../mapreduce/index.js';
import { SqlLoadTask, type ColumnSpec, type SqlRow } from '../../sql/index.js';
import { partFileLines, type DirectoryTarget } from '../../targets/index.js';
import { allowEmptyDefault, videoDownstreamParameters, withVideoDefaults } from './parameters.js';
import { VideoUsageTask } from './video-usage-task.js';

const Base = WithEventLogSelection(SqlLoadTask);

/** Parameters shared by the two video loaders and their wrapper. */
export const videoLoadParameters = {
  ...Base.parameters,
  ...mapReduceParameters,
  ...videoDownstreamParameters,
  overwrite: p.bool({ default: true, identity: false, description: 'replace the rows of the table (edX default: on; --no-overwrite appends)' }),
};

/** A loader of one of the two video tables, from the video_usage rows of VideoUsageTask. */
abstract class VideoLoadTask extends Base {
  static override parameters = videoLoadParameters;

  constructor(params?: Record<string, unknown>) {
    super(allowEmptyDefault(withVideoDefaults(params)));
  }

  override requires(): VideoUsageTask {
    return this.clone(VideoUsageTask);
  }

  /** The usage rows as text cells, in USAGE_FIELDS order. */
  protected async *usageRows(): AsyncGenerator<string[]> {
    for await (const line of partFileLines(await (this.input() as DirectoryTarget).partFiles())) yield line.split('\t');
  }
}

const id: ColumnSpec = { name: 'id', type: 'bigint', nullable: false, generated: 'autoIncrement' };
const created: ColumnSpec = { name: 'created', type: 'timestamp', generated: 'now' };
const pipelineVideoId: ColumnSpec = { name: 'pipeline_video_id', type: 'string', length: 255, nullable: false };

/** edX InsertToMysqlVideoTimelineTask: table video_timeline, one row per watched segment. */
export class InsertToMysqlVideoTimelineTask extends VideoLoadTask {
  static override description = 'Users and views per 5-second segment of every video, loaded into table video_timeline.';
  readonly table = 'video_timeline';
  readonly columns: readonly ColumnSpec[] = [
    id,
    pipelineVideoId,
    { name: 'segment', type: 'integer' },
    { name: 'num_users', type: 'integer' },
    { name: 'num_views', type: 'integer' },
    created,
  ];
  override readonly indexes = [['pipeline_video_id']];

  async *rows(): AsyncIterable<SqlRow> {
    for await (const f of this.usageRows()) yield [f[0]!, Number(f[7]), Number(f[8]), Number(f[9])];
  }
}

/** edX InsertToMysqlVideoTask: table video, one row per video with its summary. */
export class InsertToMysqlVideoTask extends VideoLoadTask {
  static override description = 'Duration, users at start and end and seconds viewed of every video, loaded into table video.';
  readonly table = 'video';
  readonly columns: readonly ColumnSpec[] = [
    id,
    pipelineVideoId,
    { name: 'course_id', type: 'string', length: 255, nullable: false },
    { name: 'encoded_module_id', type: 'string', length: 255, nullable: false },
    { name: 'duration', type: 'integer' },
    { name: 'segment_length', type: 'integer' },
    { name: 'users_at_start', type: 'integer' },
    { name: 'users_at_end', type: 'integer' },
    { name: 'total_viewed_seconds', type: 'integer' },
    created,
  ];
  override readonly indexes = [['course_id', 'encoded_module_id']];

  // edX's Hive query: GROUP BY the summary columns, total = sum(num_views) * segment_length.
  async *rows(): AsyncIterable<SqlRow> {
    const videos = new Map<string, { cells: string[]; views: number }>();
    for await (const f of this.usageRows()) {
      const group = f.slice(0, 7).join('\t');
      const video = videos.get(group) ?? { cells: f.slice(0, 7), views: 0 };
      video.views += Number(f[9]);
      videos.set(group, video);
    }
    for (const { cells, views } of videos.values()) {
      const [pvid, course, module, duration, segmentLength, atStart, atEnd] = cells as [string, string, string, string, string, string, string];
      yield [pvid, course, module, duration === '\\N' ? null : Number(duration), Number(segmentLength), Number(atStart), Number(atEnd), views * Number(segmentLength)];
    }
  }
}
