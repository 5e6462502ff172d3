import { ccxCourseKey } from './ccx-key.js';
import { courseKeyToString, parseCourseKey, type CourseKey } from './course-key.js';
import { parseLocator } from './locator-grammar.js';
import { isTruthy } from './python/python-truthy.js';
import type { PyValue } from './python/py-value.js';

/**
 * edX `get_course_key_from_url` (util/opaque_key_util.py), used by
 * `get_course_id(event, from_url=True)` when the context has no course id:
 * first an `/xblock/<block key>` URL (the block key's course), else a
 * `/courses/<course key>/` URL (not `/courses/v1/...` API paths). Returns
 * the key's canonical text, as edX's `unicode(course_key)` does. A URL that
 * matches a pattern but holds no valid key gives no course (edX does not try
 * the other pattern then).
 */
// Python's `.` stops at '\n' only; [^/+] and friends take it.
const BLOCK_URL = /^[^\n]*?\/xblock\/(?<id>[^/+]+[/+][^/+]+[/+][^/?#]+)/;
const COURSE_URL = /^[^\n]*?\/courses\/(?!v[0-9]+\/[^/]+)(?<id>[^/+]+[/+][^/+]+[/+][^/?]+)/;

export type UrlCourseResult = { courseId: string } | { skip: 'no-course-in-url' } | { crash: 'url-not-string' };

export function courseIdFromUrl(url: PyValue | undefined, options: { ccx?: boolean } = {}): UrlCourseResult {
  if (!isTruthy(url)) return { skip: 'no-course-in-url' };
  if (typeof url !== 'string') return { crash: 'url-not-string' };
  const block = BLOCK_URL.exec(url)?.groups?.['id'];
  if (block === undefined && options.ccx === true) {
    // With [ccx] enabled, a /courses/ccx-v1:.../ URL names its CCX course.
    const ccx = ccxCourseKey(COURSE_URL.exec(url)?.groups?.['id'] ?? '');
    if (ccx !== null) return { courseId: ccx };
  }
  const key = block !== undefined ? blockCourseKey(block) : courseKeyOf(COURSE_URL.exec(url)?.groups?.['id']);
  return key === null ? { skip: 'no-course-in-url' } : { courseId: courseKeyToString(key) };
}

function courseKeyOf(id: string | undefined): CourseKey | null {
  return id === undefined ? null : parseCourseKey(id);
}

/** The course (or library) of a `block-v1:` / `lib-block-v1:` usage key; null when it is not one. */
function blockCourseKey(id: string): CourseKey | null {
  const colon = id.indexOf(':');
  const namespace = id.slice(0, colon);
  if (colon === -1 || (namespace !== 'block-v1' && namespace !== 'lib-block-v1')) return null;
  const parts = parseLocator(id.slice(colon + 1));
  if (parts === null || parts.block === undefined) return null;
  const isLibrary = namespace === 'lib-block-v1';
  const { org, course, run, branch, version } = parts;
  const named = org !== undefined && course !== undefined && (isLibrary || run !== undefined);
  if (!named && version === undefined) return null;
  return isLibrary
    ? { kind: 'library', org, course, branch, version }
    : { kind: 'course', org, course, run, branch, version };
}
