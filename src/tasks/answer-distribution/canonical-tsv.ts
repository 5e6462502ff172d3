import { pythonFloatRepr, pythonJsonDumps, type PyValue } from '../../eventlog/parse/index.js';
import { COLUMN_ORDER, type DistributionRow } from './columns.js';
import { compareUtf8 } from '../../mapreduce/keys.js';
import { MYSQL_COLUMNS, type MysqlRow } from './mysql-rows.js';

/**
 * The canonical text files of spec 2.7, which conformance checks read:
 * UTF-8 TSV with a header, rows sorted by code point, strings escaped
 * (`\\`, `\t`, `\n`, `\r`), null as `\N`, other values as JSON.
 */
export function tsvCell(value: PyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!).replace(LONE_SURROGATE, '\ufffd');
  return pythonJsonDumps(value);
}

const NUMERIC_COLUMN = MYSQL_COLUMNS.findIndex(([name]) => name === 'answer_value_numeric');

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

// A lone surrogate (from a `\ud800` escape in the log) cannot be written as UTF-8: it is written
// as U+FFFD, and replaced before the rows are sorted so the file is in the order of its own text.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `--format percourse`: course_id + the 10 report columns. */
export function perCourseTsv(rows: Iterable<{ courseId: string; row: DistributionRow }>): string {
  const lines = [...rows].map(({ courseId, row }) => [courseId, ...COLUMN_ORDER.map((c) => row[c])].map((v) => tsvCell(v as PyValue)).join('\t'));
  return tsvText(['course_id', ...COLUMN_ORDER], lines);
}

/** `--format mysql`: the inserted rows under MySQL column names; answer_value_numeric as Python's repr (`1000.0`). */
export function mysqlTsv(rows: Iterable<MysqlRow>): string {
  const lines = [...rows].map((row) => row.map((v, i) => (i === NUMERIC_COLUMN && typeof v === 'number' ? pythonFloatRepr(v) : tsvCell(v))).join('\t'));
  return tsvText(MYSQL_COLUMNS.map(([name]) => name), lines);
}

function tsvText(header: readonly string[], lines: string[]): string {
  lines.sort(compareUtf8);
  return [header.join('\t'), ...lines].map((line) => line + '\n').join('');
}
