import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { DateInterval, p, UsageError } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { lmsParameters } from '../enrollments/import-profile-task.js';
import { lmsConnection } from '../enrollments/lms-connection.js';
import { CourseEnrollmentTask } from '../enrollments/course-enrollment-task.js';
import { warehouseParameters, withConfigDefaults } from '../warehouse/index.js';
import { lmsImportDate } from '../warehouse/lms-table-import.js';
import type { IntervalType } from './end-date.js';
import { engagementCsv, engagementCsvHeader, engagementCsvPath } from './engagement-csv.js';
import { SUMMARY_COLUMNS } from './engagement-summary.js';
import { isReportDay, joinReportGroup, type ReportGroup } from './enrollment-join.js';
import { ENGAGEMENT_LMS_NEED, ImportAuthUserTask, ImportCourseUserGroupTask, ImportCourseUserGroupUsersTask } from './lms-import.js';
import { readLmsLookup, type LmsLookup } from './lms-lookup.js';
import { COUNTERS, intervalTypeParameter, rawEngagementRoot, StudentEngagementTask } from './student-engagement-task.js';
import { writeFileAtomicSync } from './write-file-sync.js';

const Base = WithEventLogSelection(MapReduceTask);
const ENGAGEMENT_FIELDS = 3 + SUMMARY_COLUMNS.length;
const ENROLLMENT_FIELDS = 6; // course_enrollment: date course_id user_id at_end change mode
type Value = ['enrolled', string] | ['active', string, ...string[]];

/**
 * edX StudentEngagementCsvFileTask (the data API's engagement reports): one
 * CSV per course and end date under --output-root, at
 * `<sha1(course_id)>/student_engagement_<type>_<date>.csv`, a row per learner
 * enrolled at the end of that day, with their email and cohort from the LMS
 * and StudentEngagementTask's figures (zeros when they did nothing): edX's
 * join of the enrollment history, auth_user and the cohort tables. The
 * reducers write the files (each atomically); the task's own output is a
 * manifest directory that marks the set done.
 */
export class StudentEngagementCsvFileTask extends Base {
  static override description = 'Per-course learner engagement CSVs (daily, weekly or all of --interval) for the instructor dashboard: every enrolled learner, with email and cohort from the LMS.';
  static override moduleUrl = import.meta.url;
  static override parameters = {
    ...Base.parameters,
    ...intervalTypeParameter,
    ...warehouseParameters,
    ...lmsParameters,
    date: lmsImportDate(false),
    outputRoot: p.path({ description: 'Where the per-course folders of CSV files go.' }),
    enrollmentIntervalStart: p.date({ description: 'First day of the enrollment history that says who is enrolled (on or before --interval).', defaultText: '[enrollments] interval_start' }),
    overwriteNDays: p.int({
      identity: false,
      description:
        'Re-read the enrollment events of the last N days of --interval from raw logs; earlier days come from the warehouse ' +
        '(course_enrollment_events/), so on a fresh one reach back to --enrollment-interval-start.',
      defaultText: '[enrollments] overwrite_n_days',
    }),
  };
  declare intervalType: IntervalType;
  declare warehousePath: string;
  declare outputRoot: string;
  declare date: string;
  declare enrollmentIntervalStart: string;
  declare overwriteNDays: number;
  declare importDatabaseUrl: string;
  declare importCredentials: string;
  declare importDatabase: string;
  #lms?: LmsLookup;

  constructor(params?: Record<string, unknown>) {
    const withHive = withConfigDefaults(new.target, params, 'hive', { warehousePath: 'warehouse_path' });
    super(withConfigDefaults(new.target, withHive, 'enrollments', { enrollmentIntervalStart: 'interval_start', overwriteNDays: 'overwrite_n_days' }));
    if (this.enrollmentIntervalStart > this.interval.start)
      throw new UsageError(`--enrollment-interval-start ${this.enrollmentIntervalStart} is after the first day of --interval (${this.interval.start}): learners enrolled before it would be missing; give ${this.interval.start} or earlier.`);
  }

  override requires() {
    return {
      engagement: this.clone(StudentEngagementTask, { outputRoot: rawEngagementRoot(this.warehousePath, this.intervalType, this.interval.end) }),
      // The whole history up to the interval's end (edX: interval_end = the engagement interval's end).
      enrollment: this.clone(CourseEnrollmentTask, {
        interval: DateInterval.between(this.enrollmentIntervalStart, this.interval.end),
        expandInterval: String(this.expandInterval),
      }),
      users: this.clone(ImportAuthUserTask),
      cohorts: this.clone(ImportCourseUserGroupTask),
      cohortMembers: this.clone(ImportCourseUserGroupUsersTask),
    };
  }

  override output(): DirectoryTarget {
    const digest = createHash('sha256').update(this.id).digest('hex').slice(0, 16);
    return new DirectoryTarget(join(this.outputRoot, `_SUCCESS_student_engagement_${digest}`));
  }

  // edX had no report without the LMS join: say so before the logs are read.
  override preflight(): void {
    lmsConnection(this, ENGAGEMENT_LMS_NEED);
  }

  override async run(): Promise<void> {
    // Counted once here, not per reducer: every reducer reads the same LMS copies.
    const orphans = readLmsLookup(this.warehousePath, this.date).membershipsOfMissingGroups;
    if (orphans > 0) this.incrementCounter(COUNTERS, 'Cohort Membership Of A Missing Group Left Out', orphans);
    await super.run();
  }

  /** The engagement rows and the enrollment history, not the logs (the event-log parameters only pass through). */
  override async inputFiles(): Promise<string[]> {
    const { engagement, enrollment } = this.requires();
    return [...(await engagement.output().partFiles()), ...(await enrollment.output().partFiles())];
  }

  override *mapper(line: string): Pairs {
    const fields = line.split('\t');
    if (fields.length === ENGAGEMENT_FIELDS) {
      const [endDate, courseId, username, ...figures] = fields;
      return void (yield [[endDate, courseId], ['active', username!, ...figures] satisfies Value]);
    }
    if (fields.length !== ENROLLMENT_FIELDS) return void this.incrementCounter(COUNTERS, 'Discard Malformed Engagement Or Enrollment Line');
    const [day, courseId, userId, atEnd] = fields as [string, string, string, string];
    if (atEnd === '1' && isReportDay(this.intervalType, this.interval, day)) yield [[day, courseId], ['enrolled', userId] satisfies Value];
  }

  override reducerInit(): void {
    this.#lms = readLmsLookup(this.warehousePath, this.date);
  }

  override *reducer(key: [string, string], values: Iterable<Value>): Pairs {
    const [endDate, courseId] = key;
    const group: ReportGroup = { enrolledUserIds: [], activeByUsername: new Map() };
    for (const [kind, id, ...figures] of values) {
      if (kind === 'enrolled') group.enrolledUserIds.push(id);
      else group.activeByUsername.set(id, figures);
    }
    const joined = joinReportGroup(courseId, group, this.#lms!);
    if (joined.unknownUsers > 0) this.incrementCounter(COUNTERS, 'Enrolled User Not In auth_user Left Out', joined.unknownUsers);
    if (joined.activeNotEnrolled > 0) this.incrementCounter(COUNTERS, 'Active Learner Not Enrolled Left Out', joined.activeNotEnrolled);
    if (joined.rows.length === 0) return;
    const cells = joined.rows.map((row) => [courseId, endDate, ...row]);
    const path = join(this.outputRoot, engagementCsvPath(courseId, this.intervalType, endDate, String(this.interval)));
    writeFileAtomicSync(path, engagementCsv(engagementCsvHeader(this.intervalType), cells));
    this.incrementCounter(COUNTERS, 'CSV Files Written');
    yield [key, { path, rows: cells.length }];
  }
}
