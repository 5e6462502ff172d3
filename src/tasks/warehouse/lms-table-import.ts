import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isoDayOf, p, Task } from '../../core/index.js';
import { describeConnection, queryRows } from '../../sql/index.js';
import type { DirectoryTarget } from '../../targets/index.js';
import { lmsParameters } from '../enrollments/import-profile-task.js';
import { lmsConnection } from '../enrollments/lms-connection.js';
import { endPartition } from '../enrollments/tables.js';
import { warehouseParameters } from './warehouse-parameters.js';
import { withConfigDefaults } from './config-defaults.js';

// Not re-exported from ./index.ts: this module imports the enrollments area, which imports ./index.ts.

/** `--date`: the day of the import, naming the partition (edX's import_date); part of the id of the imports only. */
export const lmsImportDate = (identity: boolean) =>
  p.date({ default: isoDayOf(Date.now()), identity, description: 'Day of the LMS import (warehouse partitions auth_user/dt=DATE, ...). Default: today (UTC).' });

/**
 * edX's database imports (ImportAuthUserTask, ImportCourseUserGroupTask,
 * SqoopImportFromMysql of courseware_studentmodule, ...): one LMS table, the
 * columns a workflow reads, copied into the warehouse as
 * `<table>/dt=DATE/<table>`, tab-separated, NULL as `\N`. A tab or line break
 * inside a value becomes a space, as edX's import replaced Hive's delimiters.
 * Subclasses name the table, its columns (the first orders the copy) and
 * lmsNeed, the start of the one-line error when no LMS database is given.
 */
export abstract class LmsTableImportTask extends Task {
  static override parameters = { ...Task.parameters, date: lmsImportDate(true), ...warehouseParameters, ...lmsParameters };
  declare date: string;
  declare warehousePath: string;
  declare importDatabaseUrl: string;
  declare importCredentials: string;
  declare importDatabase: string;

  abstract readonly table: string;
  abstract readonly columns: readonly string[];
  /** What needs this table, for the error when no LMS database is given: `The grade distribution needs the LMS table x`. */
  abstract readonly lmsNeed: string;

  constructor(params?: Record<string, unknown>) {
    super(withConfigDefaults(new.target, params, 'hive', { warehousePath: 'warehouse_path' }));
  }

  override output(): DirectoryTarget {
    return endPartition(this.warehousePath, this.table, this.date);
  }

  override preflight(): void {
    lmsConnection(this, this.lmsNeed);
  }

  override async run(): Promise<void> {
    const spec = lmsConnection(this, this.lmsNeed);
    this.reportProgress({ done: 0, unit: 'rows', message: `reading ${this.table} from ${describeConnection(spec)}` });
    const rows = await queryRows<Record<string, unknown>>(spec, `SELECT ${this.columns.join(', ')} FROM ${this.table} ORDER BY ${this.columns[0]}`);
    const cell = (v: unknown) => (v === null || v === undefined ? '\\N' : String(v).replace(/[\t\n\r]/g, ' '));
    const text = rows.map((r) => this.columns.map((c) => cell(r[c])).join('\t') + '\n').join('');
    await this.output().build(async (tmp) => writeFile(join(tmp, this.table), text));
    this.incrementCounter('LMS Import', `${this.table} Rows Imported`, rows.length);
  }
}
