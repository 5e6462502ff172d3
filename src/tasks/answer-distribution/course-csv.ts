import { createHash } from 'node:crypto';
import { ccxCourseKey, excelCsv, parseCourseKey, pythonStr, type CourseKey, type PyValue } from '../../eventlog/parse/index.js';
import { COLUMN_ORDER, type DistributionRow } from './columns.js';
import { compareRows } from './python2-order.js';

/**
 * Where a course's CSV goes under `--output-root`, as edX lays it out for the
 * instructor dashboard (`output_path_for_key`, answer_dist.py:705-772):
 * `<sha1 hex of the course id>/<filename-safe id>_answer_distribution.csv`;
 * null where edX's reducer raises (see below).
 *
 * edX's reducer gets the course id as a Python 2 byte string (Hadoop
 * Streaming keys are repr()/eval()ed), so the sha1 is over its UTF-8 bytes
 * and opaque-keys' Unicode patterns judge each byte as the Latin-1 character
 * of that number: `é` (C3 A9) fails `\w` on A9, the id no longer parses and
 * is sanitized whole, namespace included, one `_` per byte. An id whose
 * non-ASCII bytes all pass (`ª` is C2 AA) parses, and joining its byte-string
 * parts into unicode raises UnicodeDecodeError: the whole job fails there.
 */
export function courseCsvRelativePath(courseId: string): string | null {
  const folder = createHash('sha1').update(courseId, 'utf8').digest('hex');
  const bytes = Buffer.from(courseId, 'utf8').toString('latin1');
  const key = parseCourseKey(bytes);
  let name = bytes;
  if (key !== null) {
    const parts = keyParts(key);
    if (parts.some((part) => /[^\x00-\x7f]/.test(part))) return null;
    name = parts.join('+');
  }
  return `${folder}/${sanitize(name)}_answer_distribution.csv`;
}

/**
 * edX's `get_filename_safe_course_id` on a unicode id: the key's text without
 * its namespace (opaque-keys `_to_string()`: `course-v1:edX+DemoX+T` and
 * `edX/DemoX/T` give `edX+DemoX+T`; type/block parts and a library's run are
 * not part of it; an old id with an empty run gives ""), or the whole id when
 * it does not parse; then every character but ASCII letters, digits, `_`,
 * `.` and `-` replaced by `_` (Python 2's `\w` without re.UNICODE is ASCII).
 */
export function filenameSafeCourseId(courseId: string): string {
  const key = parseCourseKey(courseId);
  if (key !== null) return sanitize(keyParts(key).join('+'));
  // A CCX key (event export with [ccx] enabled): ccx_keys' _to_string() is its text after `ccx-v1:`.
  const ccx = ccxCourseKey(courseId);
  return sanitize(ccx === null ? courseId : ccx.slice(ccx.indexOf(':') + 1));
}

// opaque-keys 0.4 `_to_string()`: the parts it joins with "+".
function keyParts(key: CourseKey): string[] {
  const parts: string[] = [];
  const named = key.kind === 'library' ? Boolean(key.course) : Boolean(key.course) && Boolean(key.run);
  if (named) {
    parts.push(key.org ?? '', key.course ?? '');
    if (key.kind !== 'library') parts.push(key.run ?? '');
    if (key.branch) parts.push(`branch@${key.branch}`);
  }
  if (key.version) parts.push(`version@${key.version}`);
  return parts;
}

function sanitize(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]/gu, '_');
}

/**
 * The CSV text of one course, as Python's `csv.DictWriter` (excel dialect)
 * writes it: header, rows sorted by the column tuple in Python 2 order,
 * CRLF line ends, quotes only around cells holding `,`, `"`, CR or LF.
 */
export function courseCsv(rows: readonly DistributionRow[]): string {
  const cells = rows.map((row) => COLUMN_ORDER.map((column) => row[column]));
  cells.sort(compareRows);
  return excelCsv([COLUMN_ORDER, ...cells.map((row) => row.map((value) => cellText(value as PyValue)))]);
}

// edX writes unicode(value) for every cell: counts as digits, null as "None".
// Python 2's csv writer reads each cell as a C string: a NUL ends it there.
function cellText(value: PyValue): string {
  const text = typeof value === 'string' ? value : pythonStr(value);
  const nul = text.indexOf('\0');
  return nul === -1 ? text : text.slice(0, nul);
}
