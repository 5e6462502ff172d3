import { DefinitionError, InputError } from '../core/errors.js';
import { misfit } from './value-checks.js';
import { insertedColumns, type ColumnSpec, type SqlRow, type SqlValue, type TableSpec } from './types.js';

/**
 * Turns the rows a task yields into flat statement parameters for the
 * table's inserted columns, checking shape and NOT NULL on the way so a bad
 * row is reported by number and column instead of as a driver error.
 */
export class RowShaper {
  readonly columns: readonly ColumnSpec[];
  readonly #index: ReadonlyMap<string, number>;

  constructor(readonly table: TableSpec) {
    this.columns = insertedColumns(table);
    this.#index = new Map(this.columns.map((c, i) => [c.name, i]));
  }

  /** Values in column order, ready to bind; rowNumber (1-based) is for messages. */
  shape(row: SqlRow, rowNumber: number): unknown[] {
    const values = Array.isArray(row) ? this.fromArray(row as readonly SqlValue[], rowNumber) : this.fromRecord(row as Record<string, SqlValue>);
    return values.map((value, i) => this.toParam(value, this.columns[i]!, rowNumber));
  }

  private fromArray(row: readonly SqlValue[], rowNumber: number): readonly SqlValue[] {
    if (row.length !== this.columns.length)
      throw new DefinitionError(
        `Row ${rowNumber} for table ${this.table.name} has ${row.length} values but the table takes ${this.columns.length} (${this.columns.map((c) => c.name).join(', ')}).`,
      );
    return row;
  }

  private fromRecord(row: Record<string, SqlValue | undefined>): SqlValue[] {
    const out: SqlValue[] = new Array(this.columns.length).fill(null);
    for (const [key, value] of Object.entries(row)) {
      const i = this.#index.get(key);
      if (i === undefined)
        throw new DefinitionError(`A row for table ${this.table.name} has a field ${key} that is not one of its columns (${this.columns.map((c) => c.name).join(', ')}).`);
      out[i] = value ?? null;
    }
    return out;
  }

  private toParam(value: SqlValue | undefined, column: ColumnSpec, rowNumber: number): unknown {
    if (value === null || value === undefined) {
      if (column.nullable === false)
        throw new InputError(`Row ${rowNumber} for table ${this.table.name}: column ${column.name} is NOT NULL but the value is null.`);
      return null;
    }
    const problem = misfit(value, column);
    if (problem)
      throw new InputError(`Row ${rowNumber} for table ${this.table.name}: column ${column.name} (${column.type}) got ${shown(value)}, which ${problem}.`);
    return sqlParam(value);
  }
}

function shown(value: Exclude<SqlValue, null>): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 50 ? value.slice(0, 50) + '...' : value);
  return value instanceof Date ? value.toISOString() : String(value);
}

/** A value as drivers bind it: booleans as 0/1, dates as UTC text, big integers exact. */
export function sqlParam(value: SqlValue | undefined): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return sqlTimestamp(value);
  return value;
}

/** UTC `YYYY-MM-DD HH:MM:SS[.mmm]`, which MySQL DATETIME and SQLite's date functions both read. */
export function sqlTimestamp(date: Date): string {
  const iso = date.toISOString();
  const base = iso.slice(0, 10) + ' ' + iso.slice(11, 19);
  return date.getUTCMilliseconds() === 0 ? base : base + iso.slice(19, 23);
}

/** Rough size of a row's parameters in a statement, to keep statements under packet limits. */
export function paramBytes(params: readonly unknown[]): number {
  let n = 0;
  for (const v of params) n += typeof v === 'string' ? v.length * 3 + 3 : 12;
  return n;
}
