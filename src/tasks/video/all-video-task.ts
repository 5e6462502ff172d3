import { WrapperTask } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { withVideoDefaults } from './parameters.js';
import { InsertToMysqlVideoTask, InsertToMysqlVideoTimelineTask, videoLoadParameters } from './video-load-tasks.js';

const Base = WithEventLogSelection(WrapperTask);

/** edX InsertToMysqlAllVideoTask (entry point `video`): tables video_timeline and video from one computation. */
export class InsertToMysqlAllVideoTask extends Base {
  static override description = 'Video engagement of --interval into tables video and video_timeline (MySQL/MariaDB or SQLite).';
  static override parameters = videoLoadParameters;

  constructor(params?: Record<string, unknown>) {
    super(withVideoDefaults(params));
  }

  override requires(): [InsertToMysqlVideoTimelineTask, InsertToMysqlVideoTask] {
    return [
      this.clone(InsertToMysqlVideoTimelineTask),
      this.clone(InsertToMysqlVideoTask),
    ];
  }
}
