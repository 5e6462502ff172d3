import { createHash } from 'node:crypto';
import type { Connection, ResultSetHeader } from 'mysql2/promise';
import { LockHeldError } from '../../core/errors.js';
import { describeConnection, type MysqlConnectionSpec } from '../connection-spec.js';
import type { ExecuteResult, SqlDriver, SqlParams, SqlSession, TransactionOptions } from '../driver.js';
import { mysqlConnectError, mysqlStatementError } from './mysql-errors.js';

/** One mysql2 connection. Transactions run at READ COMMITTED (as edX's loader: no gap locks on the marker table). */
export class MysqlDriver implements SqlDriver {
  private constructor(
    private readonly connection: Connection,
    private readonly spec: MysqlConnectionSpec,
  ) {}

  static async connect(spec: MysqlConnectionSpec): Promise<MysqlDriver> {
    try {
      // Loaded on first connect, not at the top: every CLI run imports the SQL tasks, few of them talk to MySQL.
      const { createConnection } = await import('mysql2/promise');
      const connection = await createConnection({
        host: spec.host,
        port: spec.port,
        user: spec.user,
        password: spec.password,
        database: spec.database,
        connectTimeout: spec.connectTimeoutMs ?? 10_000,
        charset: 'utf8mb4',
        timezone: 'Z',
        dateStrings: true,
        supportBigNumbers: true,
      });
      // A connection that dies while idle emits 'error'; without a listener that would crash the process.
      connection.on('error', () => {});
      // Strict mode makes a bad value an error instead of a silent truncation, whatever the server's default.
      await connection.query("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES')");
      return new MysqlDriver(connection, spec);
    } catch (error) {
      throw mysqlConnectError(spec, error);
    }
  }

  async execute(sql: string, params: SqlParams = []): Promise<ExecuteResult> {
    const [result] = await this.run(sql, params);
    return { affectedRows: (result as ResultSetHeader).affectedRows ?? 0 };
  }

  async query<R = Record<string, unknown>>(sql: string, params: SqlParams = []): Promise<R[]> {
    const [rows] = await this.run(sql, params);
    return rows as R[];
  }

  async transaction<T>(fn: (tx: SqlSession) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const lock = options.lock === undefined ? undefined : this.lockName(options.lock);
    if (lock) await this.acquire(lock, options.lock!, options.lockWaitMs ?? 0);
    try {
      await this.execute('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
      await this.execute('START TRANSACTION');
      try {
        const result = await fn(this);
        await this.execute('COMMIT');
        return result;
      } catch (error) {
        await this.execute('ROLLBACK').catch(() => {});
        throw error;
      }
    } finally {
      if (lock) await this.execute('DO RELEASE_LOCK(?)', [lock]).catch(() => {});
    }
  }

  async close(): Promise<void> {
    await this.connection.end().catch(() => this.connection.destroy());
  }

  private async run(sql: string, params: SqlParams) {
    try {
      return await this.connection.query(sql, params as unknown[]);
    } catch (error) {
      throw mysqlStatementError(this.spec, sql, error);
    }
  }

  // GET_LOCK names are server-wide and at most 64 characters: scope by database, hash if long.
  private lockName(name: string): string {
    const full = `${this.spec.database}:${name}`;
    return full.length <= 64 ? full : 'pipewright:' + createHash('sha256').update(full).digest('hex').slice(0, 40);
  }

  private async acquire(lock: string, label: string, waitMs: number): Promise<void> {
    const [row] = await this.query<{ got: number | null }>('SELECT GET_LOCK(?, ?) AS got', [lock, waitMs / 1000]);
    if (Number(row?.got) === 1) return;
    // PROCESSLIST shows other users' sessions only with the PROCESS privilege; the id alone still helps.
    const [holder] = await this.query<{ id: number | null; host: string | null }>(
      'SELECT IS_USED_LOCK(?) AS id, (SELECT p.HOST FROM information_schema.PROCESSLIST p WHERE p.ID = IS_USED_LOCK(?)) AS host',
      [lock, lock],
    );
    const who = holder?.id ? `MySQL connection ${holder.id} from ${holder.host ?? 'an unknown host'}` : 'another session';
    throw new LockHeldError(
      `Another load holds the lock "${label}" on ${describeConnection(this.spec)}: ${who} (waited ${waitMs / 1000} s). Let it finish, or stop it, then run again.`,
    );
  }
}
