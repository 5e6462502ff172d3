// The cases of edX's unit tests for problem_response.py, rule by rule, with our own data and words.
import { describe, expect, it } from 'vitest';
import { courseBlocksOf, courseReportCsv, latestResponseRecords, locate, responseEventFromLine, type CourseBlock, type LocatedRecord, type ReportFormat } from '../../../src/tasks/problem-response/index.js';
import { filenameSafeCourseId } from '../../../src/tasks/answer-distribution/course-csv.js';
import { courseBlockTsv } from '../../../src/tasks/problem-response/course-blocks-task.js';
import { DEFAULT_CLEAN_TEXT_REGEX, partitionValue } from '../../../src/tasks/problem-response/parameters.js';
import { cleanText, pythonSubRegex } from '../../../src/tasks/problem-response/python-text.js';

const COURSE = 'course-v1:Lakeside+BIO2+2019';
const PROBLEM = 'block-v1:Lakeside+BIO2+2019+type@problem+block@cells';
const hints = pythonSubRegex(DEFAULT_CLEAN_TEXT_REGEX, 'test');

const event = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    username: 'rosalind', event_source: 'server', event_type: 'problem_check', time: '2019-04-02T08:15:00.250000+00:00',
    context: { course_id: COURSE, user_id: 7, module: { display_name: 'Cells' } },
    event: { problem_id: PROBLEM, attempts: 1, answers: { cells_2_1: 'choice_2' }, correct_map: { cells_2_1: { correctness: 'incorrect' } }, grade: 0, max_grade: 1, success: 'incorrect' },
    ...fields,
  });
const onApril2 = (day: string) => day === '2019-04-02';

describe('mapper (edX LatestProblemResponseTaskMapTest)', () => {
  it('keys a kept event by (course, problem, username) and values it by (timestamp, event data with context and username)', () => {
    const result = responseEventFromLine(event(), onApril2);
    if (!('check' in result)) throw new Error(JSON.stringify(result));
    expect([result.check.courseId, result.check.problemId, result.check.username, result.check.timestamp]).toEqual([COURSE, PROBLEM, 'rosalind', '2019-04-02T08:15:00.250000']);
    expect(JSON.parse(result.check.json)).toMatchObject({ problem_id: PROBLEM, success: 'incorrect', username: 'rosalind', timestamp: '2019-04-02T08:15:00.250000', context: { course_id: COURSE } });
  });

  it.each([
    ['a time outside the interval', { time: '2019-03-01T08:15:00+00:00' }],
    ['an empty username', { username: '' }],
    ['no event type', { event_type: null }],
    ['no event source', { event_source: null }],
    ['a browser event', { event_source: 'browser' }],
    ['a course id that is not one', { context: { course_id: 'not-a-course' } }],
    ['an event payload that is plain text', { event: 'garbled' }],
    ['no problem id', { event: { answers: { cells_2_1: 'choice_2' }, correct_map: {} } }],
  ])('when the event has %s then nothing is kept', (_what, fields) => {
    expect(responseEventFromLine(event(fields), onApril2)).not.toHaveProperty('check');
  });

  it('keeps a correct answer as well as an incorrect one', () => {
    expect(responseEventFromLine(event({ event: { ...JSON.parse(event()).event, success: 'correct' } }), onApril2)).toHaveProperty('check');
  });

  it('the key keeps the username as written (edX strips it only to test that it is not blank)', () => {
    const result = responseEventFromLine(event({ username: ' rosalind ' }), onApril2);
    expect(result).toMatchObject({ check: { username: ' rosalind ' } });
  });
});

// One attempt as the mapper values it, answering part `partId` (each attempt its own part, as in edX's test).
function attempt(minute: number, partId: string, answer: unknown, correctness: string | null) {
  const data = {
    problem_id: PROBLEM, attempts: minute + 1, grade: 0, max_grade: 1, username: 'rosalind',
    context: { course_id: COURSE, module: { display_name: 'Why do cells divide?' } },
    submission: { [partId]: { question: 'Pick the main reason' } },
    answers: { [partId]: answer },
    correct_map: { [partId]: { correctness } },
    timestamp: `2019-04-02T08:${String(minute).padStart(2, '0')}:00`,
  };
  return [data.timestamp, JSON.stringify(data)] as [string, string];
}

describe('reducer (edX LatestProblemResponseTaskReducerTest)', () => {
  const attempts = [
    attempt(0, 'p0', ['To grow'], 'correct'),
    attempt(1, 'p1', 'To\nstay     small', 'incorrect'),
    attempt(2, 'p2', 'To repair <choicehint title="a hint\nover two lines"\\>', 'correct'),
    attempt(3, 'p3', 'By accident <choicehint label="no">Not\nreally</choicehint>', 'incorrect'),
    attempt(4, 'p4', ['To grow', 'To repair'], 'correct'),
    attempt(5, 'p5', ['By accident <choicehint>Think again</choicehint>', 'To repair <choicehint selected="" title="x" \\>'], 'incorrect'),
    attempt(6, 'p6', "They don't.", 'unknown'),
  ];
  const expected: [string[], boolean | null][] = [
    [['To grow'], true], [['To stay small'], false], [['To repair '], true], [['By accident '], false],
    [['To grow', 'To repair'], true], [['By accident ', 'To repair '], false], [["They don't."], null],
  ];
  const reduce = (values: [string, string][]) => latestResponseRecords([COURSE, PROBLEM, 'rosalind'], values, hints);

  it('gives nothing for no attempts', () => {
    expect(reduce([])).toEqual([]);
  });

  // Every attempt alone, all of them, and some runs of them; given in reverse, since their order must not matter.
  it.each([[0, 7], [0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7], [1, 3], [2, 5], [3, 7]])(
    'attempts %i to %i: only the latest one\'s part, cleaned, with the count and first and last times',
    (from, to) => {
      const [answer, correct] = expected[to - 1]!;
      expect(reduce(attempts.slice(from, to).reverse())).toEqual([{
        courseId: COURSE, answerId: `p${to - 1}`, problemId: PROBLEM, problem: 'Why do cells divide?', username: 'rosalind',
        question: 'Pick the main reason', score: '0.0', maxScore: '1.0', correct, answer, totalAttempts: to - from,
        firstAttemptDate: attempts[from]![0], lastAttemptDate: attempts[to - 1]![0],
      }]);
    },
  );

  it('two attempts at the same time: the one whose JSON sorts last is the latest (edX sorts (time, json) pairs)', () => {
    const [time, a] = attempt(0, 'pa', 'A', 'correct');
    const b = a.replace('"pa"', '"pb"').replace(/"pa"/g, '"pb"');
    expect(reduce([[time, b], [time, a]]).map((r) => r.answerId)).toEqual(['pb']);
    expect(reduce([[time, a], [time, b]]).map((r) => r.answerId)).toEqual(['pb']);
  });
});

describe('answer parts (edX _generate_answers, as get_answer_data reads it)', () => {
  const reduce = (data: Record<string, unknown>) => latestResponseRecords([COURSE, PROBLEM, 'rosalind'], [['2019-04-02T08:00:00', JSON.stringify(data)]], hints);
  const base = { problem_id: PROBLEM, grade: 1, max_grade: 2, username: 'rosalind', timestamp: '2019-04-02T08:00:00', context: { course_id: COURSE, module: { display_name: 'Cells' } } };

  it('with a submission: its answer text, the raw value only when there is no text; hidden _dynamath and _comment parts left out', () => {
    const records = reduce({
      ...base,
      answers: { a_2_1: 'choice_1', a_3_1: '7', a_3_1_dynamath: '<math/>', a_4_1_comment: 'note' },
      submission: { a_2_1: { question: 'Q1', answer: 'Mitosis' }, a_3_1: { question: 'Q2' }, a_3_1_dynamath: { answer: 'x' }, a_4_1_comment: { answer: 'y' } },
      correct_map: { a_2_1: { correctness: 'correct' }, a_3_1: { correctness: 'incorrect' } },
    });
    expect(records.map((r) => [r.answerId, r.question, r.answer, r.correct, r.score, r.maxScore])).toEqual([
      ['a_2_1', 'Q1', ['Mitosis'], true, '1.0', '2.0'],
      ['a_3_1', 'Q2', ['7'], false, '1.0', '2.0'],
    ]);
  });

  it('an old event without submission: the raw value, no question; a part missing from correct_map is left out', () => {
    const records = reduce({ ...base, answers: { a_2_1: 'choice_1', a_5_1: 'x' }, correct_map: { a_2_1: { correctness: 'correct' } } });
    expect(records.map((r) => [r.answerId, r.question, r.answer, r.correct])).toEqual([['a_2_1', '', ['choice_1'], true]]);
  });

  it('a grade that is missing is None', () => {
    expect(reduce({ ...base, grade: undefined, max_grade: null, answers: { a_2_1: 'c' }, correct_map: { a_2_1: {} } })).toMatchObject([{ score: 'None', maxScore: 'None', correct: null }]);
  });
});

describe('clean_text_regex (edX test_clean_text_regex)', () => {
  it.each([
    [hints, 'Choice ', 'Choice '],
    [hints, 'Choice <choicehint>Hint</choicehint>', 'Choice '],
    [hints, 'Choice  \t\n\r<choicehint>Hint</choicehint>', 'Choice '],
    [null, 'Choice <choicehint>Hint</choicehint>', 'Choice <choicehint>Hint</choicehint>'],
  ])('cleans a text and every text of a list alike (%#)', (regex, input, output) => {
    expect(cleanText(input, regex)).toBe(output);
    expect(cleanText([input], regex)).toEqual([output]);
  });
});

describe('report (edX ProblemResponseReportTask tests)', () => {
  const format = (over: Partial<ReportFormat> = {}): ReportFormat => ({
    fields: ['course_id', 'answer_id', 'problem_id', 'problem', 'username', 'question', 'score', 'max_score', 'correct', 'answer', 'total_attempts', 'first_attempt_date', 'last_attempt_date', 'location', 'sort_idx'],
    datetimeFormat: '%Y-%m-%d %H:%M:%S.%f', listDelimiter: '|', pathDelimiter: ' / ', deletedBlocksPath: '(Deleted block :)', ...over,
  });
  const row = (i: number): LocatedRecord => ({
    courseId: 'course_a', answerId: `answer_${i}`, problemId: `problem_${i}`, problem: `problem ${i}`, username: `user_${i}`, question: `question ${i}`,
    score: '4.0', maxScore: '10.0', correct: false, answer: [`answer ${i}`], totalAttempts: 20,
    firstAttemptDate: '2018-07-03T00:00:00', lastAttemptDate: '2018-07-03T00:00:00', location: '', sortIdx: i,
  });

  it('every record field by default, in record order; rows by sort index', () => {
    const lines = courseReportCsv([row(11), row(2), row(10)], format()).split('\r\n');
    expect(lines[0]).toBe('course_id,answer_id,problem_id,problem,username,question,score,max_score,correct,answer,total_attempts,first_attempt_date,last_attempt_date,location,sort_idx');
    expect(lines.slice(1)).toEqual([
      'course_a,answer_2,problem_2,problem 2,user_2,question 2,4.0,10.0,False,answer 2,20,2018-07-03 00:00:00.000000,2018-07-03 00:00:00.000000,,2',
      'course_a,answer_10,problem_10,problem 10,user_10,question 10,4.0,10.0,False,answer 10,20,2018-07-03 00:00:00.000000,2018-07-03 00:00:00.000000,,10',
      'course_a,answer_11,problem_11,problem 11,user_11,question 11,4.0,10.0,False,answer 11,20,2018-07-03 00:00:00.000000,2018-07-03 00:00:00.000000,,11',
      '',
    ]);
  });

  it('only the chosen fields, in the chosen order', () => {
    expect(courseReportCsv([row(1)], format({ fields: ['username', 'course_id'] }))).toBe('username,course_id\r\nuser_1,course_a\r\n');
  });

  it.each([
    [null, '2016-10-12 12:43:13.235134'],
    ['%Y-%m-%d', '2016-10-12'],
  ])('dates in format %s', (datetimeFormat, text) => {
    const r = { ...row(1), firstAttemptDate: '2016-10-12T12:43:13.235134' };
    expect(courseReportCsv([r], format({ fields: ['first_attempt_date'], datetimeFormat }))).toBe(`first_attempt_date\r\n${text}\r\n`);
  });

  it('a list without a delimiter is printed as Python 2 printed the tuple', () => {
    const r = { ...row(1), answer: ['a', 'b'] };
    expect(courseReportCsv([r], format({ fields: ['answer'], listDelimiter: null }))).toBe(`answer\r\n"(u'a', u'b')"\r\n`);
  });

  it('an empty answer (a checkbox left blank) reads back from the partition as one empty item, as in edX', () => {
    const r = { ...row(1), answer: [] };
    expect(courseReportCsv([r], format({ fields: ['answer'], listDelimiter: null }))).toBe(`answer\r\n"(u'',)"\r\n`);
    expect(courseReportCsv([r], format({ fields: ['answer', 'username'] }))).toBe('answer,username\r\n,user_1\r\n');
  });

  it('list items without a delimiter are in Python 2 unicode repr: non-ASCII escaped, quotes chosen as Python did', () => {
    const r = { ...row(1), answer: ['caf\u00e9', "it's", '\u{1f600}', '\u2028', 'tab\there', 'back\\slash'] };
    const cell = String.raw`(u'caf\xe9', u"it's", u'\U0001f600', u'\u2028', u'tab\there', u'back\\slash')`;
    expect(courseReportCsv([r], format({ fields: ['answer'], listDelimiter: null }))).toBe(`answer\r\n"${cell.replace(/"/g, '""')}"\r\n`);
  });

  it("a course id becomes a file name edX's way", () => {
    expect(filenameSafeCourseId('my:course:id')).toBe('my_course_id');
  });

  it('the partition is named by --datetime down to the minute when the format asks for it', () => {
    expect(partitionValue('2019-04-02T081530', '%Y%m%dT%H%M')).toBe('20190402T0815');
  });
});

describe('location join (edX ProblemResponseLocationPartitionTask)', () => {
  const block = (courseId: string, coursePath: string, sortIdx: number): CourseBlock => ({
    blockId: 'i4x://Lakeside/BIO2/problem/cells', courseId, blockType: 'problem', displayName: 'Cells', isRoot: false, isOrphan: false, isDag: false, parentBlockId: 'u', coursePath, sortIdx,
  });
  const fmt: ReportFormat = { fields: ['location'], datetimeFormat: null, listDelimiter: null, pathDelimiter: ' / ', deletedBlocksPath: '(Deleted block :)' };
  const answer = { ...latestResponseRecords([COURSE, PROBLEM, 'rosalind'], [attempt(0, 'p0', 'x', 'correct')], null)[0]!, problemId: 'i4x://Lakeside/BIO2/problem/cells' };

  it('a problem not in the structure goes under the deleted-blocks path, first', () => {
    expect(locate(answer, new Map(), fmt)).toMatchObject({ location: '(Deleted block :) / Why do cells divide?', sortIdx: -1 });
  });

  it("a legacy block id shared by two runs of a course is placed by the answer's own run", () => {
    const own = block('Lakeside/BIO2/2019', 'Week 1 / Cells / Unit', 4);
    const other = block('Lakeside/BIO2/2018', 'Old week / Cells / Unit', 9);
    const record = { ...answer, courseId: 'Lakeside/BIO2/2019' };
    for (const order of [[own, other], [other, own]]) {
      const blocks = new Map<string, CourseBlock[]>();
      for (const b of order) blocks.set(b.blockId, [...(blocks.get(b.blockId) ?? []), b]);
      expect(locate(record, blocks, fmt)).toMatchObject({ location: 'Week 1 / Cells / Unit / Why do cells divide?', sortIdx: 4 });
    }
  });
});

describe('where edX raised, what we do instead (docs: Differences from edX)', () => {
  const [time, json] = attempt(0, 'p0', 'x', 'correct');
  const data = JSON.parse(json) as Record<string, unknown>;
  const reduce = (d: Record<string, unknown>) => latestResponseRecords([COURSE, PROBLEM, 'rosalind'], [[time, JSON.stringify(d)]], hints);

  it('a problem id that is not text is dropped (edX\'s record refused it)', () => {
    for (const problemId of [{ a: 1 }, 5, ['x']]) {
      const text = event({ event: { ...JSON.parse(event()).event, problem_id: problemId } });
      expect(responseEventFromLine(text, onApril2)).toEqual({ drop: ['Problem Response', 'Discard Problem Id Not A String'] });
    }
  });

  it('a latest attempt without a problem name gets an empty one', () => {
    expect(reduce({ ...data, context: { course_id: COURSE } })).toMatchObject([{ problem: '', answer: ['x'] }]);
  });

  it('a part missing from correct_map has unknown correctness', () => {
    expect(reduce({ ...data, correct_map: {} })).toMatchObject([{ answerId: 'p0', correct: null }]);
  });

  it('an attempt whose submission part is not an object is dropped in the mapper, latest or not', () => {
    const bad = event({ event: { ...JSON.parse(event()).event, submission: { cells_2_1: 'text' } } });
    expect(responseEventFromLine(bad, onApril2)).toEqual({ drop: ['Problem Response', 'Discard Malformed Problem Check (submission_entry_not_object)'] });
  });
});

describe('course blocks names (edX CourseBlockRecord: display_name truncated to 255, then whitespace runs made one space)', () => {
  const dump = (name: string) =>
    JSON.stringify({ course_id: COURSE, root: 'r', blocks: { r: { id: 'r', type: 'course', display_name: name, children: ['p'] }, p: { id: 'p', type: 'problem', display_name: 'P' } } });
  const paths = { pathDelimiter: ' / ', deletedBlocksPath: '(Deleted block :)', sortOrphanBlocksUp: false };

  it('only ASCII whitespace counts (Python 2 without re.UNICODE): a no-break space stays', () => {
    const [root, problem] = courseBlocksOf(dump('Week\u00a01 \t\n Basics'), paths)!;
    expect([root!.displayName, problem!.coursePath]).toEqual(['Week\u00a01 Basics', 'Week\u00a01 Basics']);
  });

  it('a long name is cut at 255 characters before its whitespace is squeezed', () => {
    const name = `A${' '.repeat(10)}${'b'.repeat(300)}`;
    expect(courseBlocksOf(dump(name), paths)![0]!.displayName).toBe(`A ${'b'.repeat(244)}`);
  });
});

describe('course blocks partition lines (edX CourseBlocksApiData mapper and reducer tests)', () => {
  const paths = { pathDelimiter: ' / ', deletedBlocksPath: '(Deleted block :)', sortOrphanBlocksUp: false };
  const lines = (dump: object, up = false) => courseBlocksOf(JSON.stringify(dump), { ...paths, sortOrphanBlocksUp: up })?.map(courseBlockTsv);

  it.each([{ x: 'y' }, { blocks: {} }, { blocks: {}, root: '' }, { blocks: {}, root: 'top' }, { course_id: 1, blocks: { top: {} }, root: 'top' }])(
    'a dump line without a course id, a root, or the root among its blocks gives no blocks (%j)',
    (dump) => expect(courseBlocksOf(JSON.stringify(dump), paths)).toBeNull(),
  );

  it.each([false, true])('a course that is only its root: one line, root flag set, no parent, empty path, index 0 (orphans up: %s)', (up) => {
    expect(lines({ course_id: COURSE, root: 'top', blocks: { top: { id: 'top', type: 'course', display_name: 'Biology' } } }, up)).toEqual([
      ['top', COURSE, 'course', 'Biology', '1', '0', '0', '\\N', '', '0'].join('\t'),
    ]);
  });

  it('a block met again deeper down keeps its first place; the deeper parent does not reach past it', () => {
    const b = (id: string, children: string[] = []) => ({ id, type: 'vertical', display_name: id.toUpperCase(), children });
    const dump = { course_id: COURSE, root: 'a', blocks: { a: b('a', ['b', 'f']), b: b('b', ['c', 'e']), c: b('c', ['d']), d: b('d'), e: b('e', ['c']), f: b('f'), lost: b('lost') } };
    expect(lines(dump)!.map((l) => l.split('\t').filter((_, i) => i !== 1 && i !== 2 && i !== 3).join(' '))).toEqual([
      'a 1 0 0 \\N  0', 'b 0 0 0 a A 1', 'c 0 0 1 b A / B 2', 'd 0 0 0 c A / B / C 3', 'e 0 0 0 b A / B 4', 'f 0 0 0 a A 5', 'lost 0 1 0 \\N (Deleted block :) 7',
    ]);
  });
});
