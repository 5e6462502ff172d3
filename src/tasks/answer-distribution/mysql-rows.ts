import { longerThan } from '../../core/index.js';
import { isTruthy, pythonFloat, pythonStr, type PyValue } from '../../eventlog/parse/index.js';
import type { DistributionRow } from './columns.js';

/** Table `answer_distribution` as edX declares it (answer_dist.py:783-826), in insert order. */
export const MYSQL_COLUMNS = [
  ['course_id', 'VARCHAR(255) NOT NULL'],
  ['module_id', 'VARCHAR(255) NOT NULL'],
  ['part_id', 'VARCHAR(255) NOT NULL'],
  ['correct', 'TINYINT(1) NOT NULL'],
  ['first_response_count', 'INT(11) NOT NULL'],
  ['last_response_count', 'INT(11) NOT NULL'],
  ['value_id', 'VARCHAR(255)'],
  ['answer_value_text', 'LONGTEXT'],
  ['answer_value_numeric', 'DOUBLE'],
  ['variant', 'INT(11)'],
  ['problem_display_name', 'LONGTEXT'],
  ['question_text', 'LONGTEXT'],
] as const;

export const MYSQL_TABLE = 'answer_distribution';
export const MYSQL_INDEXES = [['course_id'], ['module_id'], ['part_id'], ['course_id', 'module_id']] as const;

export type MysqlCell = string | number | null;
export type MysqlRow = MysqlCell[];

/**
 * One stage 2 row as the row edX inserts (`InsertToMysqlAnswerDistributionTableBase.rows`):
 * empty optional cells become NULL, `answer_value_numeric` is the answer read
 * as a Python float (NULL when it is not one, or is inf/nan). edX's loader
 * also turns the strings `None`, `\N`, `inf` and `-inf` into NULL
 * (`coerce_for_mysql_connect`, mysql_load.py:427-442); we do that for the
 * nullable columns (in a NOT NULL column it would make edX's insert fail).
 */
export function mysqlRow(courseId: string, row: DistributionRow): MysqlRow {
  const optional = (value: PyValue): MysqlCell => (isTruthy(value) ? coerceNull(cellValue(value)) : null);
  const numeric = pythonFloat(row.AnswerValue);
  return [
    courseId,
    cellValue(row.ModuleID),
    row.PartID,
    row['Correct Answer'] === '1' ? 1 : 0,
    row['First Response Count'],
    row['Last Response Count'],
    optional(row.ValueID),
    optional(row.AnswerValue),
    numeric === null || !Number.isFinite(numeric) ? null : numeric,
    optional(row.Variant),
    optional(row['Problem Display Name']),
    optional(row.Question),
  ];
}

// Numbers stay numbers (a variant seed), NaN and infinities too: edX's row holds the float
// (its NULL coercion matches strings only); anything else is stored as Python's str() of it.
function cellValue(value: PyValue): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  return pythonStr(value);
}

function coerceNull(value: string | number): MysqlCell {
  return typeof value === 'string' && (value === 'None' || value === '\\N' || value === 'inf' || value === '-inf') ? null : value;
}

/**
 * A cell as a database can take it: SQL has no NaN or infinity, so such a
 * float (a seed or question that was `NaN` in the log) goes in as its text,
 * `nan`, or as NULL where edX's coercion would null that text.
 */
export function storableCell(value: MysqlCell, nullable: boolean): MysqlCell {
  if (typeof value !== 'number' || Number.isFinite(value)) return value;
  const text = pythonStr(value);
  return nullable ? coerceNull(text) : text;
}

const VARCHAR_LIMIT = 255;
const VARCHAR_CELLS = MYSQL_COLUMNS.flatMap(([name, type], i) => (type.startsWith(`VARCHAR(${VARCHAR_LIMIT})`) ? [{ name, i }] : []));

/**
 * The first VARCHAR(255) column whose text is longer than that (in
 * characters, as MySQL counts), or undefined. A forged event can carry a
 * course, problem or choice id of any length; edX's insert (strict MySQL)
 * then failed the whole load.
 */
export function overlongColumn(row: MysqlRow): string | undefined {
  for (const { name, i } of VARCHAR_CELLS) {
    const value = row[i];
    if (typeof value === 'string' && longerThan(value, VARCHAR_LIMIT)) return name;
  }
  return undefined;
}
