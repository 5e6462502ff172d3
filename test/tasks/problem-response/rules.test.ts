import { describe, expect, it } from 'vitest';
import { courseBlocksOf, courseReportCsv, latestResponseRecords, responseEventFromLine, type LocatedRecord, type ReportFormat } from '../../../src/tasks/problem-response/index.js';
import { python2FloatStr } from '../../../src/eventlog/parse/python/python2-float-str.js';
import { cleanText, pythonStringLiteral, pythonSubRegex } from '../../../src/tasks/problem-response/python-text.js';
import { parseDatetimeParameter, strftime } from '../../../src/tasks/problem-response/timestamp-partition.js';
import { DEFAULT_CLEAN_TEXT_REGEX } from '../../../src/tasks/problem-response/parameters.js';

const paths = { pathDelimiter: ' / ', deletedBlocksPath: '(Deleted block :)', sortOrphanBlocksUp: false };
const block = (id: string, children: string[] = [], name = id) => ({ id, type: 't', display_name: name, children });

describe('course blocks (edX CourseBlocksApiDataTask)', () => {
  const dump = JSON.stringify({
    course_id: 'course-v1:A+B+C',
    root: 'root',
    blocks: { orphan: block('orphan'), root: block('root', ['ch1', 'ch2']), ch1: block('ch1', ['shared']), ch2: block('ch2', ['shared', 'leaf']), shared: block('shared'), leaf: block('leaf', [], 'Leaf\n  name') },
  });

  it('numbers blocks in pre-order, keeps a shared (DAG) block where first met, sends orphans last', () => {
    const rows = courseBlocksOf(dump, paths)!;
    expect(rows.map((b) => [b.blockId, b.sortIdx, b.coursePath, b.isDag, b.isOrphan, b.parentBlockId])).toEqual([
      ['root', 0, '', false, false, null],
      ['ch1', 1, 'root', false, false, 'root'],
      ['shared', 2, 'root / ch1', true, false, 'ch1'],
      ['ch2', 3, 'root', false, false, 'root'],
      ['leaf', 4, 'root / ch2', false, false, 'ch2'],
      ['orphan', 6, '(Deleted block :)', false, true, null],
    ]);
    expect(rows.find((b) => b.blockId === 'leaf')!.displayName).toBe('Leaf name');
  });

  it('sorts orphans first when asked, and refuses a dump without its root', () => {
    expect(courseBlocksOf(dump, { ...paths, sortOrphanBlocksUp: true })![0]).toMatchObject({ blockId: 'orphan', sortIdx: -1 });
    expect(courseBlocksOf(JSON.stringify({ course_id: 'x', root: 'r', blocks: {} }), paths)).toBeNull();
  });

  it("takes a block's id from its key in `blocks` when the block does not repeat it as `id`", () => {
    const bare = JSON.stringify({ course_id: 'x', root: 'r', blocks: { r: { type: 'course', display_name: 'R', children: ['p'] }, p: { type: 'problem', display_name: 'P' } } });
    expect(courseBlocksOf(bare, paths)!.map((b) => [b.blockId, b.coursePath, b.isOrphan])).toEqual([['r', '', false], ['p', 'R', false]]);
  });
});

const check = (fields: Record<string, unknown>) =>
  JSON.stringify({
    username: 'velma', event_source: 'server', event_type: 'problem_check', time: '2016-09-07T05:00:10.123456+00:00',
    context: { course_id: 'course-v1:A+B+C', module: { display_name: 'Quiz' } },
    event: { problem_id: 'block-v1:A+B+C+type@problem+block@p', answers: { p_2_1: 'choice_1' }, grade: 1, max_grade: 2, correct_map: { p_2_1: { correctness: 'correct' } }, submission: { p_2_1: { question: 'Which?', answer: 'Yes  <choicehint>hint</choicehint>', response_type: 'multiplechoiceresponse' } } },
    ...fields,
  });
const inInterval = (d: string) => d === '2016-09-07';

describe('latest responses (edX LatestProblemResponseDataTask)', () => {
  it('keeps server problem_check events of the interval with a username, and names every drop', () => {
    expect(responseEventFromLine(check({}), inInterval)).toHaveProperty('check');
    expect(responseEventFromLine(check({ username: '  ' }), inInterval)).toEqual({ drop: ['Problem Response', 'Discard Missing Username'] });
    expect(responseEventFromLine(check({ time: '2016-09-08T00:00:00' }), inInterval)).toEqual({ drop: ['Event', 'Discard Outside Date Interval'] });
    expect(responseEventFromLine(check({ event_source: null }), inInterval)).toEqual({ drop: ['Problem Response', 'Discard Missing Event Source'] });
    expect(responseEventFromLine(check({ event_source: 'browser' }), inInterval)).toEqual({ ignore: true });
    expect(responseEventFromLine('{not json', inInterval)).toEqual({ drop: ['Event', 'Discard Unparseable Event'] });
  });

  it("takes the latest attempt's answers, with attempt count and first/last times; hints and extra spaces cleaned", () => {
    const first = responseEventFromLine(check({ time: '2016-09-07T04:00:00+00:00' }), inInterval) as { check: { timestamp: string; json: string } };
    const last = responseEventFromLine(check({}), inInterval) as { check: { timestamp: string; json: string } };
    const records = latestResponseRecords(['course-v1:A+B+C', 'p', 'velma'], [[last.check.timestamp, last.check.json], [first.check.timestamp, first.check.json]], pythonSubRegex(DEFAULT_CLEAN_TEXT_REGEX, 'x'));
    expect(records).toEqual([
      expect.objectContaining({ answerId: 'p_2_1', problem: 'Quiz', question: 'Which?', score: '1.0', maxScore: '2.0', correct: true, answer: ['Yes '], totalAttempts: 2, firstAttemptDate: '2016-09-07T04:00:00', lastAttemptDate: '2016-09-07T05:00:10.123456' }),
    ]);
  });
});

describe('report cells (Python 2 as edX wrote them)', () => {
  const format: ReportFormat = { fields: ['username', 'answer', 'score', 'correct', 'first_attempt_date', 'location'], datetimeFormat: null, listDelimiter: null, pathDelimiter: ' / ', deletedBlocksPath: 'x' };
  const record = (username: string, sortIdx: number, extra: Partial<LocatedRecord> = {}): LocatedRecord => ({
    courseId: 'c', answerId: 'a', problemId: 'p', problem: 'P', username, question: '', score: '0.5', maxScore: '1.0', correct: null,
    answer: ['a', 'b'], totalAttempts: 1, firstAttemptDate: '2016-09-07T05:00:10.123456', lastAttemptDate: '2016-09-07T05:00:10', location: 'S, "T" / P', sortIdx, ...extra,
  });

  it('sorts by sort index then username, quotes minimally, CRLF, tuple repr and str(datetime) by default', () => {
    const csv = courseReportCsv([record('zed', 3), record('amy', 3), record('bob', -1)], format);
    expect(csv.split('\r\n')).toEqual([
      'username,answer,score,correct,first_attempt_date,location',
      `bob,"(u'a', u'b')",0.5,None,2016-09-07 05:00:10.123456,"S, ""T"" / P"`,
      `amy,"(u'a', u'b')",0.5,None,2016-09-07 05:00:10.123456,"S, ""T"" / P"`,
      `zed,"(u'a', u'b')",0.5,None,2016-09-07 05:00:10.123456,"S, ""T"" / P"`,
      '',
    ]);
  });

  it('helpers: floats, literals, strftime, cleaning', () => {
    expect([1, 0, 0.1 + 0.2, 1 / 3, 1e20].map(python2FloatStr)).toEqual(['1.0', '0.0', '0.3', '0.333333333333', '1e+20']);
    // '%.12g' switches to the exponent form below 1e-4 (toPrecision only below 1e-6), and from 1e12.
    expect([1e-4, 1e-5, 0.0000123456789, 1e12, 999999999999, 9.99999999999999, -2.5, NaN, -Infinity].map(python2FloatStr)).toEqual(['0.0001', '1e-05', '1.23456789e-05', '1e+12', '999999999999.0', '10.0', '-2.5', 'nan', '-inf']);
    expect([pythonStringLiteral('"|"'), pythonStringLiteral('"\\n"'), pythonStringLiteral('|')]).toEqual(['|', '\n', '|']);
    expect(strftime('%Y-%m-%dT%H', parseDatetimeParameter('2016-09-08T000000'))).toBe('2016-09-08T00');
    expect(cleanText(['a\t\tb', 'c<choicehint selected="true">x</choicehint>'], pythonSubRegex(DEFAULT_CLEAN_TEXT_REGEX, 'x'))).toEqual(['a b', 'c']);
  });
});
