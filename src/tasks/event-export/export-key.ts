import { getCourseId, isPyDict, isTruthy, parseEventLine, pyGet, pythonStrip, type PyDict, type PyValue } from '../../eventlog/parse/index.js';
import { courseFitsFileName } from '../warehouse/field-checks.js';

/** What the mapper keys a line by: the day it is exported under and its course. */
export type ExportKey = [date: string, courseId: string];

export interface ExportOptions {
  /** The event's day is inside --interval (the task's unwidened filter). */
  inInterval(day: string): boolean;
  /** --course: when non-empty, only these course ids are exported. */
  courses: ReadonlySet<string>;
  /** `[ccx] enabled`: CCX course keys count as courses. */
  ccx: boolean;
}

/** Every way a line is left out, as counter names: group `Event` for line-level drops (as edX), else `Event Export`. */
export type ExportDrop =
  | ['Event', 'Discard Unparseable Event' | 'Discard Missing Time Field' | 'Discard Outside Date Interval']
  | ['Event Export', 'Discard Missing Or Invalid Course Id' | 'Discard Course Not Requested' | 'Discard Malformed Event' | 'Discard Course Id Too Long For A File Name'];

export type ExportResult = { key: ExportKey; line: string } | { drop: ExportDrop };

/**
 * edX EventExportByCourseTask.mapper for one line: the event's day is the
 * date part of `context.received_at` when the context has that key (mobile
 * events sent long after they happened are exported with the day they
 * arrived), else of `time`; its course is the context's course id or the
 * one in its URL. The line itself is kept as written (stripped).
 */
export function exportKeyOf(line: string, options: ExportOptions): ExportResult {
  const parsed = parseEventLine(line);
  if ('error' in parsed) return { drop: ['Event', 'Discard Unparseable Event'] };
  const event = parsed.event;
  const time = exportTime(event);
  if (time === 'malformed') return { drop: ['Event Export', 'Discard Malformed Event'] };
  if (!isTruthy(time)) return { drop: ['Event', 'Discard Missing Time Field'] };
  if (typeof time !== 'string') return { drop: ['Event Export', 'Discard Malformed Event'] };
  // edX cut at 'T' only, so a time written with a space (`2024-03-04 10:21:44+00:00`) named a
  // file after the whole time, one file per distinct second: cut at the space as well.
  const date = time.split(/[T ]/, 1)[0]!;
  if (!options.inInterval(date)) return { drop: ['Event', 'Discard Outside Date Interval'] };
  const course = getCourseId(event, { fromUrl: true, ccx: options.ccx });
  if ('crash' in course) return { drop: ['Event Export', 'Discard Malformed Event'] };
  if ('skip' in course) return { drop: ['Event Export', 'Discard Missing Or Invalid Course Id'] };
  if (options.courses.size > 0 && !options.courses.has(course.courseId)) return { drop: ['Event Export', 'Discard Course Not Requested'] };
  if (!courseFitsFileName(course.courseId)) return { drop: ['Event Export', 'Discard Course Id Too Long For A File Name'] };
  return { key: [date, course.courseId], line: pythonStrip(line) };
}

/**
 * `event['context']['received_at']`, falling back to `event['time']` only
 * when a key is missing (edX catches KeyError only: a context that is not a
 * dict made it crash; here that line is counted as malformed instead).
 */
function exportTime(event: PyDict): PyValue | undefined | 'malformed' {
  const context = pyGet(event, 'context');
  if (context !== undefined) {
    if (!isPyDict(context)) return 'malformed';
    const receivedAt = pyGet(context, 'received_at');
    if (receivedAt !== undefined) return receivedAt;
  }
  return pyGet(event, 'time');
}
