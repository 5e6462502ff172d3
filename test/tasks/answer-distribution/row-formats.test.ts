import { describe, expect, it } from 'vitest';
import { DEFAULT_VALID_RESPONSE_TYPES, parseValidResponseTypes } from '../../../src/tasks/answer-distribution/columns.js';
import { courseCsv, courseCsvRelativePath, filenameSafeCourseId } from '../../../src/tasks/answer-distribution/course-csv.js';
import { distributeAnswers } from '../../../src/tasks/answer-distribution/distribution.js';
import { htmlToText } from '../../../src/tasks/answer-distribution/html-text.js';
import { mysqlTsv, perCourseTsv, tsvCell } from '../../../src/tasks/answer-distribution/canonical-tsv.js';
import { mysqlRow, storableCell } from '../../../src/tasks/answer-distribution/mysql-rows.js';
import { distributionRow } from './support/distribution-row.js';

const row = distributionRow;

describe('HTML choice text', () => {
  it.each([
    ['<p First <br>Choice', 'Choice'],
    ['First br>Choice', 'First br>Choice'],
    ['First Choice\t', 'First Choice'],
    ['<table><tr><td>Fourth</td><td>Chōice goes here.</td></tr></table>', 'Fourth Chōice goes here.'],
    ['a <!-- note -->b', 'a b'],
    ['<![CDATA[x]]>y', 'y'],
    ['<!DOCTYPE html>hi', 'hi'],
    ['x\u00a0\u2003y', 'x y'],
    // html5lib parses with scripting off: <noscript> holds markup, not raw text
    ['<noscript><b>No</b> script</noscript>', 'No script'],
    ['<p>a</p><noscript>&lt;b&gt; c</noscript>', 'a <b> c'],
  ])('when the markup is %j then the text is %j', (markup, text) => {
    expect(htmlToText(markup)).toBe(text);
  });
});

describe('per-course CSV files', () => {
  it('names old-style and course-v1 ids alike, in a folder named by the sha1 of the id', () => {
    expect(filenameSafeCourseId('foo/bar/baz')).toBe('foo_bar_baz');
    expect(filenameSafeCourseId('course-v1:foo+bar+baz')).toBe('foo_bar_baz');
    expect(filenameSafeCourseId('edX/Déjà/2014 T1')).toBe('edX_D_j__2014_T1');
    expect(courseCsvRelativePath('edX/E929/2014_T2')).toBe('c5f8c2730d010e96b5c091412fc6de88d55e875b/edX_E929_2014_T2_answer_distribution.csv');
  });

  it('quotes only cells with a comma, quote or line break, writes null as None, and ends lines with CRLF', () => {
    const text = courseCsv([row({ AnswerValue: 'a,b', Question: null }), row({ AnswerValue: 'say "hi"\nnow' })]);
    expect(text.split('\r\n')).toEqual([
      'ModuleID,PartID,Correct Answer,First Response Count,Last Response Count,ValueID,AnswerValue,Variant,Problem Display Name,Question',
      'm,p_2_1,0,0,1,,"a,b",,,None',
      'm,p_2_1,0,0,1,,"say ""hi""\nnow",,,',
      '',
    ]);
  });

  it('sorts rows as Python 2 sorts the column tuples: counts as numbers, None before strings', () => {
    const text = courseCsv([
      row({ 'First Response Count': 10, AnswerValue: 'ten' }),
      row({ 'First Response Count': 9, AnswerValue: 'nine' }),
      row({ 'First Response Count': 9, AnswerValue: 'nine', Question: null }),
    ]);
    expect(text.split('\r\n').slice(1, 4).map((l) => l.split(',').slice(3, 10).join(','))).toEqual(['9,1,,nine,,,None', '9,1,,nine,,,', '10,1,,ten,,,']);
  });
});

describe('MySQL rows', () => {
  it('reads the answer as a Python 2 float, with inf, nan and other text as NULL', () => {
    const numeric = (answer: string) => mysqlRow('c', row({ AnswerValue: answer }))[8];
    expect(numeric('1e3')).toBe(1000);
    expect(numeric(' -1.5 ')).toBe(-1.5);
    expect(numeric('.5')).toBe(0.5);
    expect(numeric('inf')).toBeNull();
    expect(numeric('NaN')).toBeNull();
    expect(numeric('1,000')).toBeNull();
    expect(numeric('0x10')).toBeNull();
    expect(numeric('1_000')).toBeNull();
    expect(numeric('-3d')).toBeNull();
  });

  it("turns empty cells into NULL and, as edX's loader does, the strings None, \\N, inf and -inf", () => {
    const cells = mysqlRow('c', row({ ValueID: 'None', AnswerValue: 'inf', Variant: 0, Question: '\\N', 'Problem Display Name': 'Quiz', 'Correct Answer': '1' }));
    expect(cells).toEqual(['c', 'm', 'p_2_1', 1, 0, 1, null, null, null, null, 'Quiz', null]);
  });
});

describe('MySQL rows of odd floats', () => {
  it("keeps a NaN or infinite seed, question or name as the float edX's row holds (its NULL coercion matches strings only)", () => {
    const cells = mysqlRow('c', row({ Variant: Number.NaN, Question: Number.POSITIVE_INFINITY, 'Problem Display Name': Number.NEGATIVE_INFINITY }));
    expect(mysqlTsv([cells]).split('\n')[1]!.split('\t').slice(9)).toEqual(['NaN', '-Infinity', 'Infinity']);
  });

  it('stores such a float in SQL as its Python text, or NULL where that text would be nulled', () => {
    expect(storableCell(Number.NaN, true)).toBe('nan');
    expect(storableCell(Number.POSITIVE_INFINITY, true)).toBeNull();
    expect(storableCell(Number.NEGATIVE_INFINITY, false)).toBe('-inf');
    expect(storableCell(2.5, true)).toBe(2.5);
  });
});

describe('canonical TSV text', () => {
  it('writes a lone surrogate (a \\udc00 escape in the log) as U+FFFD, and sorts rows by the text written', () => {
    expect(tsvCell('a\udc00b\ud800')).toBe('a\ufffdb\ufffd');
    expect(tsvCell('\u{1F600}')).toBe('\u{1F600}');
    const rows = ['\u{1F600}', '\udc00', '\ufeff'].map((AnswerValue) => ({ courseId: 'c', row: row({ AnswerValue }) }));
    const answers = perCourseTsv(rows).trimEnd().split('\n').slice(1).map((line) => line.split('\t')[7]);
    expect(answers).toEqual(['\ufeff', '\ufffd', '\u{1F600}']);
  });
});

describe('valid response types', () => {
  const record = (responseType: string) => JSON.stringify({ answer: 'x', response_type: responseType, attempt_category: 'last', variant: '' });

  it('counts a part only when its newest record has a listed type; the list is split on commas without trimming', () => {
    expect('rows' in distributeAnswers('p', [['t', record('numericalresponse')]], parseValidResponseTypes(DEFAULT_VALID_RESPONSE_TYPES))).toBe(true);
    expect(distributeAnswers('p', [['t', record('numericalresponse')]], parseValidResponseTypes('choiceresponse, numericalresponse'))).toEqual({
      skip: 'response_type_not_counted',
    });
    expect('rows' in distributeAnswers('p', [['t', record('customresponse')]], parseValidResponseTypes('customresponse'))).toBe(true);
  });
});
