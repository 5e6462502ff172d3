import { charLength } from '../core/char-length.js';
import type { ColumnSpec, SqlValue } from './types.js';

const INTEGER_TEXT = /^\s*[-+]?\d+\s*$/;

/**
 * Why a (non-null) value does not fit a column, or undefined when it does.
 * Checked before the database sees it so both dialects refuse the same
 * values: SQLite would store 'abc' in an INTEGER column, and a MySQL server
 * outside strict mode would silently truncate or zero it.
 */
export function misfit(value: Exclude<SqlValue, null>, column: ColumnSpec): string | undefined {
  switch (column.type) {
    case 'integer':
    case 'bigint': {
      const whole = wholeNumber(value);
      if (whole === undefined) return 'is not a whole number';
      // MySQL refuses (strict mode) or clips (otherwise) a number out of the column's range; SQLite keeps it.
      const [min, max] = RANGES[column.type];
      return whole < min || whole > max ? `is out of the range of ${column.type === 'integer' ? 'INT' : 'BIGINT'} (${min} to ${max})` : undefined;
    }
    case 'boolean':
      return value === true || value === false || value === 0 || value === 1 || value === '0' || value === '1' ? undefined : 'is not true/false or 0/1';
    case 'double':
      if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'cannot be stored in SQL (map NaN and infinities to null)';
      if (typeof value === 'bigint') return undefined;
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? undefined : 'is not a number';
    case 'string':
      return tooLong(value, column.length ?? 255);
    case 'timestamp':
    case 'date':
      return typeof value === 'string' || value instanceof Date ? undefined : 'is not a date (give a string or a Date)';
    case 'text':
      return undefined;
  }
}

const RANGES = { integer: [-(2n ** 31n), 2n ** 31n - 1n], bigint: [-(2n ** 63n), 2n ** 63n - 1n] } as const;

function wholeNumber(value: Exclude<SqlValue, null>): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : undefined;
  return typeof value === 'string' && INTEGER_TEXT.test(value) ? BigInt(value.trim()) : undefined;
}

function tooLong(value: Exclude<SqlValue, null>, length: number): string | undefined {
  if (typeof value !== 'string' || value.length <= length) return undefined;
  // VARCHAR counts characters, JS counts UTF-16 units: count code points before refusing.
  const chars = charLength(value);
  return chars > length ? `has ${chars} characters, more than the column's ${length}` : undefined;
}
