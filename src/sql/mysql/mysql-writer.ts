import { SqlWriter } from '../sql-writer.js';
import type { ColumnSpec, ColumnType, TableSpec } from '../types.js';

const TYPES: Record<ColumnType, string> = {
  string: 'VARCHAR',
  text: 'LONGTEXT',
  integer: 'INT',
  bigint: 'BIGINT',
  boolean: 'TINYINT(1)',
  double: 'DOUBLE',
  // DATETIME, not TIMESTAMP: no time-zone conversion and no 2038 limit.
  timestamp: 'DATETIME',
  date: 'DATE',
};

/** MySQL/MariaDB text: backquotes, InnoDB + utf8mb4, inline indexes. */
export class MysqlWriter extends SqlWriter {
  // Values are bound client-side by mysql2, so the real limit is max_allowed_packet;
  // the loader also caps each statement's size in bytes.
  readonly maxParameters = 65_535;
  readonly defaultRowsPerInsert = 1000;
  /** Well under max_allowed_packet (4 MB on old servers, 16 MB on MariaDB 10.2+). */
  readonly maxStatementBytes = 2_000_000;

  quote(identifier: string): string {
    return '`' + identifier.replace(/`/g, '``') + '`';
  }

  columnType(column: ColumnSpec): string {
    if (column.generated === 'now') return 'TIMESTAMP';
    return column.type === 'string' ? `VARCHAR(${column.length ?? 255})` : TYPES[column.type];
  }

  createTable(table: TableSpec): string[] {
    const lines = table.columns.map((c) =>
      c.generated === 'autoIncrement' ? `${this.quote(c.name)} ${this.columnType(c)} NOT NULL AUTO_INCREMENT` : this.columnDefinition(c),
    );
    const key = this.primaryKeyOf(table);
    if (key.length) lines.push(`PRIMARY KEY (${this.quoteList(key)})`);
    for (const index of table.indexes ?? []) lines.push(`INDEX ${this.quote(this.indexName(table.name, index))} (${this.quoteList(index)})`);
    return [`CREATE TABLE IF NOT EXISTS ${this.quote(table.name)} (\n  ${lines.join(',\n  ')}\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`];
  }

  /** luigi's MySqlTarget marker table, plus an index on target_table for overwrite deletes. */
  createMarkerTable(name: string): string[] {
    return [
      `CREATE TABLE IF NOT EXISTS ${this.quote(name)} (\n` +
        '  `id` BIGINT(20) NOT NULL AUTO_INCREMENT,\n' +
        '  `update_id` VARCHAR(128) NOT NULL,\n' +
        '  `target_table` VARCHAR(128),\n' +
        '  `inserted` TIMESTAMP DEFAULT CURRENT_TIMESTAMP,\n' +
        '  PRIMARY KEY (`update_id`),\n' +
        '  KEY `id` (`id`),\n' +
        '  INDEX `ix_target_table` (`target_table`)\n' +
        ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
    ];
  }
}
