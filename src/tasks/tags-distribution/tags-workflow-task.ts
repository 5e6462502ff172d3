import { p } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { mapReduceParameters } from '../../mapreduce/index.js';
import { SqlLoadTask, type ColumnSpec, type SqlRow } from '../../sql/index.js';
import { partFileLines, type DirectoryTarget } from '../../targets/index.js';
import { COUNTERS, TagsDistributionPerCourse } from './tags-per-course-task.js';

const Base = WithEventLogSelection(SqlLoadTask);
const text = (name: string): ColumnSpec => ({ name, type: 'string', length: 255, nullable: false });

/**
 * edX TagsDistributionWorkflow (entry point `tags-dist`): the tags
 * distribution of --interval loaded into table tags_distribution, replacing
 * its rows (--overwrite is on, as in edX).
 */
export class TagsDistributionWorkflow extends Base {
  static override description = 'Total and correct submissions per problem tag value into table tags_distribution (MySQL/MariaDB or SQLite).';
  static override parameters = {
    ...Base.parameters,
    ...mapReduceParameters,
    outputRoot: p.path({ description: 'Directory to store the intermediate output in.' }),
    overwrite: p.bool({ default: true, identity: false, description: 'replace the rows of tags_distribution (edX default: on; --no-overwrite appends)' }),
  };

  readonly table = 'tags_distribution';
  readonly columns: readonly ColumnSpec[] = [
    { name: 'id', type: 'bigint', nullable: false, generated: 'autoIncrement' },
    text('course_id'),
    text('org_id'),
    text('module_id'),
    text('tag_name'),
    text('tag_value'),
    { name: 'total_submissions', type: 'integer', nullable: false },
    { name: 'correct_submissions', type: 'integer', nullable: false },
    { name: 'created', type: 'timestamp', generated: 'now' },
  ];
  override readonly indexes = [['course_id'], ['module_id'], ['course_id', 'module_id']];

  override requires(): TagsDistributionPerCourse {
    return this.clone(TagsDistributionPerCourse);
  }

  async *rows(): AsyncIterable<SqlRow> {
    for await (const line of partFileLines(await (this.input() as DirectoryTarget).partFiles())) {
      const f = line.split('\t');
      if (f.length !== 7) {
        this.incrementCounter(COUNTERS, 'Discard Malformed Line');
        continue;
      }
      yield [f[0]!, f[1]!, f[2]!, f[3]!, f[4]!, Number(f[5]), Number(f[6])];
    }
  }
}
