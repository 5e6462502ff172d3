import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { LockHeldError } from '../../core/errors.js';
import type { SqliteConnectionSpec } from '../connection-spec.js';
import type { ExecuteResult, SqlDriver, SqlParams, SqlSession, TransactionOptions } from '../driver.js';
import { DatabaseError } from '../errors.js';
import { makeDirectorySync } from '../../targets/make-directory.js';

const STATEMENT_CACHE = 64;

/**
 * better-sqlite3 (a native addon) is loaded on first open, not at import: every
 * map/reduce worker thread imports the task library, and with it this module,
 * without ever opening a database. open() is synchronous, hence require.
 */
let betterSqlite3: typeof Database | undefined;
function loadBetterSqlite3(): typeof Database {
  return (betterSqlite3 ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database);
}
const LOCK_POLL_MS = 25;

/**
 * better-sqlite3 behind the async driver interface. Write transactions start
 * with BEGIN IMMEDIATE, which takes SQLite's single write lock; waiting for it
 * is an async poll so a busy file never blocks the event loop.
 */
export class SqliteDriver implements SqlDriver {
  readonly #statements = new Map<string, Database.Statement>();

  private constructor(
    private readonly db: Database.Database,
    private readonly spec: SqliteConnectionSpec,
  ) {}

  /** Opens (creating the file and its folder when missing) in WAL mode. */
  static open(spec: SqliteConnectionSpec, options: { readonly?: boolean } = {}): SqliteDriver {
    try {
      if (!options.readonly) makeDirectorySync(dirname(spec.path));
      const db = new (loadBetterSqlite3())(spec.path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false, timeout: 5000 });
      if (!options.readonly) {
        db.pragma('journal_mode = WAL');
        // WAL + NORMAL survives a killed process; only a power cut may lose the last commit.
        db.pragma('synchronous = NORMAL');
      }
      return new SqliteDriver(db, spec);
    } catch (error) {
      throw sqliteOpenError(spec, error);
    }
  }

  async execute(sql: string, params: SqlParams = []): Promise<ExecuteResult> {
    const info = this.guard(sql, () => this.statement(sql).run(...(params as unknown[])));
    return { affectedRows: info.changes };
  }

  async query<R = Record<string, unknown>>(sql: string, params: SqlParams = []): Promise<R[]> {
    return this.guard(sql, () => this.statement(sql).all(...(params as unknown[])) as R[]);
  }

  async transaction<T>(fn: (tx: SqlSession) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    await this.beginImmediate(options);
    try {
      const result = await fn(this);
      this.guard('COMMIT', () => this.db.exec('COMMIT'));
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async close(): Promise<void> {
    this.#statements.clear();
    this.db.close();
  }

  private async beginImmediate(options: TransactionOptions): Promise<void> {
    const deadline = Date.now() + (options.lockWaitMs ?? 0);
    this.db.pragma('busy_timeout = 0');
    try {
      for (;;) {
        try {
          this.db.exec('BEGIN IMMEDIATE');
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw sqliteStatementError(this.spec, 'BEGIN IMMEDIATE', error);
          if (Date.now() >= deadline)
            throw new LockHeldError(
              `Another load is writing to sqlite:${this.spec.path}${options.lock ? ` (lock "${options.lock}")` : ''} (waited ${(options.lockWaitMs ?? 0) / 1000} s). Let it finish, or stop it, then run again.`,
            );
          await sleep(LOCK_POLL_MS);
        }
      }
    } finally {
      this.db.pragma('busy_timeout = 5000');
    }
  }

  private statement(sql: string): Database.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.#statements.size >= STATEMENT_CACHE) this.#statements.delete(this.#statements.keys().next().value!);
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  private guard<T>(sql: string, fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw sqliteStatementError(this.spec, sql, error);
    }
  }
}

function sqliteOpenError(spec: SqliteConnectionSpec, error: unknown): DatabaseError {
  const e = error as NodeJS.ErrnoException;
  const cause =
    e.code === 'ENOTDIR' || e.code === 'EEXIST'
      ? 'a parent of that path is a file, not a folder'
      : e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS'
        ? 'permission denied (choose a writable folder)'
        : e.code === 'SQLITE_CANTOPEN'
          ? 'cannot open the file (is it a folder, or is the folder not writable?)'
          : e.code === 'SQLITE_NOTADB'
            ? 'the file is not a SQLite database'
            : oneLine(e.message ?? String(error));
  return new DatabaseError(`Cannot open SQLite database ${spec.path}: ${cause}. ${spec.settings ? `Check ${spec.settings}` : 'Pass --database-url sqlite:PATH to use another file'}.`, {
    cause: error,
  });
}

function sqliteStatementError(spec: SqliteConnectionSpec, sql: string, error: unknown): DatabaseError {
  const e = error as { code?: string; message?: string };
  return new DatabaseError(
    `SQLite ${spec.path}: ${oneLine(e.message ?? String(error))}${e.code ? ` (${e.code})` : ''} while running: ${oneLine(sql).slice(0, 80)}`,
    { cause: error },
  );
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
