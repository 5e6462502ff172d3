import { LmsTableImportTask } from '../warehouse/lms-table-import.js';
import { importDateParameter } from './parameters.js';

// Where the LMS is lives with the connection; kept here for the modules that import it from this file.
export { lmsParameters } from './lms-connection.js';

/**
 * edX `ImportAuthUserProfileTask`: the LMS `auth_userprofile` columns the
 * enrollment breakdowns join on, copied into the warehouse as
 * `auth_userprofile/dt=DATE/auth_userprofile`, lines
 * `user_id<TAB>gender<TAB>year_of_birth<TAB>level_of_education` (NULL `\N`).
 * user_id is unique in edX's schema: a NULL or repeated one is skipped and
 * counted; a year of birth that is no INT becomes NULL, counted.
 */
export class ImportAuthUserProfileTask extends LmsTableImportTask {
  static override description = 'Copy the LMS auth_userprofile (gender, year of birth, education) into the warehouse for one day.';
  static override parameters = { ...LmsTableImportTask.parameters, ...importDateParameter };
  readonly table = 'auth_userprofile';
  readonly columns = ['user_id', 'gender', 'year_of_birth', 'level_of_education'];
  readonly key = 'user_id';
  // Loaded into course_enrollment_birth_year_daily.birth_year (INT): text or a huge number in a SQLite copy would fail that load.
  override readonly intColumns = ['year_of_birth'];
  readonly lmsNeed = 'The enrollment breakdowns need the LMS auth_userprofile table';
}
