/**
 * Is this a course key by opaque-keys 0.4 `CourseKey.from_string` (what edX's
 * `is_valid_course_id` asks)? Spec 2.2.7:
 * - `course-v1:` / `slashes:` + `[org+course[+run]+][branch@B+][version@V+][type@T+][block@ID]`,
 *   valid with org, course and run, or with a version (exactly 24 lowercase hex);
 * - `library-v1:` + the same grammar, valid with org and library (a run part
 *   is accepted and ignored) or a version;
 * - otherwise, or when that fails, the deprecated `org/course/run`: exactly
 *   two `/`, parts of `[\w.%-]` only, org and course non-empty, run may be empty.
 * `\w` is Python's Unicode word class: letters, numbers, underscore.
 * Namespaces of other packages (`ccx-v1:`) are not modelled (spec 2.9).
 */
const W = String.raw`\p{L}\p{N}_`;
const ID = String.raw`[${W}\-~.:]+`;
// A '+' separates only when something follows it.
const SEP = String.raw`(?:\+(?!$)|$)`;
const LOCATOR = new RegExp(
  String.raw`^(?:(?<org>${ID})\+(?<course>${ID})(?:\+(?<run>${ID}))?${SEP})??` +
    String.raw`(?:branch@${ID}${SEP})?` +
    String.raw`(?:version@(?<version>[a-f0-9]+)${SEP})?` +
    String.raw`(?:type@${ID}${SEP})?` +
    String.raw`(?:block@${ID})?$`,
  'u',
);
const DEPRECATED_PART = new RegExp(String.raw`^[${W}.%-]*$`, 'u');

export function isValidCourseId(courseId: string): boolean {
  if (courseId.endsWith('\n')) return false;
  const colon = courseId.indexOf(':');
  if (colon !== -1) {
    const namespace = courseId.slice(0, colon);
    if (namespace === 'course-v1' || namespace === 'slashes' || namespace === 'library-v1') {
      if (isValidLocator(courseId.slice(colon + 1), namespace === 'library-v1')) return true;
    }
  }
  return isValidDeprecatedCourseId(courseId);
}

function isValidLocator(rest: string, isLibrary: boolean): boolean {
  const groups = LOCATOR.exec(rest)?.groups;
  if (groups === undefined) return false;
  const { org, course, run, version } = groups;
  // bson's ObjectId wants 24 hex digits; anything else is an InvalidKeyError.
  if (version !== undefined && version.length !== 24) return false;
  if (version !== undefined) return true;
  return org !== undefined && course !== undefined && (isLibrary || run !== undefined);
}

function isValidDeprecatedCourseId(courseId: string): boolean {
  const first = courseId.indexOf('/');
  if (first === -1) return false;
  const second = courseId.indexOf('/', first + 1);
  if (second === -1 || courseId.indexOf('/', second + 1) !== -1) return false;
  const org = courseId.slice(0, first);
  const course = courseId.slice(first + 1, second);
  const run = courseId.slice(second + 1);
  return (
    org !== '' &&
    course !== '' &&
    DEPRECATED_PART.test(org) &&
    DEPRECATED_PART.test(course) &&
    DEPRECATED_PART.test(run)
  );
}
