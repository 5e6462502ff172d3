import { ccxCourseKey } from './ccx-key.js';
import { courseIdFromUrl } from './course-from-url.js';
import { isValidCourseId } from './course-key.js';
import { isTruthy } from './python/python-truthy.js';
import { pythonStrip } from './python/python-strip.js';
import { isPyDict, pyGet, type PyDict, type PyValue } from './python/py-value.js';

/**
 * Skips: `no-context` (context missing or null), `no-course-id` (course_id
 * missing or falsy, or only whitespace, and no course in the URL when asked),
 * `invalid-course-id` (not a course key). Crashes (edX raises; Pipewright
 * drops the event and counts it, spec 2.8): `context-not-object`,
 * `course-id-not-string` (a truthy non-string), `url-not-string` (fromUrl only).
 */
export type CourseIdSkip = 'no-context' | 'no-course-id' | 'invalid-course-id';
export type CourseIdCrash = 'context-not-object' | 'course-id-not-string' | 'url-not-string';
export type CourseIdResult = { courseId: string } | { skip: CourseIdSkip } | { crash: CourseIdCrash };

export interface CourseIdOptions {
  /** edX `from_url=True` (activity, video, engagement...): fall back to the URL in event_type/page. */
  fromUrl?: boolean;
  /** edX with `[ccx] enabled = true`: `ccx-v1:...+ccx@N` keys are valid course ids too. */
  ccx?: boolean;
}

/**
 * edX `get_course_id(event, from_url)` (util/eventlog.py): `context.course_id`,
 * stripped with Python's strip(), validated as a course key; the stripped id
 * is returned as written. Only when the context has no course id (and
 * `fromUrl`): the course in the URL of a server event's `event_type` or a
 * browser event's `page`, in canonical form.
 */
export function getCourseId(event: PyDict, options: CourseIdOptions = {}): CourseIdResult {
  const context = pyGet(event, 'context');
  if (context === undefined || context === null) return { skip: 'no-context' };
  if (!isPyDict(context)) return { crash: 'context-not-object' };
  const raw = pyGet(context, 'course_id') ?? '';
  if (isTruthy(raw)) {
    if (typeof raw !== 'string') return { crash: 'course-id-not-string' };
    const courseId = pythonStrip(raw);
    if (courseId !== '') {
      const valid = isValidCourseId(courseId) || (options.ccx === true && ccxCourseKey(courseId) !== null);
      return valid ? { courseId } : { skip: 'invalid-course-id' };
    }
  }
  if (!options.fromUrl) return { skip: 'no-course-id' };
  const fromUrl = courseIdFromUrl(urlOf(event), { ccx: options.ccx });
  return 'skip' in fromUrl ? { skip: 'no-course-id' } : fromUrl;
}

function urlOf(event: PyDict): PyValue | undefined {
  const source = pyGet(event, 'event_source');
  if (source === 'server') return pyGet(event, 'event_type');
  if (source === 'browser') return pyGet(event, 'page');
  return undefined;
}
