import { isValidCourseId } from './course-key.js';
import { isTruthy } from './python/python-truthy.js';
import { pythonStrip } from './python/python-strip.js';
import { isPyDict, pyGet, type PyDict } from './python/py-value.js';

/**
 * Skips: `no-context` (context missing or null), `no-course-id` (course_id
 * missing or falsy, or only whitespace), `invalid-course-id` (not a course
 * key). Crashes (edX raises; Pipewright drops the event and counts it, spec
 * 2.8): `context-not-object`, `course-id-not-string` (a truthy non-string).
 */
export type CourseIdSkip = 'no-context' | 'no-course-id' | 'invalid-course-id';
export type CourseIdCrash = 'context-not-object' | 'course-id-not-string';
export type CourseIdResult = { courseId: string } | { skip: CourseIdSkip } | { crash: CourseIdCrash };

/**
 * edX `get_course_id(event, from_url=False)` (util/eventlog.py), context only:
 * `context.course_id`, stripped with Python's strip(), validated as a course
 * key. Returns the stripped id.
 */
export function getCourseId(event: PyDict): CourseIdResult {
  const context = pyGet(event, 'context');
  if (context === undefined || context === null) return { skip: 'no-context' };
  if (!isPyDict(context)) return { crash: 'context-not-object' };
  const raw = pyGet(context, 'course_id') ?? '';
  if (!isTruthy(raw)) return { skip: 'no-course-id' };
  if (typeof raw !== 'string') return { crash: 'course-id-not-string' };
  const courseId = pythonStrip(raw);
  if (courseId === '') return { skip: 'no-course-id' };
  return isValidCourseId(courseId) ? { courseId } : { skip: 'invalid-course-id' };
}
