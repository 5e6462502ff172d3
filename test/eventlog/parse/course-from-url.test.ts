import { describe, expect, test } from 'vitest';
import { courseIdFromUrl } from '../../../src/eventlog/parse/course-from-url.js';
import { getCourseId } from '../../../src/eventlog/parse/course-id.js';
import { courseKeyToString, parseCourseKey } from '../../../src/eventlog/parse/course-key.js';
import { parsePythonJson } from '../../../src/eventlog/parse/python/parse-python-json.js';
import type { PyDict } from '../../../src/eventlog/parse/python/py-value.js';

const VERSION = '519665f6223ebd6980884f2b';

describe('courseIdFromUrl (edX get_course_key_from_url)', () => {
  test.each([
    ['/courses/course-v1:edX+DemoX+Test_2014/courseware/unit3/', 'course-v1:edX+DemoX+Test_2014'],
    ['https://lms.example.org/courses/edX/DemoX/Demo_2014/courseware/', 'edX/DemoX/Demo_2014'],
    ['/courses/edX/DemoX/Demo_2014?x=1', 'edX/DemoX/Demo_2014'],
    ['/courses/edX/DemoX/', undefined],
    ['/courses/slashes:edX+DemoX+T1/info', 'course-v1:edX+DemoX+T1'],
    [`/courses/course-v1:a+b+c+branch@draft+version@${VERSION}/x`, `course-v1:a+b+c+branch@draft+version@${VERSION}`],
    ['/courses/course-v1:a+b+c+type@problem+block@q1/x', 'course-v1:a+b+c'],
    [
      '/courses/course-v1:ExampleU+CHEM101+2021_T1/xblock/block-v1:ExampleU+CHEM101+2021_T1+type@problem+block@q7/handler/xmodule_handler/problem_check',
      'course-v1:ExampleU+CHEM101+2021_T1',
    ],
    ['https://x.org/xblock/block-v1:org+course+run+type@vertical+block@3848?show_title=0', 'course-v1:org+course+run'],
    ['/xblock/lib-block-v1:UniX+Probs+type@problem+block@p1', 'library-v1:UniX+Probs'],
    ['/xblock/block-v1:org+course+run+type@vertical', undefined],
    ['/xblock/edX/DemoX/Demo_2014 /courses/edX/DemoX/Demo_2014/', undefined],
    ['/courses/v1/blocks/?course_id=x', undefined],
    ['/api/courses/v1/courses/course-v1:a+b+c/', 'course-v1:a+b+c'],
    ['/courses/v1/x/courses/edX/DemoX/T1/', 'edX/DemoX/T1'],
    ['/courses/course-v1:a+b/', undefined],
    ['/courses/edX/Demo X/T1/', undefined],
    ['line\n/courses/edX/DemoX/T1/', undefined],
    ['/courses/edX/DemoX/T1\n/', undefined],
    ['https://lms.example.org/dashboard', undefined],
  ])('%j -> %j', (url, courseId) => {
    expect(courseIdFromUrl(url)).toEqual(courseId === undefined ? { skip: 'no-course-in-url' } : { courseId });
  });

  test.each([[null], [''], [0], [[]], [undefined]])('a falsy URL (%j) has no course', (url) => {
    expect(courseIdFromUrl(url)).toEqual({ skip: 'no-course-in-url' });
  });

  test.each([[5], [['/courses/a/b/c/']], [{ a: 1 }], [true]])('a truthy non-string URL (%j) crashes edX', (url) => {
    expect(courseIdFromUrl(url)).toEqual({ crash: 'url-not-string' });
  });
});

describe('getCourseId with fromUrl', () => {
  const event = (json: string) => parsePythonJson(json) as PyDict;
  const serverUrl = '/courses/course-v1:a+b+c/xblock/block-v1:a+b+c+type@problem+block@p/handler/x';

  test.each([
    ['an empty context course_id, server', `{"event_source": "server", "event_type": "${serverUrl}", "context": {"course_id": ""}}`, { courseId: 'course-v1:a+b+c' }],
    ['a whitespace course_id, browser', '{"event_source": "browser", "page": "https://x/courses/edX/DemoX/T1/courseware", "context": {"course_id": " "}}', { courseId: 'edX/DemoX/T1' }],
    ['a browser event_type is not looked at', `{"event_source": "browser", "event_type": "${serverUrl}", "context": {}}`, { skip: 'no-course-id' }],
    ['a mobile event has no URL', '{"event_source": "mobile", "page": "/courses/edX/DemoX/T1/", "context": {}}', { skip: 'no-course-id' }],
    ['an invalid context id does not fall back', '{"event_source": "browser", "page": "/courses/edX/DemoX/T1/", "context": {"course_id": "bad"}}', { skip: 'invalid-course-id' }],
    ['no context does not fall back', '{"event_source": "browser", "page": "/courses/edX/DemoX/T1/"}', { skip: 'no-context' }],
    ['a context id wins over the URL', '{"event_source": "browser", "page": "/courses/edX/DemoX/T1/", "context": {"course_id": "x/y/z"}}', { courseId: 'x/y/z' }],
    ['a numeric page crashes', '{"event_source": "browser", "page": 5, "context": {}}', { crash: 'url-not-string' }],
  ])('%s', (_name, json, expected) => {
    expect(getCourseId(event(json), { fromUrl: true })).toEqual(expected);
  });
});

describe('courseKeyToString (unicode(key))', () => {
  test.each([
    ['edX/DemoX/', 'edX/DemoX/'],
    ['course-v1:a+b+c+branch@x', 'course-v1:a+b+c+branch@x'],
    [`course-v1:a+b+version@${VERSION}`, `course-v1:version@${VERSION}`],
    ['library-v1:a+b+c', 'library-v1:a+b'],
  ])('%j -> %j', (id, canonical) => {
    const key = parseCourseKey(id);
    expect(key).not.toBeNull();
    if (key) expect(courseKeyToString(key)).toBe(canonical);
  });
});
