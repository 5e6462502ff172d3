import type { SqlSession } from '../driver.js';
import type { ExistingColumn, Introspector } from '../introspection.js';

interface ColumnRow {
  name: string;
  sqlType: string;
  nullable: string;
  dflt: string | null;
  extra: string | null;
}

/** Reads information_schema.COLUMNS of the connection's database. */
export class MysqlIntrospector implements Introspector {
  async columns(session: SqlSession, table: string): Promise<ExistingColumn[] | undefined> {
    const rows = await session.query<ColumnRow>(
      'SELECT COLUMN_NAME AS name, COLUMN_TYPE AS sqlType, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt, EXTRA AS extra ' +
        'FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
      [table],
    );
    if (rows.length === 0) return undefined;
    return rows.map((r) => ({
      name: r.name,
      sqlType: r.sqlType,
      nullable: r.nullable === 'YES',
      filledByDatabase: r.dflt !== null || /auto_increment/i.test(r.extra ?? ''),
    }));
  }
}
