import { DatabaseError, SchemaMismatchError, describeConnection, openExistingDatabase, type ConnectionSpec, type Database, type SqlParams } from '../../sql/index.js';

/** What an LMS import reads: a table, the columns (in line order), and the unique key whose NULLs and repeats are left out. */
export interface LmsTableShape {
  readonly table: string;
  readonly columns: readonly string[];
  /** A column that identifies a row (a primary key in edX's schema): NULLs and repeats are skipped and counted. */
  readonly key: string;
  /** Read by the key in pages of this many rows (tables too big for memory); none: one query. */
  readonly pageRows?: number;
  /**
   * Columns that are INT in edX's schema and that the workflows load as INT:
   * a value that is not an integer within INT's range (SQLite keeps any value
   * in any column) becomes NULL, as Hive read it, and is counted.
   */
  readonly intColumns?: readonly string[];
}

/** Counts the reader keeps, named as the run summary shows them after `<table> `. */
export interface LmsReadCounts {
  /** Rows left out, by reason (`Skip NULL id`, `Skip Duplicate id`). */
  skipped: Map<string, number>;
  /** Values changed to fit a line (`Values Not UTF-8 (bad bytes made U+FFFD)`, ...): rows kept. */
  changed: Map<string, number>;
  pageQueries: number;
}

const NULL_CELL = '\\N';
const INT_RANGE = [-(2n ** 31n), 2n ** 31n - 1n] as const;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads one LMS table as lines of text cells, the same from MySQL and SQLite:
 * checks first that the table and columns are there (a one-line error naming
 * them and the setting to fix), reads in key order, and leaves out rows whose
 * key is NULL or repeats the previous row's (counted: the workflows look rows
 * up by that key, so a second row would silently replace the first).
 *
 * Cells keep the database's value exactly: SQLite integers are read as text
 * (a JavaScript number would round ids past 2^53), and SQLite text as bytes,
 * so bytes that are not UTF-8 are counted rather than silently replaced.
 * Tabs and line breaks become spaces (counted), as edX's import replaced
 * Hive's delimiters: a line always has one field per column.
 */
export class LmsTableReader {
  readonly counts: LmsReadCounts = { skipped: new Map(), changed: new Map(), pageQueries: 0 };
  private readonly sqlite: boolean;
  private readonly intColumns: Set<string>;

  private constructor(
    private readonly db: Database,
    private readonly shape: LmsTableShape,
  ) {
    this.sqlite = db.spec.dialect === 'sqlite';
    this.intColumns = new Set(shape.intColumns ?? []);
  }

  /** Connects and checks the table's columns; the caller closes. */
  static async open(spec: ConnectionSpec, shape: LmsTableShape): Promise<LmsTableReader> {
    const db = await openExistingDatabase(spec);
    if (!db) throw new DatabaseError(`No SQLite database at ${spec.dialect === 'sqlite' ? spec.path : ''}; check ${spec.settings ?? 'the LMS database setting'}.`);
    const reader = new LmsTableReader(db, shape);
    try {
      await reader.checkColumns();
    } catch (error) {
      await reader.close();
      // SQLite opens any file lazily: a file that is no database fails on the first statement, which names only the SQL.
      if ((error as { cause?: { code?: string } }).cause?.code === 'SQLITE_NOTADB')
        throw new DatabaseError(`Cannot read the LMS database ${describeConnection(spec)}: the file is not a SQLite database. Check ${spec.settings ?? 'the LMS database setting'}.`, { cause: error });
      throw error;
    }
    return reader;
  }

  async close(): Promise<void> {
    await this.db.driver.close();
  }

  /** The rows as cells, in pages, NULL as `\N`. */
  async *pages(): AsyncGenerator<string[][]> {
    const { table, key } = this.shape;
    const nullKeys = await this.db.driver.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${key} IS NULL`);
    this.add(this.counts.skipped, `Skip NULL ${key}`, Number(nullKeys[0]?.n ?? 0));
    let previousKey: string | undefined;
    for await (const page of this.rawPages()) {
      const lines: string[][] = [];
      for (const row of page) {
        const cells = this.shape.columns.map((c, i) => (this.intColumns.has(c) ? this.intCell(c, row[`v${i}`]) : this.cell(row[`v${i}`])));
        const rowKey = this.keyText(row);
        if (rowKey === previousKey) {
          this.add(this.counts.skipped, `Skip Duplicate ${key}`, 1);
          continue;
        }
        previousKey = rowKey;
        lines.push(cells);
      }
      yield lines;
    }
  }

  private async checkColumns(): Promise<void> {
    const { table, key } = this.shape;
    const columns = this.shape.columns.includes(key) ? this.shape.columns : [...this.shape.columns, key];
    const where = describeConnection(this.db.spec);
    const settings = this.db.spec.settings ?? 'the LMS database setting';
    const existing = await this.db.introspector.columns(this.db.driver, table);
    if (!existing) {
      // MySQL lists only the tables the user may read: a missing grant looks like a missing table.
      const spec = this.db.spec;
      const grant = spec.dialect === 'mysql' ? ` that ${spec.user} may read. Is it the LMS (edxapp) database, with SELECT granted to ${spec.user}?` : '. Is it the LMS (edxapp) database?';
      throw new SchemaMismatchError(`The LMS database ${where} has no table ${table}${grant} Check ${settings}.`);
    }
    const have = new Set(existing.map((c) => c.name.toLowerCase()));
    const missing = columns.filter((c) => !have.has(c.toLowerCase()));
    if (missing.length > 0)
      throw new SchemaMismatchError(
        `The LMS table ${table} in ${where} has no column ${missing.join(', ')} (it has ${existing.map((c) => c.name).join(', ')}; the import reads ${columns.join(', ')}). Rename the column as edX's schema names it, or check ${settings}.`,
      );
  }

  /**
   * The table in key order, non-NULL keys only: in one query, or in pages
   * after the last key seen. The next page starts after that key, so rows
   * that share it but fell past the page end are never read: they are
   * counted as repeats here, never dropped unseen. Of repeated rows, the
   * first the database returns is kept.
   */
  private async *rawPages(): AsyncGenerator<Record<string, unknown>[]> {
    const { table, key, pageRows } = this.shape;
    const select = `SELECT ${this.selectList()} FROM ${table} WHERE ${key} IS NOT NULL`;
    if (pageRows === undefined) {
      yield await this.query(`${select} ORDER BY ${key}`);
      return;
    }
    let after: { sql: string; param: unknown } | undefined;
    for (;;) {
      const rows = await this.query(`${select}${after ? ` AND ${key} > ${after.sql}` : ''} ORDER BY ${key} LIMIT ${pageRows}`, after ? [after.param] : []);
      this.counts.pageQueries++;
      if (rows.length > 0) yield rows;
      if (rows.length < pageRows) return;
      const last = rows[rows.length - 1]!;
      after = this.keyParameter(last);
      const seen = rows.filter((r) => this.keyText(r) === this.keyText(last)).length;
      const [{ n }] = (await this.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${key} = ${after.sql}`, [after.param])) as [{ n: number | string }];
      this.add(this.counts.skipped, `Skip Duplicate ${key}`, Number(n) - seen);
    }
  }

  /** Output columns `v0..vN` (so ORDER BY and WHERE always mean the table's own columns), plus the key's type on SQLite. */
  private selectList(): string {
    const { columns, key } = this.shape;
    // SQLite: integers as their exact text, text as its bytes; other types (real, blob, NULL) as they are.
    const expr = (c: string) => (this.sqlite ? `CASE typeof(${c}) WHEN 'integer' THEN CAST(${c} AS TEXT) WHEN 'text' THEN CAST(${c} AS BLOB) ELSE ${c} END` : c);
    const list = columns.map((c, i) => `${expr(c)} AS v${i}`);
    if (this.sqlite) list.push(`typeof(${key}) AS key_type`, `${expr(key)} AS key_value`);
    else list.push(`${key} AS key_value`);
    return list.join(', ');
  }

  /** The last key of a page as a parameter that compares exactly as the table's value does. */
  private keyParameter(row: Record<string, unknown>): { sql: string; param: unknown } {
    const value = row.key_value;
    if (!this.sqlite) return { sql: '?', param: value };
    if (row.key_type === 'integer') return { sql: '?', param: BigInt(bytesToText(value)) };
    if (row.key_type === 'text') return { sql: 'CAST(? AS TEXT)', param: value };
    return { sql: '?', param: value };
  }

  private keyText(row: Record<string, unknown>): string {
    const value = row.key_value;
    const text = Buffer.isBuffer(value) || value instanceof Uint8Array ? Buffer.from(value).toString('hex') : String(value);
    return `${String(row.key_type ?? '')}:${text}`;
  }

  private cell(value: unknown): string {
    if (value === null || value === undefined) return NULL_CELL;
    let text: string;
    if (value instanceof Uint8Array) {
      try {
        text = utf8.decode(value);
      } catch {
        text = Buffer.from(value).toString('utf8');
        this.add(this.counts.changed, 'Values Not UTF-8 (bad bytes made U+FFFD)', 1);
      }
    } else if (value instanceof Date) text = value.toISOString();
    else text = String(value);
    if (!/[\t\n\r]/.test(text)) return text;
    this.add(this.counts.changed, 'Values With Tabs Or Line Breaks (made spaces)', 1);
    return text.replace(/[\t\n\r]/g, ' ');
  }

  private intCell(column: string, value: unknown): string {
    const text = this.cell(value);
    if (text === NULL_CELL || (/^[+-]?\d{1,20}$/.test(text) && BigInt(text) >= INT_RANGE[0] && BigInt(text) <= INT_RANGE[1])) return text;
    this.add(this.counts.changed, `${column} Not An INT (made NULL)`, 1);
    return NULL_CELL;
  }

  private query(sql: string, params: SqlParams = []): Promise<Record<string, unknown>[]> {
    return this.db.driver.query<Record<string, unknown>>(sql, params);
  }

  private add(counts: Map<string, number>, name: string, n: number): void {
    if (n > 0) counts.set(name, (counts.get(name) ?? 0) + n);
  }
}

function bytesToText(value: unknown): string {
  return value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : String(value);
}
