import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { isoDayOf, p, Task, UsageError } from '../../core/index.js';
import { describeConnection } from '../../sql/index.js';
import type { DirectoryTarget } from '../../targets/index.js';
import { lmsConnection, lmsParameters } from '../enrollments/lms-connection.js';
import { endPartition } from '../enrollments/tables.js';
import { warehouseParameters } from './warehouse-parameters.js';
import { withConfigDefaults } from './config-defaults.js';
import { LmsTableReader } from './lms-table-reader.js';

// Not re-exported from ./index.ts: this module imports the enrollments area, which imports ./index.ts.

/** `--date`: the day of the import, naming the partition (edX's import_date); part of the id of the imports only. */
export const lmsImportDate = (identity: boolean) =>
  p.date({ default: isoDayOf(Date.now()), identity, description: 'Day of the LMS import (warehouse partitions auth_user/dt=DATE, ...). Default: today (UTC).' });

/**
 * edX's database imports (ImportAuthUserTask, ImportCourseUserGroupTask,
 * SqoopImportFromMysql of courseware_studentmodule, ...): one LMS table, the
 * columns a workflow reads, copied into the warehouse as
 * `<table>/dt=DATE/<table>`, tab-separated, NULL as `\N`, in the order of
 * `key`. A tab or line break inside a value becomes a space, as edX's import
 * replaced Hive's delimiters; a row whose key is NULL or repeated is left out
 * (LmsTableReader says why); each is counted under `LMS Import`. Subclasses
 * name the table, its columns, the key and lmsNeed, the start of the
 * one-line error when no LMS database is given.
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
  /** The column that identifies a row (edX's primary or unique key): orders the copy; NULLs and repeats are skipped. */
  abstract readonly key: string;
  /** Columns loaded as INT downstream: a value that is no INT becomes NULL, counted (LmsTableShape.intColumns). */
  readonly intColumns: readonly string[] = [];
  /** What needs this table, for the error when no LMS database is given: `The grade distribution needs the LMS table x`. */
  abstract readonly lmsNeed: string;
  /**
   * Read by `key`, --import-page-rows rows a query (`WHERE key > last ORDER BY key LIMIT n`),
   * for tables too big to hold in memory. False: one query for all.
   */
  readonly readInPages: boolean = false;

  constructor(params?: Record<string, unknown>) {
    super(withConfigDefaults(new.target, params, 'hive', { warehousePath: 'warehouse_path' }));
  }

  override output(): DirectoryTarget {
    return endPartition(this.warehousePath, this.table, this.date);
  }

  override preflight(): void {
    lmsConnection(this, this.lmsNeed);
    if (this.readInPages && this.importPageRows < 1)
      throw new UsageError(`${this.family}: --import-page-rows must be at least 1 (got ${this.importPageRows}).`);
  }

  override async run(): Promise<void> {
    this.preflight();
    const spec = lmsConnection(this, this.lmsNeed);
    const from = `reading ${this.table} from ${describeConnection(spec)}`;
    this.reportProgress({ done: 0, unit: 'rows', message: from });
    const reader = await LmsTableReader.open(spec, { table: this.table, columns: this.columns, key: this.key, intColumns: this.intColumns, pageRows: this.readInPages ? this.importPageRows : undefined });
    let total = 0;
    try {
      await this.output().build(async (tmp) => {
        const file = await open(join(tmp, this.table), 'w');
        try {
          for await (const lines of reader.pages()) {
            await file.write(lines.map((cells) => cells.join('\t') + '\n').join(''));
            total += lines.length;
            this.reportProgress({ done: total, unit: 'rows', message: from });
          }
        } finally {
          await file.close();
        }
      });
    } finally {
      await reader.close();
    }
    const { skipped, changed, pageQueries } = reader.counts;
    const group = 'LMS Import';
    this.incrementCounter(group, `${this.table} Rows Imported`, total);
    for (const [name, n] of [...skipped, ...changed]) this.incrementCounter(group, `${this.table} ${name}`, n);
    if (this.readInPages) this.incrementCounter(group, `${this.table} Page Queries`, pageQueries);
  }
}
