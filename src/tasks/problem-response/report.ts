import { excelCsv } from '../../eventlog/parse/index.js';
import { compareUtf8 } from '../../mapreduce/keys.js';
import type { CourseBlock } from './course-blocks.js';
import type { ResponseRecord } from './latest-response.js';
import { python2UnicodeRepr } from './python-text.js';
import { parseEventTimestamp, pythonDatetimeText, strftime } from './timestamp-partition.js';

/** Every field of edX's ProblemResponseRecord, in record order: the default report columns. */
export const RECORD_FIELDS = [
  'course_id', 'answer_id', 'problem_id', 'problem', 'username', 'question', 'score', 'max_score', 'correct',
  'answer', 'total_attempts', 'first_attempt_date', 'last_attempt_date', 'location', 'sort_idx',
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

/** A response joined with its block's place in the course (edX ProblemResponseLocationPartitionTask). */
export interface LocatedRecord extends ResponseRecord {
  location: string;
  sortIdx: number;
}

export interface ReportFormat {
  fields: readonly RecordField[];
  /** `report_field_datetime_format`; null writes Python's `str(datetime)`. */
  datetimeFormat: string | null;
  /** `report_field_list_delimiter`; null writes the Python 2 tuple repr. */
  listDelimiter: string | null;
  /** `[course-blocks] path_delimiter` and `deleted_blocks_path`, for the location. */
  pathDelimiter: string;
  deletedBlocksPath: string;
}

/**
 * The join: a problem found among the course blocks gets its course path and
 * sort index; one that is not (deleted from the course) gets the
 * deleted-blocks text and sort index -1, so it comes first. edX joined on the
 * block id alone; a legacy (i4x) id is shared by every run of a course, so the
 * block of the answer's own course is taken first (edX wrote one row per run).
 */
export function locate(record: ResponseRecord, blocks: ReadonlyMap<string, readonly CourseBlock[]>, format: ReportFormat): LocatedRecord {
  const found = blocks.get(record.problemId);
  const block = found?.find((b) => b.courseId === record.courseId) ?? found?.[0];
  const path = block ? block.coursePath : format.deletedBlocksPath;
  return { ...record, location: `${path}${format.pathDelimiter}${record.problem}`, sortIdx: block ? block.sortIdx : -1 };
}

/**
 * One course's CSV as edX's ProblemResponseReportTask writes it: header of
 * the report fields, rows by (sort index, username) with ties in first
 * attempt then answer id order (edX left those to Hive), cells as Python 2's
 * `unicode()` would print them, Python's csv excel dialect (CRLF, minimal quoting).
 */
export function courseReportCsv(records: readonly LocatedRecord[], format: ReportFormat): string {
  const sorted = [...records].sort(
    (a, b) =>
      a.sortIdx - b.sortIdx ||
      compareUtf8(a.username, b.username) ||
      compareUtf8(a.firstAttemptDate, b.firstAttemptDate) ||
      compareUtf8(a.answerId, b.answerId),
  );
  return excelCsv([format.fields, ...sorted.map((r) => format.fields.map((f) => cellText(r, f, format)))]);
}

function cellText(r: LocatedRecord, field: RecordField, format: ReportFormat): string {
  switch (field) {
    case 'course_id': return r.courseId;
    case 'answer_id': return r.answerId;
    case 'problem_id': return r.problemId;
    case 'problem': return r.problem;
    case 'username': return r.username;
    case 'question': return r.question;
    case 'score': return r.score;
    case 'max_score': return r.maxScore;
    case 'correct': return r.correct === null ? 'None' : r.correct ? 'True' : 'False';
    case 'answer': return format.listDelimiter === null ? python2TupleRepr(partitionList(r.answer)) : partitionList(r.answer).join(format.listDelimiter);
    case 'total_attempts': return String(r.totalAttempts);
    case 'first_attempt_date': return dateText(r.firstAttemptDate, format);
    case 'last_attempt_date': return dateText(r.lastAttemptDate, format);
    case 'location': return r.location;
    case 'sort_idx': return String(r.sortIdx);
  }
}

// edX's DelimitedStringField as read back from the partition: items joined by NUL and split again,
// so an empty list comes back as one empty item (and an item holding a NUL as two).
function partitionList(items: readonly string[]): string[] {
  return items.join('\0').split('\0');
}

function dateText(timestamp: string, format: ReportFormat): string {
  const t = parseEventTimestamp(timestamp);
  return format.datetimeFormat === null ? pythonDatetimeText(t) : strftime(format.datetimeFormat, t);
}

function python2TupleRepr(items: readonly string[]): string {
  const reprs = items.map(python2UnicodeRepr);
  return reprs.length === 1 ? `(${reprs[0]},)` : `(${reprs.join(', ')})`;
}
