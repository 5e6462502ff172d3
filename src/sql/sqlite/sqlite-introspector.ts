import type { SqlSession } from '../driver.js';
import type { ExistingColumn, Introspector } from '../introspection.js';

interface TableInfoRow {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

/** Reads pragma_table_info (declared types are kept verbatim by SQLite). */
export class SqliteIntrospector implements Introspector {
  async columns(session: SqlSession, table: string): Promise<ExistingColumn[] | undefined> {
    const rows = await session.query<TableInfoRow>('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid', [table]);
    if (rows.length === 0) return undefined;
    const keyColumns = rows.filter((r) => r.pk > 0);
    return rows.map((r) => {
      const rowidAlias = keyColumns.length === 1 && r.pk > 0 && r.type.toUpperCase() === 'INTEGER';
      return {
        name: r.name,
        sqlType: r.type,
        // SQLite lets a non-INTEGER primary key hold NULL unless declared NOT NULL.
        nullable: r.notnull === 0 && !rowidAlias,
        filledByDatabase: r.dflt_value !== null || rowidAlias,
      };
    });
  }
}
