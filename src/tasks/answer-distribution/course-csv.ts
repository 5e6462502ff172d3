import { createHash } from 'node:crypto';
import { pythonStr, type PyValue } from '../../eventlog/parse/index.js';
import { COLUMN_ORDER, type DistributionRow } from './columns.js';
import { compareRows } from './python2-order.js';

/**
 * Where a course's CSV goes under `--output-root`, as edX lays it out for the
 * instructor dashboard (`output_path_for_key`, answer_dist.py:705-772):
 * `<sha1 hex of the course id>/<filename-safe id>_answer_distribution.csv`.
 */
export function courseCsvRelativePath(courseId: string): string {
  const folder = createHash('sha1').update(courseId, 'utf8').digest('hex');
  return `${folder}/${filenameSafeCourseId(courseId)}_answer_distribution.csv`;
}

/**
 * edX's `get_filename_safe_course_id`: the key without its namespace
 * (`course-v1:edX+DemoX+T` -> `edX+DemoX+T`), every character but ASCII
 * letters, digits, `_`, `.` and `-` replaced by `_` (Python 2's `\w`
 * without re.UNICODE is ASCII). Only valid ids reach here, and a valid id
 * with a `:` is always a namespaced key (old-style ids allow no `:`).
 */
export function filenameSafeCourseId(courseId: string): string {
  const colon = courseId.indexOf(':');
  const bare = colon >= 0 ? courseId.slice(colon + 1) : courseId;
  return bare.replace(/[^A-Za-z0-9_.-]/gu, '_');
}

/**
 * The CSV text of one course, as Python's `csv.DictWriter` (excel dialect)
 * writes it: header, rows sorted by the column tuple in Python 2 order,
 * CRLF line ends, quotes only around cells holding `,`, `"`, CR or LF.
 */
export function courseCsv(rows: readonly DistributionRow[]): string {
  const cells = rows.map((row) => COLUMN_ORDER.map((column) => row[column]));
  cells.sort(compareRows);
  const lines = [COLUMN_ORDER.map(csvCell), ...cells.map((row) => row.map((value) => csvCell(cellText(value as PyValue))))];
  return lines.map((line) => line.join(',') + '\r\n').join('');
}

// edX writes unicode(value) for every cell: counts as digits, null as "None".
function cellText(value: PyValue): string {
  return typeof value === 'string' ? value : pythonStr(value);
}

function csvCell(text: string): string {
  return /[,"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
