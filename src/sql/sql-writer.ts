import type { ColumnSpec, TableSpec } from './types.js';

/**
 * The SQL text of one dialect. The shared parts live here; a dialect fills in
 * quoting, type names, its limits and how it declares auto-increment keys and
 * indexes. Values always travel as `?` parameters, never inside the text.
 */
export abstract class SqlWriter {
  /** Most `?` parameters one statement may carry. */
  abstract readonly maxParameters: number;
  /** Rows per multi-row INSERT when the task does not say. */
  abstract readonly defaultRowsPerInsert: number;
  /** Estimated bytes of parameters per statement before a batch is cut short. */
  abstract readonly maxStatementBytes: number;

  abstract quote(identifier: string): string;
  /** The SQL type for a declared column (without NULL/DEFAULT). */
  abstract columnType(column: ColumnSpec): string;
  /** CREATE TABLE IF NOT EXISTS plus whatever index statements the dialect needs. */
  abstract createTable(table: TableSpec): string[];
  /** DDL of the marker table (luigi's `table_updates`). */
  abstract createMarkerTable(name: string): string[];

  /** `INSERT INTO t (a, b) VALUES (?, ?), (?, ?)` for rowCount rows. */
  insert(table: string, columns: readonly string[], rowCount: number): string {
    const tuple = '(' + columns.map(() => '?').join(', ') + ')';
    const names = columns.map((c) => this.quote(c)).join(', ');
    return `INSERT INTO ${this.quote(table)} (${names}) VALUES ` + Array(rowCount).fill(tuple).join(', ');
  }

  /** Rows per INSERT: what was asked (or the default), within the parameter limit. */
  rowsPerInsert(columnCount: number, requested?: number): number {
    const wanted = requested && requested > 0 ? requested : this.defaultRowsPerInsert;
    return Math.max(1, Math.min(wanted, Math.floor(this.maxParameters / Math.max(1, columnCount))));
  }

  /** DELETE FROM t [WHERE a = ? AND b = ?]. */
  /**
   * DELETE of the rows matching every condition: a column name (`= ?`), or a
   * column with a count of values (`IN (?, ...)`; none matches no row).
   */
  deleteRows(table: string, where: readonly (string | { column: string; values: number })[] = []): string {
    const conditions = where.map((c) => {
      if (typeof c === 'string') return `${this.quote(c)} = ?`;
      return c.values === 0 ? '1 = 0' : `${this.quote(c.column)} IN (${Array(c.values).fill('?').join(', ')})`;
    });
    return `DELETE FROM ${this.quote(table)}` + (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '');
  }

  /** `name TYPE [NOT NULL] [DEFAULT ...]` for a column that is not an auto-increment key. */
  protected columnDefinition(column: ColumnSpec): string {
    const parts = [this.quote(column.name), this.columnType(column)];
    if (column.nullable === false || column.generated === 'now') parts.push('NOT NULL');
    if (column.generated === 'now') parts.push('DEFAULT CURRENT_TIMESTAMP');
    return parts.join(' ');
  }

  /** The primary key columns: declared, or the auto-increment column. */
  protected primaryKeyOf(table: TableSpec): readonly string[] {
    if (table.primaryKey) return table.primaryKey;
    const auto = table.columns.find((c) => c.generated === 'autoIncrement');
    return auto ? [auto.name] : [];
  }

  /** A stable index name within the identifier limits of both dialects (64 chars). */
  protected indexName(table: string, columns: readonly string[]): string {
    const name = `ix_${table}_${columns.join('_')}`;
    return name.length <= 64 ? name : name.slice(0, 55) + '_' + simpleHash(name);
  }

  protected quoteList(columns: readonly string[]): string {
    return columns.map((c) => this.quote(c)).join(', ');
  }
}

function simpleHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}
