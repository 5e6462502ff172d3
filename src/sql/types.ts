/**
 * The portable vocabulary of the SQL sink: values, rows, column types and
 * table declarations. Dialects translate these; tasks only ever use these.
 */

/** A value a load task may put in a cell. Dates are stored as UTC `YYYY-MM-DD HH:MM:SS`. */
export type SqlValue = string | number | bigint | boolean | Date | null;

/** One row: values in the order of the table's inserted columns, or a record by column name. */
export type SqlRow = readonly SqlValue[] | Readonly<Record<string, SqlValue | undefined>>;

/**
 * Column types every dialect can create and recognise:
 * string = VARCHAR(length, default 255), text = long text, integer = 32-bit,
 * bigint = 64-bit, boolean = TINYINT(1)/0-1, double = 64-bit float,
 * timestamp = date and time (UTC), date = a calendar day.
 */
export type ColumnType = 'string' | 'text' | 'integer' | 'bigint' | 'boolean' | 'double' | 'timestamp' | 'date';

export const COLUMN_TYPES: readonly ColumnType[] = ['string', 'text', 'integer', 'bigint', 'boolean', 'double', 'timestamp', 'date'];

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** Default true, as in SQL. */
  readonly nullable?: boolean;
  /** VARCHAR length for type string. Default 255. */
  readonly length?: number;
  /**
   * Filled by the database, never by rows(): `autoIncrement` (a surrogate
   * primary key, like edX's `id`) or `now` (the load time, like edX's `created`).
   */
  readonly generated?: 'autoIncrement' | 'now';
}

export interface TableSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /** Columns of the primary key. An autoIncrement column is the primary key when this is absent. */
  readonly primaryKey?: readonly string[];
  /** Secondary indexes, each a list of columns: `[['course_id'], ['course_id', 'module_id']]`. */
  readonly indexes?: readonly (readonly string[])[];
}

/** The columns rows() fills, in order: every column that is not generated. */
export function insertedColumns(table: TableSpec): ColumnSpec[] {
  return table.columns.filter((c) => c.generated === undefined);
}
