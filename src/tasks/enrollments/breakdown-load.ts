import { addDays, type Task } from '../../core/index.js';
import { SqlLoadTask, type ColumnSpec, type SqlRow } from '../../sql/index.js';
import type { DirectoryTarget } from '../../targets/index.js';
import { overwriteFromMysqlFlag, overwriteParameters, readTextLines } from '../warehouse/index.js';
import { GroupCounts, parseEnrollmentDay, parseProfile, type EnrollmentDay, type GroupCell, type Profile } from './breakdowns.js';
import { CourseEnrollmentTask } from './course-enrollment-task.js';
import { ImportAuthUserProfileTask, lmsParameters } from './import-profile-task.js';
import { COUNTERS, enrollmentParameters, loadImportDateParameter, eventLogFallbacks, withEnrollmentDefaults } from './parameters.js';

/**
 * One of edX's enrollment breakdown tables (EnrollmentDailyMysqlTask,
 * EnrollmentByModeTask, EnrollmentByGenderMysqlTask, ...): the
 * course_enrollment records of the run grouped by `group()`, with
 * count = enrolled at the end of the day and cumulative_count = ever
 * enrolled by then, loaded into `table`. Rows are appended unless
 * --overwrite-mysql replaces them (edX's default: append); a rerun of the
 * same run finds its marker and does nothing.
 */
export abstract class EnrollmentBreakdownLoad extends SqlLoadTask {
  static override parameters = {
    ...SqlLoadTask.parameters,
    ...enrollmentParameters,
    ...loadImportDateParameter,
    ...lmsParameters,
    overwriteMysql: overwriteParameters.overwriteMysql,
  };
  declare interval: import('../../core/index.js').DateInterval;
  declare overwriteMysql: boolean;

  /** Whether group() needs the LMS profile (gender, birth year, education). */
  readonly needsProfiles: boolean = false;
  /** Only the last day of the interval (edX's query_date), as the birth year and education tables. */
  readonly lastDayOnly: boolean = false;

  /** The cells before count and cumulative_count, in column order. */
  abstract group(day: EnrollmentDay, profile: Profile | undefined): GroupCell[];

  constructor(params?: Record<string, unknown>) {
    super(withEnrollmentDefaults(new.target, params));
    overwriteFromMysqlFlag(this);
  }

  protected static columnsWith(...leading: ColumnSpec[]): ColumnSpec[] {
    return [...leading, { name: 'count', type: 'integer' }, { name: 'cumulative_count', type: 'integer' }];
  }

  override requires(): Task[] {
    const history = this.clone(CourseEnrollmentTask, eventLogFallbacks(this));
    return this.needsProfiles ? [history, this.clone(ImportAuthUserProfileTask, eventLogFallbacks(this))] : [history];
  }

  async *rows(): AsyncIterable<SqlRow> {
    const [history, profileImport] = this.input() as DirectoryTarget[];
    const profiles = profileImport ? await this.readProfiles(profileImport) : new Map<string, Profile>();
    const lastDay = addDays(this.interval.end, -1);
    const counts = new GroupCounts();
    for (const file of await history!.partFiles())
      for await (const line of readTextLines(file)) {
        const day = parseEnrollmentDay(line);
        if (!day) {
          this.incrementCounter(COUNTERS, `${this.table}: malformed course_enrollment line`);
          continue;
        }
        if (this.lastDayOnly && day.date !== lastDay) continue;
        counts.add(this.group(day, profiles.get(day.userId)), day.atEnd);
      }
    yield* counts.rows();
  }

  private async readProfiles(target: DirectoryTarget): Promise<Map<string, Profile>> {
    const profiles = new Map<string, Profile>();
    for (const file of await target.partFiles())
      for await (const line of readTextLines(file)) {
        const parsed = parseProfile(line);
        if (parsed) profiles.set(...parsed);
        else this.incrementCounter(COUNTERS, 'malformed auth_userprofile line');
      }
    return profiles;
  }
}
