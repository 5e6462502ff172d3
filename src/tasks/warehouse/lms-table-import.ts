import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { isoDayOf, p, Task, UsageError } from '../../core/index.js';
import { describeConnection, queryRows, type ConnectionSpec } from '../../sql/index.js';
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
  static override parameters = {
    ...Task.parameters,
    date: lmsImportDate(true),
    ...warehouseParameters,
    ...lmsParameters,
    importPageRows: p.int({ default: 100_000, identity: false, description: 'Rows read from the LMS per query, for tables read in pages (courseware_studentmodule).' }),
  };
  declare date: string;
  declare importPageRows: number;
  declare warehousePath: string;
  declare importDatabaseUrl: string;
  declare importCredentials: string;
  declare importDatabase: string;

  abstract readonly table: string;
  abstract readonly columns: readonly string[];
  /** What needs this table, for the error when no LMS database is given: `The grade distribution needs the LMS table x`. */
  abstract readonly lmsNeed: string;
  /**
   * A unique integer column among `columns` to read the table by,
   * --import-page-rows rows a query (`WHERE key > last ORDER BY key LIMIT n`),
   * for tables too big to hold in memory. None: one query for all.
   */
  readonly pageKey?: string;

  constructor(params?: Record<string, unknown>) {
    super(withConfigDefaults(new.target, params, 'hive', { warehousePath: 'warehouse_path' }));
  }

  override output(): DirectoryTarget {
    return endPartition(this.warehousePath, this.table, this.date);
  }

  override preflight(): void {
    lmsConnection(this, this.lmsNeed);
    if (this.pageKey !== undefined && this.importPageRows < 1)
      throw new UsageError(`${this.family}: --import-page-rows must be at least 1 (got ${this.importPageRows}).`);
  }

  override async run(): Promise<void> {
    this.preflight();
    const spec = lmsConnection(this, this.lmsNeed);
    this.reportProgress({ done: 0, unit: 'rows', message: `reading ${this.table} from ${describeConnection(spec)}` });
    const cell = (v: unknown) => (v === null || v === undefined ? '\\N' : String(v).replace(/[\t\n\r]/g, ' '));
    const select = `SELECT ${this.columns.join(', ')} FROM ${this.table}`;
    let total = 0;
    await this.output().build(async (tmp) => {
      const file = await open(join(tmp, this.table), 'w');
      try {
        for await (const rows of this.pages(spec, select)) {
          await file.write(rows.map((r) => this.columns.map((c) => cell(r[c])).join('\t') + '\n').join(''));
          total += rows.length;
          this.reportProgress({ done: total, unit: 'rows', message: `reading ${this.table} from ${describeConnection(spec)}` });
        }
      } finally {
        await file.close();
      }
    });
    this.incrementCounter('LMS Import', `${this.table} Rows Imported`, total);
  }

  /** The rows in order of the first column, in one query, or in pages after the last pageKey seen. */
  private async *pages(spec: ConnectionSpec, select: string): AsyncGenerator<Record<string, unknown>[]> {
    const key = this.pageKey;
    if (key === undefined) {
      yield await queryRows(spec, `${select} ORDER BY ${this.columns[0]}`);
      return;
    }
    let after: unknown = null;
    for (;;) {
      const where = after === null ? '' : ` WHERE ${key} > ?`;
      const rows = await queryRows(spec, `${select}${where} ORDER BY ${key} LIMIT ${this.importPageRows}`, after === null ? [] : [after]);
      this.incrementCounter('LMS Import', `${this.table} Page Queries`);
      if (rows.length > 0) yield rows;
      if (rows.length < this.importPageRows) return;
      after = rows[rows.length - 1]![key];
    }
  }
}
