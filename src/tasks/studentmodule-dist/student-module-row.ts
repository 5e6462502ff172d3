/**
 * One line of the courseware_studentmodule import and the rules that turn it
 * into a distribution's key: pure functions, so each rule is tested alone.
 * A row a rule leaves out comes back as the counter name to add to.
 */

/** The columns of one import line, as text (`\N` is NULL). */
export interface StudentModuleRow {
  moduleType: string;
  moduleId: string;
  courseId: string;
  grade: string;
  maxGrade: string;
}

/** The columns the distributions read, in the order of the import's lines (`id` first: it orders the copy). */
export const STUDENT_MODULE_COLUMNS = ['id', 'module_type', 'module_id', 'course_id', 'grade', 'max_grade'] as const;
export const NULL_CELL = '\\N';
/** A decimal number as MySQL prints a DOUBLE: no hex, no `Infinity`, no empty text (Number() takes all three). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export type RowResult<T> = { keep: T } | { drop: string };

/** The row of an import line, or the counter of a line that is not one (the import writes six fields: a damaged file). */
export function studentModuleRow(line: string): RowResult<StudentModuleRow> {
  const f = line.split('\t');
  if (f.length !== STUDENT_MODULE_COLUMNS.length) return { drop: 'Discard Malformed Line' };
  return { keep: { moduleType: f[1]!, moduleId: f[2]!, courseId: f[3]!, grade: f[4]!, maxGrade: f[5]! } };
}

/** What both distributions key on: a row without a module or course id belongs to nothing (edX kept it under "" or the text "NULL"). */
function missingIds(row: StudentModuleRow): string | undefined {
  if (row.moduleId === NULL_CELL || row.moduleId.trim() === '') return 'Discard Missing Module Id';
  if (row.courseId === NULL_CELL || row.courseId.trim() === '') return 'Discard Missing Course Id';
  return undefined;
}

export interface GradeKey {
  moduleId: string;
  courseId: string;
  grade: number;
  /** NULL stays NULL, as edX loaded it. */
  maxGrade: number | null;
}

/**
 * edX GradeDistFromStudentModuleMixin: a row with a grade counts towards
 * (module, course, grade, max_grade); a NULL grade (a module opened but not
 * graded, every sequential and chapter) is skipped. Grades compare as
 * numbers, where edX compared the dump's text.
 */
export function gradeKey(row: StudentModuleRow): RowResult<GradeKey> {
  if (row.grade === NULL_CELL) return { drop: 'Skip NULL Grade' };
  const missing = missingIds(row);
  if (missing) return { drop: missing };
  if (!DECIMAL.test(row.grade)) return { drop: 'Discard Non-Numeric Grade' };
  if (row.maxGrade !== NULL_CELL && !DECIMAL.test(row.maxGrade)) return { drop: 'Discard Non-Numeric Max Grade' };
  const maxGrade = row.maxGrade === NULL_CELL ? null : Number(row.maxGrade);
  return { keep: { moduleId: row.moduleId, courseId: row.courseId, grade: Number(row.grade), maxGrade } };
}

export interface SequentialKey {
  moduleId: string;
  courseId: string;
}

/**
 * edX SeqOpenDistFromStudentModuleMixin: a learner's row for a sequential
 * exists once they opened it, so the rows of a (module, course) with
 * module_type `sequential` are its opens; other types are skipped.
 */
export function sequentialKey(row: StudentModuleRow): RowResult<SequentialKey> {
  if (row.moduleType !== 'sequential') return { drop: 'Skip Not A Sequential' };
  const missing = missingIds(row);
  if (missing) return { drop: missing };
  return { keep: { moduleId: row.moduleId, courseId: row.courseId } };
}
