import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { p, registry, Task } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { mapReduceParameters } from '../../mapreduce/index.js';
import { LocalTarget, type DirectoryTarget } from '../../targets/index.js';
import { filenameSafeCourseId } from '../answer-distribution/course-csv.js';
import { readTextLines } from '../warehouse/lines.js';
import type { CourseBlock } from './course-blocks.js';
import { CourseBlocksApiDataTask, courseBlockFromTsv } from './course-blocks-task.js';
import { LatestProblemResponseDataTask } from './latest-data-task.js';
import { problemResponseParameters, withProblemResponseDefaults } from './parameters.js';
import { courseReportCsv, locate, type LocatedRecord } from './report.js';
import { reportFormat } from './report-format.js';

const Base = WithEventLogSelection(Task);
const config = (key: string) => registry.config.get('problem-response', key);

/** Parameters of the report task and of the workflow that runs it. */
export const reportParameters = {
  ...Base.parameters,
  ...mapReduceParameters,
  ...problemResponseParameters,
  outputRoot: p.path({ description: 'Directory for the per-course CSV reports. Default: [problem-response] report_output_root.' }),
  marker: p.string({ default: '', identity: false, description: 'Directory for the done-marker file (default: --output-root).' }),
};

/**
 * edX ProblemResponseReportTask: one CSV per course,
 * `<output-root>/<safe course id>_problem_response.csv`, from the latest
 * answers joined with the course structure (edX's
 * ProblemResponseLocationPartitionTask, done here in memory: the join key is
 * the problem's block id). Each file is written atomically; a marker file says the set is done.
 */
export class ProblemResponseReportTask extends Base {
  static override description = 'Per-course CSV reports of the latest problem responses, with each problem located in its course.';
  static override parameters = {
    ...reportParameters,
    reportFields: p.string({ default: '', description: 'JSON list of the columns, in order. Default: [problem-response] report_fields, else every record field.' }),
    reportFieldDatetimeFormat: p.string({ default: '', description: "strftime format of dates. Default: [problem-response] report_field_datetime_format, else Python's str()." }),
    reportFieldListDelimiter: p.string({ default: '', description: 'Python string literal joining list cells, e.g. "|". Default: [problem-response] report_field_list_delimiter.' }),
    reportFilenameTemplate: p.string({ default: '{course_id}_problem_response.csv', description: 'File name of a report; {course_id} is the filename-safe course id. Config: [problem-response] report_filename_template.' }),
  };
  declare outputRoot: string;
  declare marker: string;
  declare reportFields: string;
  declare reportFieldDatetimeFormat: string;
  declare reportFieldListDelimiter: string;
  declare reportFilenameTemplate: string;
  declare overwrite: boolean;
  #ran = false;

  constructor(params?: Record<string, unknown>) {
    const out = withProblemResponseDefaults(params);
    out.outputRoot ??= config('report_output_root');
    out.reportFields ??= config('report_fields');
    out.reportFieldDatetimeFormat ??= config('report_field_datetime_format');
    out.reportFieldListDelimiter ??= config('report_field_list_delimiter');
    out.reportFilenameTemplate ??= config('report_filename_template');
    super(out);
  }

  override requires(): [LatestProblemResponseDataTask, CourseBlocksApiDataTask] {
    return [
      this.clone(LatestProblemResponseDataTask),
      new CourseBlocksApiDataTask({ datetime: this.params.datetime, warehousePath: this.params.warehousePath, overwrite: this.params.overwrite }),
    ];
  }

  override output(): LocalTarget {
    const digest = createHash('sha256').update(this.id).digest('hex').slice(0, 16);
    return new LocalTarget(join(this.marker || this.outputRoot, `_SUCCESS_problem_response_${digest}`));
  }

  override async complete(): Promise<boolean> {
    if (this.overwrite && !this.#ran) return false;
    return super.complete();
  }

  override async run(): Promise<void> {
    const format = reportFormat(this);
    const [responses, structure] = this.input() as [DirectoryTarget, DirectoryTarget];
    const blocks = new Map<string, CourseBlock[]>();
    for (const file of await structure.partFiles())
      for await (const line of readTextLines(file)) {
        const block = courseBlockFromTsv(line);
        if (block) blocks.get(block.blockId)?.push(block) ?? blocks.set(block.blockId, [block]);
        else this.incrementCounter('Course Blocks', 'Discard Malformed Partition Line');
      }
    const byCourse = new Map<string, LocatedRecord[]>();
    for (const file of await responses.partFiles())
      for await (const line of readTextLines(file)) {
        const record = locate(LatestProblemResponseDataTask.recordOf(line), blocks, format);
        if (record.sortIdx === -1) this.incrementCounter('Problem Response', 'Answers To Problems Not In Course Structure');
        let rows = byCourse.get(record.courseId);
        if (!rows) byCourse.set(record.courseId, (rows = []));
        rows.push(record);
      }
    for (const [courseId, rows] of [...byCourse].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const name = this.reportFilenameTemplate.replaceAll('{course_id}', filenameSafeCourseId(courseId));
      await new LocalTarget(join(this.outputRoot, name)).writeText(courseReportCsv(rows, format));
      this.incrementCounter('Problem Response', 'Course Reports Written');
    }
    await this.output().writeText(`${[...byCourse.keys()].sort().join('\n')}\n`);
    this.#ran = true;
  }
}
