import type { ColumnSpec } from '../../sql/index.js';
import { educationLevel, genderOf, type EnrollmentDay, type GroupCell, type Profile } from './breakdowns.js';
import { EnrollmentBreakdownLoad } from './breakdown-load.js';

const DATE: ColumnSpec = { name: 'date', type: 'date', nullable: false };
const COURSE: ColumnSpec = { name: 'course_id', type: 'string', nullable: false };
const BY_COURSE_AND_DATE = [['course_id'], ['course_id', 'date']] as const;

/** edX `EnrollmentDailyMysqlTask` -> `course_enrollment_daily` (course_id, date, count, cumulative_count). */
export class EnrollmentDailyMysqlTask extends EnrollmentBreakdownLoad {
  static override description = 'Learners enrolled in each course at the end of each day, into table course_enrollment_daily.';
  readonly table = 'course_enrollment_daily';
  readonly columns = EnrollmentBreakdownLoad.columnsWith(COURSE, DATE);
  override readonly indexes = BY_COURSE_AND_DATE;
  group(day: EnrollmentDay): GroupCell[] {
    return [day.courseId, day.date];
  }
}

/** edX `EnrollmentByModeTask` -> `course_enrollment_mode_daily` (the mode of each learner's latest event). */
export class EnrollmentByModeTask extends EnrollmentBreakdownLoad {
  static override description = 'Enrollments per course, day and mode, into table course_enrollment_mode_daily.';
  readonly table = 'course_enrollment_mode_daily';
  readonly columns = EnrollmentBreakdownLoad.columnsWith(DATE, COURSE, { name: 'mode', type: 'string', nullable: false });
  override readonly indexes = BY_COURSE_AND_DATE;
  group(day: EnrollmentDay): GroupCell[] {
    return [day.date, day.courseId, day.mode];
  }
}

/** edX `EnrollmentByGenderMysqlTask` -> `course_enrollment_gender_daily` (every day; empty or unknown gender is NULL). */
export class EnrollmentByGenderMysqlTask extends EnrollmentBreakdownLoad {
  static override description = 'Enrollments per course, day and gender (LMS profile), into table course_enrollment_gender_daily.';
  readonly table = 'course_enrollment_gender_daily';
  readonly columns = EnrollmentBreakdownLoad.columnsWith(DATE, COURSE, { name: 'gender', type: 'string', length: 6 });
  override readonly indexes = BY_COURSE_AND_DATE;
  override readonly needsProfiles = true;
  group(day: EnrollmentDay, profile: Profile | undefined): GroupCell[] {
    return [day.date, day.courseId, genderOf(profile)];
  }
}

/** edX `EnrollmentByBirthYearToMysqlTask` -> `course_enrollment_birth_year_daily` (the last day of the interval only). */
export class EnrollmentByBirthYearToMysqlTask extends EnrollmentBreakdownLoad {
  static override description = 'Enrollments per course and birth year on the last day of the interval, into table course_enrollment_birth_year_daily.';
  readonly table = 'course_enrollment_birth_year_daily';
  readonly columns = EnrollmentBreakdownLoad.columnsWith(DATE, COURSE, { name: 'birth_year', type: 'integer' });
  override readonly needsProfiles = true;
  override readonly lastDayOnly = true;
  group(day: EnrollmentDay, profile: Profile | undefined): GroupCell[] {
    return [day.date, day.courseId, profile?.yearOfBirth ?? null];
  }
}

/** edX `EnrollmentByEducationLevelMysqlTask` -> `course_enrollment_education_level_daily` (last day only; LMS codes named). */
export class EnrollmentByEducationLevelMysqlTask extends EnrollmentBreakdownLoad {
  static override description = 'Enrollments per course and education level on the last day of the interval, into table course_enrollment_education_level_daily.';
  readonly table = 'course_enrollment_education_level_daily';
  readonly columns = EnrollmentBreakdownLoad.columnsWith(DATE, COURSE, { name: 'education_level', type: 'string', length: 16 });
  override readonly indexes = BY_COURSE_AND_DATE;
  override readonly needsProfiles = true;
  override readonly lastDayOnly = true;
  group(day: EnrollmentDay, profile: Profile | undefined): GroupCell[] {
    return [day.date, day.courseId, educationLevel(profile?.levelOfEducation)];
  }
}
