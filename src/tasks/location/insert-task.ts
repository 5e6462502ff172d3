import { addDays, type DateInterval } from '../../core/index.js';
import { SqlLoadTask, type ColumnSpec, type SqlRow } from '../../sql/index.js';
import { CourseEnrollmentTask } from '../enrollments/course-enrollment-task.js';
import { eventLogFallbacks } from '../enrollments/parameters.js';
import { readTextLines } from '../warehouse/index.js';
import type { DirectoryTarget } from '../../targets/index.js';
import { LastCountryOfUser } from './last-country-task.js';
import { COUNTERS, locationParameters, withLocationDefaults } from './parameters.js';
import { countEnrollmentsByCountry } from './per-course-counts.js';

/**
 * Table `course_enrollment_location_current` with edX's columns and types
 * (LastCountryPerCourseRecord), plus the `id` key and `created` time edX's
 * MysqlInsertTask adds to every table it makes (the data API's model reads `id`).
 */
const COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', type: 'bigint', nullable: false, generated: 'autoIncrement' },
  { name: 'date', type: 'date', nullable: false },
  { name: 'course_id', type: 'string', nullable: false },
  { name: 'country_code', type: 'string', length: 10, nullable: true },
  { name: 'count', type: 'integer', nullable: false },
  { name: 'cumulative_count', type: 'integer', nullable: false },
  { name: 'created', type: 'timestamp', generated: 'now' },
];

/**
 * edX `InsertToMysqlLastCountryPerCourseTask` (entry point
 * location-per-course), with its QueryLastCountryPerCourseTask join done
 * here: every user's enrollment in every course as of the end of --interval
 * (our enrollment history, warehouse course_enrollment/dt=END), joined on
 * user_id with their last country (LastCountryOfUser); per course and
 * country code, how many are enrolled now (count) and ever were
 * (cumulative_count). Users with no known address get a NULL code, as edX's
 * LEFT OUTER JOIN gives them. `date` is the day after the interval, the day
 * edX's LMS snapshot (student_courseenrollment dt) is taken.
 */
export class InsertToMysqlLastCountryPerCourseTask extends SqlLoadTask {
  static override description = 'Learners per course and country of their last IP address, loaded into table course_enrollment_location_current (edX location-per-course).';
  static override parameters = { ...SqlLoadTask.parameters, ...locationParameters };
  declare interval: DateInterval;

  readonly table = 'course_enrollment_location_current';
  readonly columns = COLUMNS;
  // edX: the API filters by course, then by date.
  override readonly indexes = [['course_id'], ['course_id', 'date']];

  constructor(params?: Record<string, unknown>) {
    super(withLocationDefaults(new.target, params));
  }

  override requires(): { countries: LastCountryOfUser; enrollments: CourseEnrollmentTask } {
    return {
      countries: this.clone(LastCountryOfUser, eventLogFallbacks(this)),
      enrollments: this.clone(CourseEnrollmentTask, { ...eventLogFallbacks(this), overwriteHive: this.params.overwrite }),
    };
  }

  /** The database must open here too: LastCountryOfUser may be complete from an earlier run, but a typo should not pass unnoticed. */
  override preflight(): void {
    this.requires().countries.preflight();
  }

  async *rows(): AsyncIterable<SqlRow> {
    const { countries, enrollments } = this.requires();
    const codes = await countryCodesByUser(countries.output(), (name) => this.incrementCounter(COUNTERS, name));
    const lastDay = addDays(this.interval.end, -1);
    const counts = await countEnrollmentsByCountry(enrollmentRecords(enrollments.output()), lastDay, codes, (name) => this.incrementCounter(COUNTERS, name));
    for (const [courseId, byCode] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      for (const [code, { count, cumulative }] of [...byCode].sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1)))
        yield [this.interval.end, courseId, code, count, cumulative];
  }
}

/** user_id -> country code, from the LastCountryOfUser partition. */
async function countryCodesByUser(partition: DirectoryTarget, count: (name: string) => void): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  for (const file of await partition.partFiles())
    for await (const line of readTextLines(file)) {
      const fields = line.split('\t');
      if (fields.length !== 3) count('Discard Malformed Last Country Line');
      else codes.set(fields[2]!, fields[1]!);
    }
  return codes;
}

async function* enrollmentRecords(partition: DirectoryTarget): AsyncIterable<string> {
  for (const file of await partition.partFiles()) yield* readTextLines(file);
}
