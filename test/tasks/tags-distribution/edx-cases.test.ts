// The cases of edX's unit tests for tags_dist.py, rule by rule, with our own data and words.
import { describe, expect, it } from 'vitest';
import { TagsDistributionPerCourse, taggedSubmissionFromLine, type Tags } from '../../../src/tasks/tags-distribution/index.js';

const COURSE = 'course-v1:Harbor+ECON1+2020';
const PROBLEM = 'block-v1:Harbor+ECON1+2020+type@problem+block@supply';
const TAGS = { difficulty: 'Medium', outcome: 'Reads a supply curve' };
const all = () => true;

const line = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    username: 'adam', event_source: 'server', event_type: 'problem_check', time: '2020-02-11T09:30:05.700100+00:00',
    context: { course_id: COURSE, user_id: 3, module: { display_name: 'Supply' }, asides: { tagging_aside: { saved_tags: TAGS } } },
    event: { problem_id: PROBLEM, success: 'correct' },
    ...fields,
  });

describe('mapper (edX TagsDistributionPerCourseMapTest)', () => {
  it.each([
    ['a line that is not an event', 'no event here'],
    ['a line that mentions problem_check but is not JSON', 'no event here, just problem_check'],
    ['another event type', line({ event_type: 'edx.course.enrollment.activated' })],
    ['a time that is not one', line({ time: 'yesterday noon' })],
    ['a payload that is a list', line({ event: ['a list'] })],
    ['a client event', line({ event_source: 'client' })],
    ['no problem id', line({ event: { success: 'incorrect' } })],
    ['an empty problem id', line({ event: { problem_id: '', success: 'incorrect' } })],
    ['a course id that is not one', line({ context: { course_id: ';;;;not/a/course', asides: { tagging_aside: { saved_tags: TAGS } } } })],
  ])('when given %s then nothing is kept', (_what, text) => {
    expect(taggedSubmissionFromLine(text, all)).not.toHaveProperty('submission');
  });

  it('keeps a correct submission keyed by course, org and problem, with its time and tags', () => {
    expect(taggedSubmissionFromLine(line(), all)).toEqual({
      submission: { courseId: COURSE, orgId: 'Harbor', problemId: PROBLEM, timestamp: '2020-02-11T09:30:05.700100', correct: true, tags: [['difficulty', ['Medium']], ['outcome', ['Reads a supply curve']]] },
    });
  });

  it('keeps an incorrect submission as not correct', () => {
    expect(taggedSubmissionFromLine(line({ event: { problem_id: PROBLEM, success: 'incorrect' } }), all)).toMatchObject({ submission: { correct: false } });
  });

  it('keeps a submission of an untagged problem, with no tags', () => {
    expect(taggedSubmissionFromLine(line({ context: { course_id: COURSE } }), all)).toMatchObject({ submission: { tags: [] } });
  });
});

describe('reducer (edX TagsDistributionPerCourseReducerTest)', () => {
  const task = new TagsDistributionPerCourse({ outputRoot: '/unused', interval: '2020-02-11', source: ['/unused'] });
  const key: [string, string, string] = ['Harbor/ECON1/2020', 'Harbor', 'supply'];
  const tags = (t: Record<string, string>): Tags => Object.entries(t).map(([name, value]) => [name, [value]]);
  const rows = (values: [string, Tags, boolean][]) => [...task.reducer(key, values)].map(([k, v]) => [...(k as string[]), ...(v as unknown[])]);
  const at = (second: number) => `2020-02-11T00:00:0${second}`;

  it('gives no rows for no submissions', () => {
    expect(rows([])).toEqual([]);
  });

  it('gives one row per tag of a single submission', () => {
    expect(rows([[at(1), tags(TAGS), true]])).toEqual([
      [...key, 'difficulty', 'Medium', 1, 1],
      [...key, 'outcome', 'Reads a supply curve', 1, 1],
    ]);
  });

  it('counts every submission and the correct ones', () => {
    const values = [0, 1, 2, 3].map((s): [string, Tags, boolean] => [at(s), tags(TAGS), s !== 1]);
    expect(rows(values).map((r) => r.slice(3))).toEqual([['difficulty', 'Medium', 4, 3], ['outcome', 'Reads a supply curve', 4, 3]]);
    expect(rows(values.map(([t, g]) => [t, g, false])).map((r) => r.slice(5))).toEqual([[4, 0], [4, 0]]);
  });

  const earlier: [string, Tags, boolean][] = [
    [at(3), tags({ difficulty: 'Hard', outcome: 'None yet' }), true],
    [at(1), tags({ difficulty: 'Easy', outcome: 'None yet' }), true],
    [at(2), tags({ difficulty: 'Hard', outcome: 'None yet' }), true],
  ];

  it('takes the tags of the latest submission, whatever order they come in', () => {
    const values: [string, Tags, boolean][] = [earlier[0]!, [at(4), tags({ difficulty: 'Medium', outcome: 'Reads a supply curve' }), false], ...earlier.slice(1)];
    expect(rows(values).map((r) => r.slice(3))).toEqual([['difficulty', 'Medium', 4, 3], ['outcome', 'Reads a supply curve', 4, 3]]);
  });

  it('a tag removed by the latest submission gives no row', () => {
    const values: [string, Tags, boolean][] = [earlier[0]!, [at(4), tags({ difficulty: 'Medium' }), false], ...earlier.slice(1)];
    expect(rows(values).map((r) => r.slice(3))).toEqual([['difficulty', 'Medium', 4, 3]]);
  });

  it('no rows when the latest submission has no tags left', () => {
    expect(rows([earlier[0]!, [at(4), [], false], ...earlier.slice(1)])).toEqual([]);
  });

  it('two latest submissions at the same time: the same tags win in either order', () => {
    const a: [string, Tags, boolean] = [at(5), tags({ difficulty: 'Easy' }), true];
    const b: [string, Tags, boolean] = [at(5), tags({ difficulty: 'Hard' }), false];
    expect(rows([a, b])).toEqual(rows([b, a]));
  });
});

describe('tags edX could not load or crashed on (docs: Rules)', () => {
  const withTags = (saved: unknown) => line({ context: { course_id: COURSE, asides: { tagging_aside: { saved_tags: saved } } } });

  it('values in a list that are not text are written as Python printed them', () => {
    expect(taggedSubmissionFromLine(withTags({ level: [2, 'b'] }), all)).toMatchObject({ submission: { tags: [['level', ['2', 'b']]] } });
  });

  it('a tag value that is a dict, or a problem id that is not text, drops the submission', () => {
    expect(taggedSubmissionFromLine(withTags({ level: { a: 1 } }), all)).toEqual({ drop: 'Discard Saved Tags Not A Dict' });
    expect(taggedSubmissionFromLine(line({ event: { problem_id: 5, success: 'correct' } }), all)).toEqual({ drop: 'Discard Problem Id Not A String' });
  });

  it('asides that are null mean no tags', () => {
    expect(taggedSubmissionFromLine(line({ context: { course_id: COURSE, asides: null } }), all)).toMatchObject({ submission: { tags: [] } });
  });
});
