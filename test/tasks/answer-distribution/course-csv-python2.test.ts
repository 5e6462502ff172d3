import { describe, expect, it } from 'vitest';
import type { DistributionRow } from '../../../src/tasks/answer-distribution/columns.js';
import { courseCsv, courseCsvRelativePath, filenameSafeCourseId } from '../../../src/tasks/answer-distribution/course-csv.js';
import { comparePython2 } from '../../../src/tasks/answer-distribution/python2-order.js';
import { distributionRow } from './support/distribution-row.js';

// Each case here was a disagreement with the Python 2.7 reference (fixtures/answer_dist/differential/csv_reference_py2.py).
const row = distributionRow;
const answers = (rows: DistributionRow[]) => courseCsv(rows).split('\r\n').slice(1, -1).map((line) => line.split(',')[6]);

describe('per-course CSV cells and order, as Python 2 writes them', () => {
  it('ends a cell at a NUL character, as Python 2 csv reads each cell as a C string (and quotes by what is left)', () => {
    expect(answers([row({ AnswerValue: 'x\0y' })])).toEqual(['x']);
    expect(courseCsv([row({ AnswerValue: 'x\0,y' })])).toContain(',x,');
  });

  it('orders a lone surrogate as its own code point (below U+E000), not after U+FFFF', () => {
    expect(comparePython2('\ud800', '\ufeffApple')).toBeLessThan(0);
    expect(comparePython2('\ud800', '\u{1f600}')).toBeLessThan(0);
    expect(comparePython2('\ufeff', '\u{1f600}')).toBeLessThan(0);
  });

  it('orders dicts of one size by their smallest differing key, then its value (Python 2 dict_compare)', () => {
    expect(comparePython2({ b: 1 }, { a: 1 })).toBeGreaterThan(0);
    expect(comparePython2({ a: 2, z: 0 }, { a: 1, z: 0 })).toBeGreaterThan(0);
    expect(comparePython2({ a: 1 }, { a: 1, b: 0 })).toBeLessThan(0);
    expect(comparePython2({ a: [1] }, { a: [1.0] })).toBe(0);
  });

  it('compares big ints with floats exactly', () => {
    expect(comparePython2(2n ** 64n + 1n, 2 ** 64)).toBeGreaterThan(0);
    expect(comparePython2(2n ** 64n, 2 ** 64 + 4096)).toBeLessThan(0);
    expect(comparePython2(2n ** 64n, 2 ** 64)).toBe(0);
  });
});

describe('per-course CSV file names, as opaque-keys _to_string() gives them', () => {
  it('leaves out type/block parts and a library run, and names an old id with an empty run ""', () => {
    expect(filenameSafeCourseId('course-v1:PW+Fz+2024+type@course+block@course')).toBe('PW_Fz_2024');
    expect(filenameSafeCourseId('library-v1:PW+Lib+run')).toBe('PW_Lib');
    expect(filenameSafeCourseId('PW/Fz/')).toBe('');
    expect(filenameSafeCourseId('course-v1:version@0123456789abcdef01234567')).toBe('version_0123456789abcdef01234567');
  });

  it('judges a non-ASCII id byte by byte, as edX got it from Hadoop as a Python 2 byte string', () => {
    const folder = (id: string) => courseCsvRelativePath(id)?.split('/')[0];
    // U+0661 is D9 A1: A1 is no word character, so the id does not parse and is sanitized whole, per byte.
    expect(courseCsvRelativePath('PW/Fz/2024\u0661')).toBe(`${folder('PW/Fz/2024\u0661')}/PW_Fz_2024___answer_distribution.csv`);
    expect(courseCsvRelativePath('course-v1:\u00dcn\u00ef+Fz+2024')?.split('/')[1]).toBe('course-v1___n___Fz_2024_answer_distribution.csv');
    // ª is C2 AA, both word characters: it parses, and edX raises joining the parts.
    expect(courseCsvRelativePath('course-v1:\u00aa+Fz+2024')).toBeNull();
    // An empty run is never joined: no error, an empty name.
    expect(courseCsvRelativePath('\u00aa/Fz/')?.split('/')[1]).toBe('_answer_distribution.csv');
  });
});
