import { p } from '../core/parameters/index.js';
import { registry } from '../core/registry.js';
import { Task } from '../core/task.js';
import { describeConnection } from './connection-spec.js';
import { withDatabase } from './database.js';
import { DEFAULT_MARKER_TABLE, markerUpdateId } from './marker-table.js';
import { resolveConnection, type ResolvedConnection } from './resolve-connection.js';
import { SqlTableTarget } from './sql-table-target.js';
import { loadTable, type LoadResult, type OverwritePartition } from './table-loader.js';
import type { ColumnSpec, SqlRow, TableSpec } from './types.js';

registry.declareSection('mysql', ['marker_table']);

/** The SQLite file used when no database is named: relative to the working directory. */
export const DEFAULT_SQLITE_FILE = 'pipewright.sqlite';

/**
 * Loads rows into a SQL table (luigi's CopyToTable, edX's MysqlInsertTask).
 * Declare the table and yield rows; the rest is done:
 *
 *     class LoadCounts extends SqlLoadTask {
 *       readonly table = 'word_counts';
 *       readonly columns = [{ name: 'word', type: 'string', nullable: false }, { name: 'n', type: 'integer' }] as const;
 *       requires() { return new CountWords({ src: 'in/' }); }
 *       async *rows() { for await (const line of readLines(this.input())) yield line.split('\t'); }
 *     }
 *
 * The table is created if missing and checked if present; data and the
 * marker row commit in one transaction; the task is complete when the
 * marker row exists, so a second run does nothing. `--overwrite` replaces the
 * table's rows (or only overwritePartition()'s) in that same transaction.
 */
export abstract class SqlLoadTask extends Task {
  static override parameters = {
    credentials: p.path({ default: '', identity: false, description: "edX's JSON credentials file: host, port, username, password, database" }),
    databaseUrl: p.string({ default: '', identity: false, description: 'mysql://user:password@host:3306/db or sqlite:PATH' }),
    database: p.string({ default: '', identity: false, description: 'database name when the credentials file has none' }),
    overwrite: p.bool({ identity: false, description: "replace the table's rows (or this run's partition) instead of appending" }),
    allowEmptyInsert: p.bool({ identity: false, description: 'let --overwrite with no rows empty the table' }),
    insertChunkSize: p.int({ default: 0, identity: false, description: 'rows per INSERT statement (0: the dialect default)' }),
  };
  declare credentials: string;
  declare databaseUrl: string;
  declare database: string;
  declare overwrite: boolean;
  declare allowEmptyInsert: boolean;
  declare insertChunkSize: number;

  /** The table to load. */
  abstract readonly table: string;
  /** Its columns, in the order rows() yields values when it yields arrays. */
  abstract readonly columns: readonly ColumnSpec[];
  readonly primaryKey?: readonly string[];
  readonly indexes?: readonly (readonly string[])[];

  /** The rows: arrays in column order (generated columns left out) or records by column name. */
  abstract rows(): AsyncIterable<SqlRow> | Iterable<SqlRow>;

  /**
   * With --overwrite, delete only rows with these column values (e.g.
   * `{ date: '2014-08-07' }`, or `{ date: interval.dates() }` for the days of
   * a run). Default: the whole table.
   */
  overwritePartition(): OverwritePartition | undefined {
    return undefined;
  }

  /** Where the database file goes when nothing names one. Tasks with a --dest may put it there. */
  defaultSqlitePath(): string {
    return DEFAULT_SQLITE_FILE;
  }

  /**
   * How long run() waits for another load of the same table (or, on SQLite,
   * the same file) before failing with exit 3. Overlapping cron runs are
   * stopped earlier by the scheduler's lock; this wait serves parallel tasks.
   */
  lockWaitMs(): number {
    return 600_000;
  }

  tableSpec(): TableSpec {
    return { name: this.table, columns: this.columns, primaryKey: this.primaryKey, indexes: this.indexes };
  }

  #connection: ResolvedConnection | undefined;
  /** The database chosen by --database-url, --credentials, [database] config, or the default SQLite file. */
  connection(): ResolvedConnection {
    return (this.#connection ??= resolveConnection({
      credentials: this.credentials,
      databaseUrl: this.databaseUrl,
      database: this.database,
      config: registry.config,
      defaultSqlitePath: this.defaultSqlitePath(),
    }));
  }

  /**
   * What the marker row records as this load (edX's update_id). Default: the
   * task id. A task whose loads are keyed otherwise (e.g. by day and content)
   * overrides it; it is asked again after the task's requirements have run.
   */
  updateId(): string {
    return this.id;
  }

  /** `[mysql] marker_table` (luigi's key), default `table_updates`. */
  markerTable(): string {
    return registry.config.get('mysql', 'marker_table') ?? DEFAULT_MARKER_TABLE;
  }

  override output(): SqlTableTarget {
    return new SqlTableTarget(this.connection().spec, this.table, markerUpdateId(this.updateId()), this.markerTable());
  }

  override async run(): Promise<void> {
    const { spec, source } = this.connection();
    const where = describeConnection(spec);
    if (source === 'default')
      process.stderr.write(`${this.table}: no --credentials, --database-url or [database] url given; loading into the SQLite file ${where.slice('sqlite:'.length)}\n`);
    this.reportProgress({ done: 0, unit: 'rows', message: `loading ${this.table} into ${where}` });
    const result = await withDatabase(spec, (db) =>
      loadTable(db, {
        table: this.tableSpec(),
        rows: () => this.rows(),
        updateId: markerUpdateId(this.updateId()),
        markerTable: this.markerTable(),
        overwrite: this.overwrite,
        partition: this.overwritePartition(),
        allowEmptyOverwrite: this.allowEmptyInsert,
        rowsPerInsert: this.insertChunkSize,
        lockWaitMs: this.lockWaitMs(),
        onProgress: (done) => this.reportProgress({ done, unit: 'rows', message: `loading ${this.table} into ${where}` }),
      }),
    );
    this.count(result);
  }

  private count(result: LoadResult): void {
    if (result.status === 'already-loaded') this.incrementCounter('SQL', `${this.table}: already loaded by another run`);
    this.incrementCounter('SQL', `${this.table}: rows inserted`, result.rowsInserted);
    if (result.rowsDeleted) this.incrementCounter('SQL', `${this.table}: rows deleted (overwrite)`, result.rowsDeleted);
  }
}
