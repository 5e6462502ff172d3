import { registry, UsageError } from '../../core/index.js';
import { RECORD_FIELDS, type RecordField, type ReportFormat } from './report.js';
import { pythonStringLiteral } from './python-text.js';

/** `[problem-response] report_fields` (a JSON list of record fields) checked against the record; null = every field. */
export function reportFields(text: string | null): RecordField[] {
  if (text === null || text === '') return [...RECORD_FIELDS];
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch {
    throw new UsageError(`--report-fields ${text} is not a JSON list; write e.g. ["username","problem_id","answer"].`);
  }
  if (!Array.isArray(fields) || fields.length === 0) throw new UsageError(`--report-fields ${text} must be a non-empty JSON list of field names.`);
  for (const f of fields)
    if (!RECORD_FIELDS.includes(f as RecordField)) throw new UsageError(`--report-fields: unknown field ${JSON.stringify(f)}; known: ${RECORD_FIELDS.join(', ')}.`);
  return fields as RecordField[];
}

/** The report's cell formats from the task's parameters and `[course-blocks]` (path pieces). */
export function reportFormat(task: { reportFields: string; reportFieldDatetimeFormat: string; reportFieldListDelimiter: string }): ReportFormat {
  const blocks = (key: string) => registry.config.get('course-blocks', key);
  return {
    fields: reportFields(task.reportFields || null),
    datetimeFormat: task.reportFieldDatetimeFormat === '' ? null : task.reportFieldDatetimeFormat,
    listDelimiter: task.reportFieldListDelimiter === '' ? null : pythonStringLiteral(task.reportFieldListDelimiter),
    pathDelimiter: blocks('path_delimiter') ?? ' / ',
    deletedBlocksPath: blocks('deleted_blocks_path') ?? '(Deleted block :)',
  };
}
