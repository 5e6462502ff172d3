/**
 * Course keys by opaque-keys 0.4 `CourseKey.from_string` (what edX's
 * `is_valid_course_id` asks; spec 2.2.7):
 * - `course-v1:` / `slashes:` + `[org+course[+run]+][branch@B+][version@V+][type@T+][block@ID]`,
 *   valid with org, course and run, or with a version (exactly 24 lowercase hex);
 * - `library-v1:` + the same grammar, valid with org and library (a run part
 *   is accepted and ignored) or a version;
 * - otherwise, or when that fails, the deprecated `org/course/run`: exactly
 *   two `/`, parts of `[\w.%-]` only, org and course non-empty, run may be empty.
 * `\w` is Python's Unicode word class: letters, numbers, underscore.
 * Namespaces of other packages (`ccx-v1:`) are not modelled (spec 2.9).
 */
import { parseLocator } from './locator-grammar.js';

export interface CourseKey {
  kind: 'course' | 'library' | 'deprecated';
  org?: string;
  course?: string;
  run?: string;
  branch?: string;
  version?: string;
}

const W = String.raw`\p{L}\p{N}_`;
const DEPRECATED_PART = new RegExp(String.raw`^[${W}.%-]*$`, 'u');

/**
 * A log names the same few course ids millions of times, and the grammar's
 * Unicode regexes were ~2 % of a map task: answers are remembered. A pure
 * cache (the answer depends on the text alone), bounded by clearing it.
 */
const validity = new Map<string, boolean>();
const VALIDITY_CACHE_SIZE = 4096;

export function isValidCourseId(courseId: string): boolean {
  let valid = validity.get(courseId);
  if (valid === undefined) {
    valid = parseCourseKey(courseId) !== null;
    if (validity.size >= VALIDITY_CACHE_SIZE) validity.clear();
    validity.set(courseId, valid);
  }
  return valid;
}

/** The key's fields, or null where opaque-keys raises InvalidKeyError. */
export function parseCourseKey(courseId: string): CourseKey | null {
  if (courseId.endsWith('\n')) return null;
  const colon = courseId.indexOf(':');
  if (colon !== -1) {
    const namespace = courseId.slice(0, colon);
    if (namespace === 'course-v1' || namespace === 'slashes' || namespace === 'library-v1') {
      const key = locatorCourseKey(courseId.slice(colon + 1), namespace === 'library-v1');
      if (key !== null) return key;
    }
  }
  return deprecatedCourseKey(courseId);
}

/** `unicode(key)`: the canonical text (`slashes:a+b+c` becomes `course-v1:a+b+c`; type/block parts go). */
export function courseKeyToString(key: CourseKey): string {
  if (key.kind === 'deprecated') return `${key.org}/${key.course}/${key.run}`;
  const parts: string[] = [];
  const named = key.kind === 'library' ? key.course !== undefined : key.course !== undefined && key.run !== undefined;
  if (named) {
    parts.push(key.org as string, key.course as string);
    if (key.kind === 'course') parts.push(key.run as string);
    if (key.branch !== undefined) parts.push(`branch@${key.branch}`);
  }
  if (key.version !== undefined) parts.push(`version@${key.version}`);
  return `${key.kind === 'library' ? 'library-v1' : 'course-v1'}:${parts.join('+')}`;
}

function locatorCourseKey(rest: string, isLibrary: boolean): CourseKey | null {
  const parts = parseLocator(rest);
  if (parts === null) return null;
  const { org, course, run, branch, version } = parts;
  const named = org !== undefined && course !== undefined && (isLibrary || run !== undefined);
  if (!named && version === undefined) return null;
  const key: CourseKey = { kind: isLibrary ? 'library' : 'course', org, course, branch, version };
  if (!isLibrary) key.run = run;
  return key;
}

function deprecatedCourseKey(courseId: string): CourseKey | null {
  const first = courseId.indexOf('/');
  if (first === -1) return null;
  const second = courseId.indexOf('/', first + 1);
  if (second === -1 || courseId.indexOf('/', second + 1) !== -1) return null;
  const org = courseId.slice(0, first);
  const course = courseId.slice(first + 1, second);
  const run = courseId.slice(second + 1);
  const valid =
    org !== '' && course !== '' && DEPRECATED_PART.test(org) && DEPRECATED_PART.test(course) && DEPRECATED_PART.test(run);
  return valid ? { kind: 'deprecated', org, course, run } : null;
}
