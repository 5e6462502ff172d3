import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isoDayOf, p, Task } from '../../core/index.js';
import { describeConnection, queryRows } from '../../sql/index.js';
import type { DirectoryTarget } from '../../targets/index.js';
import { lmsParameters } from '../enrollments/import-profile-task.js';
import { lmsConnection } from '../enrollments/lms-connection.js';
import { endPartition } from '../enrollments/tables.js';
import { warehouseParameters, withConfigDefaults } from '../warehouse/index.js';

/** What the engagement reports read of the LMS: named in the one-line error when no LMS database is given. */
export const ENGAGEMENT_LMS_NEED = 'The per-course engagement CSVs need the LMS tables auth_user and course_groups_courseusergroup(_users)';

/** `--date`: the day of the import, naming the partition (edX's import_date); part of the id of the imports only. */
export const lmsImportDate = (identity: boolean) =>
  p.date({ default: isoDayOf(Date.now()), identity, description: 'Day of the LMS import (warehouse partitions auth_user/dt=DATE, ...). Default: today (UTC).' });

/**
 * edX's database imports (ImportAuthUserTask, ImportCourseUserGroupTask,
 * ImportCourseUserGroupUsersTask): one LMS table, the columns a workflow
 * joins on, copied into the warehouse as `<table>/dt=DATE/<table>`,
 * tab-separated, NULL as `\N`. A tab or line break inside a value becomes a
 * space, as edX's import replaced Hive's delimiters.
 */
abstract class LmsTableImportTask extends Task {
  static override parameters = { ...Task.parameters, date: lmsImportDate(true), ...warehouseParameters, ...lmsParameters };
  declare date: string;
  declare warehousePath: string;
  declare importDatabaseUrl: string;
  declare importCredentials: string;
  declare importDatabase: string;

  abstract readonly table: string;
  abstract readonly columns: readonly string[];

  constructor(params?: Record<string, unknown>) {
    super(withConfigDefaults(new.target, params, 'hive', { warehousePath: 'warehouse_path' }));
  }

  override output(): DirectoryTarget {
    return endPartition(this.warehousePath, this.table, this.date);
  }

  override preflight(): void {
    lmsConnection(this, ENGAGEMENT_LMS_NEED);
  }

  override async run(): Promise<void> {
    const spec = lmsConnection(this, ENGAGEMENT_LMS_NEED);
    this.reportProgress({ done: 0, unit: 'rows', message: `reading ${this.table} from ${describeConnection(spec)}` });
    const rows = await queryRows<Record<string, unknown>>(spec, `SELECT ${this.columns.join(', ')} FROM ${this.table} ORDER BY ${this.columns[0]}`);
    const cell = (v: unknown) => (v === null || v === undefined ? '\\N' : String(v).replace(/[\t\n\r]/g, ' '));
    const text = rows.map((r) => this.columns.map((c) => cell(r[c])).join('\t') + '\n').join('');
    await this.output().build(async (tmp) => writeFile(join(tmp, this.table), text));
    this.incrementCounter('LMS Import', `${this.table} Rows Imported`, rows.length);
  }
}

/** edX ImportAuthUserTask, the columns the engagement join reads: `id username email`. */
export class ImportAuthUserTask extends LmsTableImportTask {
  static override description = 'Copy the LMS auth_user (id, username, email) into the warehouse for one day.';
  readonly table = 'auth_user';
  readonly columns = ['id', 'username', 'email'];
}

/** edX ImportCourseUserGroupTask: the cohorts (and other course groups), `id name course_id group_type`. */
export class ImportCourseUserGroupTask extends LmsTableImportTask {
  static override description = 'Copy the LMS course_groups_courseusergroup (cohorts: id, name, course_id, group_type) into the warehouse for one day.';
  readonly table = 'course_groups_courseusergroup';
  readonly columns = ['id', 'name', 'course_id', 'group_type'];
}

/** edX ImportCourseUserGroupUsersTask: who is in which group, `courseusergroup_id user_id`. */
export class ImportCourseUserGroupUsersTask extends LmsTableImportTask {
  static override description = 'Copy the LMS course_groups_courseusergroup_users (group memberships) into the warehouse for one day.';
  readonly table = 'course_groups_courseusergroup_users';
  readonly columns = ['courseusergroup_id', 'user_id'];
}
