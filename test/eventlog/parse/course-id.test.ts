import { describe, expect, test } from 'vitest';
import { getCourseId } from '../../../src/eventlog/parse/course-id.js';
import { parsePythonJson } from '../../../src/eventlog/parse/python/parse-python-json.js';
import type { PyDict } from '../../../src/eventlog/parse/python/py-value.js';

const event = (json: string) => parsePythonJson(json) as PyDict;

describe('getCourseId (edX get_course_id, context only)', () => {
  test.each([
    ['a valid id', '{"context": {"course_id": "edX/DemoX/Demo_2014"}}', 'edX/DemoX/Demo_2014'],
    ['surrounding Python whitespace', '{"context": {"course_id": " \\u00a0course-v1:a+b+c\\n\\u001c"}}', 'course-v1:a+b+c'],
    ['a trailing \\r', '{"context": {"course_id": "edX/DemoX/Demo_2014\\r"}}', 'edX/DemoX/Demo_2014'],
  ])('when the context has %s then the stripped id is returned', (_name, json, courseId) => {
    expect(getCourseId(event(json))).toEqual({ courseId });
  });

  test.each([
    ['no context', '{"event": {}}', 'no-context'],
    ['a null context', '{"context": null}', 'no-context'],
    ['no course_id', '{"context": {"org_id": "x"}}', 'no-course-id'],
    ['a null course_id', '{"context": {"course_id": null}}', 'no-course-id'],
    ['an empty course_id', '{"context": {"course_id": ""}}', 'no-course-id'],
    ['a whitespace-only course_id', '{"context": {"course_id": " \\t "}}', 'no-course-id'],
    ['a false course_id', '{"context": {"course_id": false}}', 'no-course-id'],
    ['a 0 course_id', '{"context": {"course_id": 0}}', 'no-course-id'],
    ['an empty list course_id', '{"context": {"course_id": []}}', 'no-course-id'],
    ['an empty dict course_id', '{"context": {"course_id": {}}}', 'no-course-id'],
    ['an invalid course_id', '{"context": {"course_id": ";;;;bad/id/val"}}', 'invalid-course-id'],
    ['a BOM before the id (strip keeps it)', '{"context": {"course_id": "\\ufeffedX/DemoX/Demo_2014"}}', 'invalid-course-id'],
    ['a course_id key on the event, not the context', '{"course_id": "edX/DemoX/Demo_2014", "context": {}}', 'no-course-id'],
  ])('when the event has %s then it is skipped', (_name, json, skip) => {
    expect(getCourseId(event(json))).toEqual({ skip });
  });

  test.each([
    ['a list context', '{"context": ["course_id"]}', 'context-not-object'],
    ['a string context', '{"context": "edX/DemoX/Demo_2014"}', 'context-not-object'],
    ['a 0 context (not None, so edX calls .get)', '{"context": 0}', 'context-not-object'],
    ['a numeric course_id', '{"context": {"course_id": 5}}', 'course-id-not-string'],
    ['a true course_id', '{"context": {"course_id": true}}', 'course-id-not-string'],
    ['a NaN course_id (truthy)', '{"context": {"course_id": NaN}}', 'course-id-not-string'],
    ['a list course_id', '{"context": {"course_id": ["edX/DemoX/Demo_2014"]}}', 'course-id-not-string'],
  ])('when the event has %s then edX would crash', (_name, json, crash) => {
    expect(getCourseId(event(json))).toEqual({ crash });
  });

  test('when context inherits names from Object.prototype then they are not keys', () => {
    expect(getCourseId(event('{"context": {"constructor": 1}}'))).toEqual({ skip: 'no-course-id' });
    expect(getCourseId(event('{"toString": {}}'))).toEqual({ skip: 'no-context' });
  });
});
