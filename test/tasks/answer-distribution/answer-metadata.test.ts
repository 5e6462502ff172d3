import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, MissingInputDataError } from '../../../src/core/index.js';
import { loadAnswerMetadata, parseAnswerMetadata, type AnswerMetadata } from '../../../src/tasks/answer-distribution/answer-metadata.js';
import { AnswerMetadataCrash } from '../../../src/tasks/answer-distribution/answer-metadata-fill.js';
import { DEFAULT_VALID_RESPONSE_TYPES, parseValidResponseTypes, type DistributionRow } from '../../../src/tasks/answer-distribution/columns.js';
import { distributeAnswers, type TimedRecord } from '../../../src/tasks/answer-distribution/distribution.js';
import { AnswerDistributionPerCourse } from '../../../src/tasks/answer-distribution/index.js';

// Stage 2 rules of edX's add_metadata_to_answer, on records as stage 1 writes them; edX's five metadata unit cases come first, in our own data.
const PART = 'block-v1:Uni+Bio101+2013+type@problem+block@cells_2_1';
const PROBLEM = 'block-v1:Uni+Bio101+2013+type@problem+block@cells';
const VALID = parseValidResponseTypes(DEFAULT_VALID_RESPONSE_TYPES);
const LATER = '2013-06-02T10:00:00.000000';
const EARLIER = '2013-06-01T10:00:00.000000';

/** A record of an old event (no `submission`): its answer is only an answer_value_id, with no type, question or display name. */
function oldRecord(answerValueId: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { answer_value_id: answerValueId, problem_display_name: null, variant: '1', correct: false, problem_id: PROBLEM, attempt_category: 'last', ...extra };
}

/** A record of a newer event, from its `submission`. */
function newRecord(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    answer: 'Mitochondrion', problem_display_name: 'Cell parts', variant: '', correct: true, problem_id: PROBLEM,
    input_type: 'textline', question: 'Which organelle makes ATP?', response_type: 'stringresponse', attempt_category: 'last', ...extra,
  };
}

function metadata(entry: Record<string, unknown>): AnswerMetadata {
  const base = { question: 'Which of these are organelles?', response_type: 'multiplechoiceresponse', input_type: 'choicegroup', problem_display_name: 'Cell parts (2013)' };
  return parseAnswerMetadata(JSON.stringify({ [PART]: { ...base, ...entry } }), 'meta.json');
}

function distribute(records: [string, Record<string, unknown>][], meta?: AnswerMetadata) {
  const values: TimedRecord[] = records.map(([timestamp, record]) => [timestamp, JSON.stringify(record)]);
  return distributeAnswers(PART, values, VALID, meta);
}

function row(cells: Partial<DistributionRow>): DistributionRow {
  return {
    ModuleID: PROBLEM, PartID: PART, ValueID: '', AnswerValue: '', Variant: '1', 'Problem Display Name': 'Cell parts (2013)',
    Question: 'Which of these are organelles?', 'Correct Answer': '0', 'First Response Count': 0, 'Last Response Count': 1, ...cells,
  };
}

describe("answer metadata: edX's cases", () => {
  it('maps an old choice id to its text and fills question and display name', () => {
    const meta = metadata({ answer_value_id_map: { choice_1: 'Nucleus ō', choice_2: 'Ribosome' } });
    expect(distribute([[LATER, oldRecord('choice_1')]], meta)).toEqual({ rows: [row({ ValueID: 'choice_1', AnswerValue: 'Nucleus ō' })] });
  });

  it('maps every id of an old multi-choice answer', () => {
    const meta = metadata({ answer_value_id_map: { choice_1: 'Nucleus', choice_2: 'Ribosome' } });
    expect(distribute([[LATER, oldRecord(['choice_1', 'choice_2'])]], meta)).toEqual({
      rows: [row({ ValueID: '[choice_1|choice_2]', AnswerValue: '[Nucleus|Ribosome]' })],
    });
  });

  it('leaves AnswerValue empty for choice ids when the entry has no answer_value_id_map', () => {
    expect(distribute([[LATER, oldRecord(['choice_1', 'choice_2'])]], metadata({}))).toEqual({ rows: [row({ ValueID: '[choice_1|choice_2]' })] });
    expect(distribute([[LATER, oldRecord('choice_1')]], metadata({}))).toEqual({ rows: [row({ ValueID: 'choice_1' })] });
  });

  it('moves the answer_value_id of a part that is not a choice into the answer', () => {
    const meta = metadata({ response_type: 'optionresponse' });
    expect(distribute([[LATER, oldRecord('Golgi ²')]], meta)).toEqual({ rows: [row({ AnswerValue: 'Golgi ²' })] });
  });
});

describe('answer metadata: the rules around them', () => {
  it('counts a part whose newest record is old, which is dropped without metadata', () => {
    expect(distribute([[LATER, oldRecord('choice_1')]])).toEqual({ skip: 'response_type_missing' });
  });

  it('gives "" for an id missing from the map, and reduces mapped HTML to text as for new events', () => {
    const meta = metadata({ answer_value_id_map: { choice_1: '<p>Nucleus <b>(cell)</b></p>  ' } });
    expect(distribute([[LATER, oldRecord(['choice_1', 'choice_9'])]], meta)).toEqual({
      rows: [row({ ValueID: '[choice_1|choice_9]', AnswerValue: '[Nucleus (cell)|]' })],
    });
  });

  it('fills only empty values, and only from strings', () => {
    const meta = metadata({ response_type: 'stringresponse', question: 'Question from the file', problem_display_name: 7 });
    const record = newRecord({ problem_display_name: null, question: '' });
    // question "" is empty, so it is filled; the display name stays null because 7 is not a string.
    expect(distribute([[LATER, record]], meta)).toEqual({
      rows: [row({ AnswerValue: 'Mitochondrion', Variant: '', 'Problem Display Name': '', Question: 'Question from the file', 'Correct Answer': '1' })],
    });
    const full = newRecord();
    expect(distribute([[LATER, full]], meta)).toEqual({
      rows: [row({ AnswerValue: 'Mitochondrion', Variant: '', 'Problem Display Name': 'Cell parts', Question: 'Which organelle makes ATP?', 'Correct Answer': '1' })],
    });
  });

  it('fills any key with a string, not only the documented ones (a missing seed gets the file\'s variant)', () => {
    const meta = metadata({ response_type: 'numericalresponse', variant: '42' });
    expect(distribute([[LATER, oldRecord('3.5', { variant: null })]], meta)).toEqual({ rows: [row({ AnswerValue: '3.5', Variant: '42' })] });
  });

  it('groups an old answer with the same newer one, which decides the row', () => {
    const meta = metadata({ response_type: 'stringresponse' });
    const rows = distribute([[EARLIER, oldRecord('Mitochondrion', { attempt_category: 'first' })], [LATER, newRecord()]], meta);
    expect(rows).toEqual({
      rows: [row({ AnswerValue: 'Mitochondrion', Variant: '', 'Problem Display Name': 'Cell parts', Question: 'Which organelle makes ATP?', 'Correct Answer': '1', 'First Response Count': 1 })],
    });
  });

  it('still skips a part whose entry gives no response_type (its ids become answers, but the type is unknown)', () => {
    const meta = parseAnswerMetadata(JSON.stringify({ [PART]: { question: 'Q?' } }), 'meta.json');
    expect(distribute([[LATER, oldRecord('choice_1')]], meta)).toEqual({ skip: 'response_type_missing' });
  });

  it('leaves parts the file does not name as they were', () => {
    const meta = parseAnswerMetadata(JSON.stringify({ 'some-other-part': { response_type: 'choiceresponse' }, [PART]: null }), 'meta.json');
    expect(distribute([[LATER, oldRecord('choice_1')]], meta)).toEqual({ skip: 'response_type_missing' });
  });

  it("raises where edX raises: a record with neither answer nor answer_value_id, if it is the newest or the part counts", () => {
    const meta = metadata({ response_type: 'stringresponse' });
    const broken = newRecord();
    delete broken.answer;
    const crash = (records: [string, Record<string, unknown>][]) => () => distribute(records, meta);
    expect(crash([[LATER, broken]])).toThrow(AnswerMetadataCrash);
    expect(crash([[EARLIER, broken], [LATER, newRecord()]])).toThrow(AnswerMetadataCrash);
    // An older broken record of a part that is not counted: edX never completes it.
    const uncounted = newRecord({ response_type: 'imageresponse' });
    expect(distribute([[EARLIER, broken], [LATER, uncounted]], meta)).toEqual({ skip: 'response_type_not_counted' });
    // A choice id list holding a list: unhashable as a key of answer_value_id_map.
    const nested = metadata({ answer_value_id_map: { choice_1: 'Nucleus' } });
    expect(() => distribute([[LATER, oldRecord([['choice_1']])]], nested)).toThrow(expect.objectContaining({ reason: 'metadata_answer_value_id_unhashable' }));
  });
});

describe('answer metadata file: one line naming the file and the fix', () => {
  const parse = (text: string) => () => parseAnswerMetadata(text, 'meta.json');

  it('refuses text that is not JSON, a BOM included', () => {
    expect(parse('{"a": ')).toThrow(/--answer-metadata meta\.json: not valid JSON: /);
    expect(parse('\ufeff{}')).toThrow(/byte order mark/);
  });

  it('refuses a file that is not an object keyed by answer id', () => {
    expect(parse('[1, 2]')).toThrow(/meta\.json: must be a JSON object keyed by answer id, not a list/);
  });

  it('names the answer id whose entry or map has the wrong shape', () => {
    expect(parse('{"part_a": "multiplechoiceresponse"}')).toThrow(/meta\.json: the entry of answer "part_a" must be a JSON object, not a string/);
    expect(parse('{"part_b": {"answer_value_id_map": ["x"]}}')).toThrow(/answer_value_id_map of answer "part_b" must be a JSON object/);
    expect(parse('{"part_c": {"answer_value_id_map": null}}')).toThrow(/answer_value_id_map of answer "part_c"/);
  });

  it('keeps object entries and takes a null entry as none', () => {
    const meta = parseAnswerMetadata('{"part_a": {"question": "Q"}, "part_b": null}', 'meta.json');
    expect([...meta.keys()]).toEqual(['part_a']);
  });
});

describe('answer metadata file on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'answer-metadata-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a UTF-8 file', () => {
    const path = join(dir, 'ok.json');
    writeFileSync(path, JSON.stringify({ part_a: { question: 'Qué?' } }));
    expect(loadAnswerMetadata(path).get('part_a')).toEqual({ question: 'Qué?' });
  });

  it('names a missing file as missing input (exit code 2), and a directory or non-UTF-8 bytes as bad input', () => {
    const missing = join(dir, 'nope.json');
    expect(() => loadAnswerMetadata(missing)).toThrow(MissingInputDataError);
    expect(() => loadAnswerMetadata(missing)).toThrow(`--answer-metadata ${missing}: no such file`);
    expect(() => loadAnswerMetadata(dir)).toThrow(InputError);
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from('{"part_a": {"question": "Qu\xe9?"}}', 'latin1'));
    expect(() => loadAnswerMetadata(latin1)).toThrow(/not UTF-8 text/);
  });
});

describe('AnswerDistributionPerCourse with --answer-metadata', () => {
  const dir = mkdtempSync(join(tmpdir(), 'answer-metadata-task-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'meta.json');
  writeFileSync(path, JSON.stringify({ [PART]: { response_type: 'multiplechoiceresponse', problem_display_name: 'Cell parts (2013)', answer_value_id_map: { choice_1: 'Nucleus' } } }));
  const task = new AnswerDistributionPerCourse({ src: ['/logs'], dest: '/out', name: 'n', answerMetadata: path });
  const reduce = (records: Record<string, unknown>[]) =>
    [...task.reducer(['Uni/Bio101/2013', PART], records.map((record): TimedRecord => [LATER, JSON.stringify(record)]))] as [string, string][];

  it('emits the completed rows and counts the parts the file names', () => {
    const [[courseId, json]] = reduce([oldRecord('choice_1')]) as [[string, string]];
    expect(courseId).toBe('Uni/Bio101/2013');
    expect(JSON.parse(json)).toMatchObject({ ValueID: 'choice_1', AnswerValue: 'Nucleus', 'Problem Display Name': 'Cell parts (2013)' });
    expect(task.counters.get('Answer distribution', 'parts with answer metadata')).toBe(1);
  });

  it("drops and counts a part on which edX's metadata step raises, instead of failing the job", () => {
    const broken = newRecord({ response_type: 'multiplechoiceresponse' });
    delete broken.answer;
    expect(reduce([broken])).toEqual([]);
    expect(task.counters.get('Answer distribution', 'crash_dropped:metadata_record_without_answer_value_id (part)')).toBe(1);
  });
});
