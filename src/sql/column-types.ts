import type { ColumnType } from './types.js';

/** What an existing column's SQL type can hold, whichever dialect reported it. */
export type TypeFamily = 'string' | 'text' | 'integer' | 'double' | 'timestamp' | 'date' | 'other';

/**
 * The family of a SQL type name as MySQL's information_schema or SQLite's
 * table_info reports it (`varchar(255)`, `LONGTEXT`, `tinyint(1)`, `DOUBLE`, ...).
 * Follows SQLite's affinity rules where they apply (anything with INT is an integer).
 */
export function typeFamily(sqlType: string): TypeFamily {
  const t = sqlType.trim().toLowerCase();
  if (t.includes('int') || t === 'boolean' || t === 'bool' || t.startsWith('bit')) return 'integer';
  if (/char/.test(t)) return 'string';
  if (/text|clob/.test(t)) return 'text';
  if (/double|float|real|decimal|numeric/.test(t)) return 'double';
  if (/timestamp|datetime/.test(t)) return 'timestamp';
  if (t === 'date') return 'date';
  return 'other';
}

const ACCEPTS: Record<ColumnType, readonly TypeFamily[]> = {
  string: ['string', 'text'],
  text: ['text'],
  integer: ['integer'],
  bigint: ['integer'],
  boolean: ['integer'],
  double: ['double'],
  timestamp: ['timestamp'],
  date: ['date'],
};

/** Whether a column of this family can take the values a declared column produces. */
export function canHold(existing: TypeFamily, declared: ColumnType): boolean {
  return ACCEPTS[declared].includes(existing);
}
