import { InputError } from '../core/errors.js';
import { batchRows } from './batches.js';
import type { Database } from './database.js';
import type { SqlSession } from './driver.js';
import { DEFAULT_MARKER_TABLE, MarkerTable } from './marker-table.js';
import { RowShaper, sqlParam } from './row-values.js';
import { checkSchema } from './schema-check.js';
import type { SqlRow, SqlValue, TableSpec } from './types.js';

/** The rows an overwrite replaces: per column, one value or a list of values (e.g. the days of an interval). */
export type OverwritePartition = Readonly<Record<string, SqlValue | readonly SqlValue[]>>;

export interface LoadPlan {
  table: TableSpec;
  /** Called once, inside the transaction, after the marker check. */
  rows: () => AsyncIterable<SqlRow> | Iterable<SqlRow>;
  /** The marker row's id: who loaded (see markerUpdateId). */
  updateId: string;
  markerTable?: string;
  /** Replace rows instead of appending: the whole table, or only `partition`. */
  overwrite?: boolean;
  /** With overwrite: delete only rows whose columns equal these values (or are one of a list's), and only this load's marker. */
  partition?: OverwritePartition;
  /** Let an overwrite with zero rows empty the table (edX's allow_empty_insert). */
  allowEmptyOverwrite?: boolean;
  rowsPerInsert?: number;
  /** How long to wait for a concurrent load of the same table. Default 10 minutes. */
  lockWaitMs?: number;
  /** Told the running row count after each batch. */
  onProgress?: (rowsInserted: number) => void;
}

export interface LoadResult {
  /** `already-loaded`: the marker was there, nothing was touched. */
  status: 'loaded' | 'already-loaded';
  rowsInserted: number;
  rowsDeleted: number;
}

/**
 * luigi's CopyToTable / edX's MysqlInsertTask run, in one transaction: create
 * the table if missing, check its columns, (overwrite) delete old rows, insert
 * in batches, write the marker row. A kill at any point leaves either all of
 * it or none of it; a lock per table keeps concurrent loads from interleaving.
 */
export async function loadTable(db: Database, plan: LoadPlan): Promise<LoadResult> {
  const markers = new MarkerTable(db, plan.markerTable ?? DEFAULT_MARKER_TABLE);
  const prepare = async (s: SqlSession) => {
    await markers.ensure(s);
    await ensureTable(db, s, plan.table);
  };
  // MySQL commits DDL implicitly, so its CREATE TABLE runs (idempotently) before the transaction.
  if (!db.transactionalDdl) await prepare(db.driver);
  const lock = { lock: `load:${plan.table.name}`, lockWaitMs: plan.lockWaitMs ?? 600_000 };
  return db.driver.transaction(async (tx) => {
    if (db.transactionalDdl) await prepare(tx);
    if (await markers.has(tx, plan.updateId)) return { status: 'already-loaded', rowsInserted: 0, rowsDeleted: 0 };
    const rowsDeleted = plan.overwrite ? await deleteOldRows(db, tx, markers, plan) : 0;
    const rowsInserted = await insertRows(db, tx, plan);
    if (plan.overwrite && rowsInserted === 0 && !plan.allowEmptyOverwrite)
      throw new InputError(
        `The load into ${plan.table.name} (${db.where}) produced no rows; refusing to overwrite the table with nothing. Check the input, or pass --allow-empty-insert.`,
      );
    await markers.touch(tx, plan.updateId, plan.table.name);
    return { status: 'loaded', rowsInserted, rowsDeleted };
  }, lock);
}

// CREATE only when missing: an operator may grant just SELECT/INSERT/DELETE on an existing table.
async function ensureTable(db: Database, s: SqlSession, table: TableSpec): Promise<void> {
  let existing = await db.introspector.columns(s, table.name);
  if (!existing) {
    for (const sql of db.writer.createTable(table)) await s.execute(sql);
    existing = (await db.introspector.columns(s, table.name)) ?? [];
  }
  checkSchema(table, existing, db.where);
}

async function deleteOldRows(db: Database, tx: SqlSession, markers: MarkerTable, plan: LoadPlan): Promise<number> {
  const partition = Object.entries(plan.partition ?? {});
  if (partition.length === 0) {
    await markers.forgetTable(tx, plan.table.name);
    return (await tx.execute(db.writer.deleteRows(plan.table.name))).affectedRows;
  }
  await markers.forget(tx, plan.updateId);
  const sql = db.writer.deleteRows(plan.table.name, partition.map(([column, value]) => (Array.isArray(value) ? { column, values: value.length } : column)));
  const params = partition.flatMap(([, value]) => (Array.isArray(value) ? value.map(sqlParam) : [sqlParam(value as SqlValue)]));
  return (await tx.execute(sql, params)).affectedRows;
}

async function insertRows(db: Database, tx: SqlSession, plan: LoadPlan): Promise<number> {
  const shaper = new RowShaper(plan.table);
  const names = shaper.columns.map((c) => c.name);
  const limits = { maxRows: db.writer.rowsPerInsert(names.length, plan.rowsPerInsert), maxBytes: db.writer.maxStatementBytes };
  let inserted = 0;
  for await (const batch of batchRows(plan.rows(), shaper, limits)) {
    await tx.execute(db.writer.insert(plan.table.name, names, batch.rowCount), batch.params);
    inserted += batch.rowCount;
    plan.onProgress?.(inserted);
  }
  return inserted;
}
