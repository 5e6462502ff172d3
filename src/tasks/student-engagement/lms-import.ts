import { LmsTableImportTask } from '../warehouse/lms-table-import.js';

/** What the engagement reports read of the LMS: named in the one-line error when no LMS database is given. */
export const ENGAGEMENT_LMS_NEED = 'The per-course engagement CSVs need the LMS tables auth_user and course_groups_courseusergroup(_users)';

/** edX ImportAuthUserTask, the columns the engagement join reads: `id username email`. */
export class ImportAuthUserTask extends LmsTableImportTask {
  static override description = 'Copy the LMS auth_user (id, username, email) into the warehouse for one day.';
  readonly table = 'auth_user';
  readonly columns = ['id', 'username', 'email'];
  readonly key = 'id';
  readonly lmsNeed = ENGAGEMENT_LMS_NEED;
}

/** edX ImportCourseUserGroupTask: the cohorts (and other course groups), `id name course_id group_type`. */
export class ImportCourseUserGroupTask extends LmsTableImportTask {
  static override description = 'Copy the LMS course_groups_courseusergroup (cohorts: id, name, course_id, group_type) into the warehouse for one day.';
  readonly table = 'course_groups_courseusergroup';
  readonly columns = ['id', 'name', 'course_id', 'group_type'];
  readonly key = 'id';
  readonly lmsNeed = ENGAGEMENT_LMS_NEED;
}

/** edX ImportCourseUserGroupUsersTask: who is in which group, `courseusergroup_id user_id`. */
export class ImportCourseUserGroupUsersTask extends LmsTableImportTask {
  static override description = 'Copy the LMS course_groups_courseusergroup_users (group memberships) into the warehouse for one day.';
  readonly table = 'course_groups_courseusergroup_users';
  readonly columns = ['courseusergroup_id', 'user_id'];
  // Django's id of the membership: not copied, it orders the copy and finds repeated rows.
  readonly key = 'id';
  readonly lmsNeed = ENGAGEMENT_LMS_NEED;
}
