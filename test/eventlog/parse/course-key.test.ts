import { describe, expect, test } from 'vitest';
import { isValidCourseId } from '../../../src/eventlog/parse/course-key.js';

const VERSION = '519665f6223ebd6980884f2b';

describe('isValidCourseId (opaque-keys 0.4 CourseKey.from_string)', () => {
  test.each([
    'course-v1:edX+DemoX+Test_2014',
    'course-v1:edX+DemoX+2014~T1.x:y-z',
    'course-v1:MITx+6.002x+2014_T1+branch@published',
    `course-v1:MITx+6.002x+2014_T1+branch@draft+version@${VERSION}`,
    `course-v1:version@${VERSION}`,
    `course-v1:MITx+6.002x+version@${VERSION}`,
    'course-v1:a+b+c+type@problem+block@q1',
    'course-v1:a+b+c+block@q1',
    'course-v1:École+Cours+été',
    'course-v1:org+课程+२०१४',
    'course-v1:a+b+c²',
    'slashes:edX+DemoX+Test_2014',
    'library-v1:UniX+PhysicsProbs',
    'library-v1:UniX+PhysicsProbs+ignored_run',
    `library-v1:version@${VERSION}`,
    'edX/DemoX/Demo_2014',
    'edX/DemoX/',
    'edX/Demo%20X/run-1.0',
    'École/Cours/été',
    'course-v1/b/c',
  ])('%j is valid', (id) => {
    expect(isValidCourseId(id)).toBe(true);
  });

  test.each([
    ['course-v1 without a run', 'course-v1:edX+DemoX'],
    ['course-v1 with a trailing +', 'course-v1:edX+DemoX+Test+'],
    ['course-v1 with an empty part', 'course-v1:edX++Test'],
    ['course-v1 with four plain parts', 'course-v1:a+b+c+d'],
    ['course-v1 with a space', 'course-v1:edX+Demo X+Test'],
    ['course-v1 with a slash', 'course-v1:edX+Demo/X+Test'],
    ['course-v1 with %', 'course-v1:edX+Demo%X+Test'],
    ['course-v1 with an uppercase version', `course-v1:version@${VERSION.toUpperCase()}`],
    ['course-v1 with a 23-digit version', `course-v1:version@${VERSION.slice(1)}`],
    ['course-v1 with a 12-digit version (Python 2 bson only)', 'course-v1:version@519665f6223e'],
    ['course-v1 with branch only', 'course-v1:branch@published'],
    ['course-v1 with parts out of order', `course-v1:a+b+c+version@${VERSION}+branch@x`],
    ['course-v1 empty', 'course-v1:'],
    ['a combining mark (not \\w in Python)', 'course-v1:a+b+e\u0301'],
    ['an unknown namespace', 'ccx-v1:edX+DemoX+Test+ccx@1'],
    ['library-v1 with org only', 'library-v1:UniX'],
    ['deprecated with one slash', 'edX/DemoX'],
    ['deprecated with three slashes', 'edX/DemoX/run/x'],
    ['deprecated with an empty org', '/DemoX/run'],
    ['deprecated with an empty course', 'edX//run'],
    ['deprecated with a colon', 'edX:x/DemoX/run'],
    ['deprecated with a +', 'edX/Demo+X/run'],
    ['deprecated with a space', 'edX/Demo X/run'],
    ['deprecated with ~', 'edX/Demo~X/run'],
    ['deprecated with a tab', 'edX/DemoX/run\t'],
    ['a trailing newline', 'edX/DemoX/run\n'],
    ['upstream test garbage', ';;;;bad/id/val'],
    ['empty', ''],
    ['plain text', 'not a course'],
  ])('%s (%j) is invalid', (_name, id) => {
    expect(isValidCourseId(id)).toBe(false);
  });
});
