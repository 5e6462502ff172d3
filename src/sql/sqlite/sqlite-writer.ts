import { SqlWriter } from '../sql-writer.js';
import type { ColumnSpec, ColumnType, TableSpec } from '../types.js';

// Type names chosen so SQLite's affinity rules and our schema check read them back as declared.
const TYPES: Record<ColumnType, string> = {
  string: 'VARCHAR',
  text: 'TEXT',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  boolean: 'BOOLEAN',
  double: 'DOUBLE',
  timestamp: 'DATETIME',
  date: 'DATE',
};

/** SQLite text: double quotes, rowid auto-increment keys, separate CREATE INDEX statements. */
export class SqliteWriter extends SqlWriter {
  /** SQLITE_MAX_VARIABLE_NUMBER since SQLite 3.32. */
  readonly maxParameters = 32_766;
  readonly defaultRowsPerInsert = 500;
  // Bound parameters do not count toward SQLITE_MAX_SQL_LENGTH; this only bounds memory.
  readonly maxStatementBytes = 32_000_000;

  quote(identifier: string): string {
    return '"' + identifier.replace(/"/g, '""') + '"';
  }

  columnType(column: ColumnSpec): string {
    if (column.generated === 'now') return 'TIMESTAMP';
    return column.type === 'string' ? `VARCHAR(${column.length ?? 255})` : TYPES[column.type];
  }

  createTable(table: TableSpec): string[] {
    const key = this.primaryKeyOf(table);
    const auto = table.columns.find((c) => c.generated === 'autoIncrement');
    // Only `INTEGER PRIMARY KEY` aliases the rowid, so an auto-increment key must be spelled exactly so.
    const inlineKey = auto !== undefined && key.length === 1 && key[0] === auto.name;
    const lines = table.columns.map((c) =>
      c === auto && inlineKey ? `${this.quote(c.name)} INTEGER PRIMARY KEY AUTOINCREMENT` : this.columnDefinition(c),
    );
    if (key.length && !inlineKey) lines.push(`PRIMARY KEY (${this.quoteList(key)})`);
    const create = `CREATE TABLE IF NOT EXISTS ${this.quote(table.name)} (\n  ${lines.join(',\n  ')}\n)`;
    const indexes = (table.indexes ?? []).map(
      (index) => `CREATE INDEX IF NOT EXISTS ${this.quote(this.indexName(table.name, index))} ON ${this.quote(table.name)} (${this.quoteList(index)})`,
    );
    return [create, ...indexes];
  }

  createMarkerTable(name: string): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${this.quote(name)} (\n` +
        '  "id" INTEGER PRIMARY KEY AUTOINCREMENT,\n' +
        '  "update_id" VARCHAR(128) NOT NULL UNIQUE,\n' +
        '  "target_table" VARCHAR(128),\n' +
        '  "inserted" TIMESTAMP DEFAULT CURRENT_TIMESTAMP\n' +
        ')',
      `CREATE INDEX IF NOT EXISTS ${this.quote(this.indexName(name, ['target_table']))} ON ${this.quote(name)} ("target_table")`,
    ];
  }
}
