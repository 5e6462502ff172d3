// Loads the job's counts into a table (SQLite by default, MySQL/MariaDB with --credentials or
// --database-url): the marker row makes a second run of the same interval do nothing.
//   node --import tsx node_modules/pipewright/bin/launch-task.js --module ./problem-checks-load.ts \
//     ProblemChecksToSql --interval 2024-03-04-2024-03-06 --source logs --output-root out
import { partFileLines, registerTask, type DirectoryTarget } from 'pipewright';
import { WithEventLogSelection } from 'pipewright/eventlog/selection/index';
import { mapReduceParameters } from 'pipewright/mapreduce/index';
import { SqlLoadTask, type ColumnSpec, type SqlRow } from 'pipewright/sql/index';
import { ProblemChecksPerCourseDay } from './problem-checks-job.js';
import { WithIntervalOutput } from './with-interval-output.js';

const Base = WithIntervalOutput(WithEventLogSelection(SqlLoadTask));

export class ProblemChecksToSql extends Base {
  static override description = 'Server problem_check events per course and day of --interval, into table problem_checks_daily.';
  // --runner, --n-reduce-tasks, ... accepted here too, and handed to the job by clone() below.
  static override parameters = { ...Base.parameters, ...mapReduceParameters };

  readonly table = 'problem_checks_daily';
  readonly columns: readonly ColumnSpec[] = [
    { name: 'course_id', type: 'string', nullable: false },
    { name: 'date', type: 'date', nullable: false },
    { name: 'problem_checks', type: 'integer', nullable: false },
  ];

  override requires() {
    return this.clone(ProblemChecksPerCourseDay); // every parameter both declare: interval, source, output-root, ...
  }

  async *rows(): AsyncIterable<SqlRow> {
    const job = this.input() as DirectoryTarget;
    for await (const line of partFileLines(await job.partFiles())) {
      const [key, count] = line.split('\t').map((json) => JSON.parse(json)) as [[string, string], number];
      yield [key[0], key[1], count];
    }
  }
}

registerTask(ProblemChecksToSql);
