import { paramBytes, type RowShaper } from './row-values.js';
import type { SqlRow } from './types.js';

export interface RowBatch {
  /** Flat parameters, rowCount x columns. */
  params: unknown[];
  rowCount: number;
}

export interface BatchLimits {
  maxRows: number;
  /** Flush before a statement's parameters exceed this many (estimated) bytes. */
  maxBytes: number;
}

/** Groups a task's rows into multi-row INSERT batches, shaping each row on the way. */
export async function* batchRows(rows: AsyncIterable<SqlRow> | Iterable<SqlRow>, shaper: RowShaper, limits: BatchLimits): AsyncGenerator<RowBatch> {
  let params: unknown[] = [];
  let rowCount = 0;
  let bytes = 0;
  let rowNumber = 0;
  for await (const row of rows) {
    const values = shaper.shape(row, ++rowNumber);
    const size = paramBytes(values);
    if (rowCount > 0 && (rowCount >= limits.maxRows || bytes + size > limits.maxBytes)) {
      yield { params, rowCount };
      params = [];
      rowCount = 0;
      bytes = 0;
    }
    for (const v of values) params.push(v);
    rowCount++;
    bytes += size;
  }
  if (rowCount > 0) yield { params, rowCount };
}
