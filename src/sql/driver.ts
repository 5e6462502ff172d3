/**
 * What a dialect's driver offers: one connection, always async (the SQLite
 * driver wraps better-sqlite3's synchronous API), with transactions that can
 * hold an exclusive write lock so two loads of one table never interleave.
 */

/** Parameters bound to `?` placeholders, in order. */
export type SqlParams = readonly unknown[];

export interface ExecuteResult {
  /** Rows inserted, updated or deleted. */
  affectedRows: number;
}

/** Statements on one connection (inside or outside a transaction). */
export interface SqlSession {
  /** A statement that returns no rows (DDL, INSERT, DELETE). */
  execute(sql: string, params?: SqlParams): Promise<ExecuteResult>;
  /** A statement that returns rows, as records keyed by column name. */
  query<R = Record<string, unknown>>(sql: string, params?: SqlParams): Promise<R[]>;
}

export interface TransactionOptions {
  /**
   * Take an exclusive lock named `lock` for the whole transaction, waiting at
   * most `lockWaitMs`; if another session still holds it, fail with
   * LockHeldError naming the holder. SQLite locks the whole file (BEGIN IMMEDIATE);
   * MySQL takes GET_LOCK(lock).
   */
  lock?: string;
  lockWaitMs?: number;
}

export interface SqlDriver extends SqlSession {
  /** Run fn in a transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
