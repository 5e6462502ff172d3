import { describe, expect, test } from 'vitest';
import { canHold, markerUpdateId, typeFamily } from '../../src/sql/index.js';

describe('markerUpdateId', () => {
  test('when a task id fits the 128-character marker column then it is used as is', () => {
    expect(markerUpdateId('AnswerDistributionToMySQLTaskWorkflow(name=x)_0123456789abcdef0123')).toBe(
      'AnswerDistributionToMySQLTaskWorkflow(name=x)_0123456789abcdef0123',
    );
  });

  test('when a task id is longer then it is cut to 128 characters that still tell ids apart', () => {
    const a = 'F'.repeat(100) + '(readable params...)_aaaaaaaaaaaaaaaaaaaa';
    const b = 'F'.repeat(100) + '(readable params...)_bbbbbbbbbbbbbbbbbbbb';
    expect(markerUpdateId(a)).toHaveLength(128);
    expect(markerUpdateId(a)).toBe(markerUpdateId(a));
    expect(markerUpdateId(a)).not.toBe(markerUpdateId(b));
    expect(markerUpdateId(a).startsWith('F'.repeat(100))).toBe(true);
  });
});

describe('existing column types', () => {
  test.each([
    ['int(11)', 'integer'],
    ['tinyint(1)', 'integer'],
    ['BIGINT', 'integer'],
    ['BOOLEAN', 'integer'],
    ['varchar(255)', 'string'],
    ['CHAR(2)', 'string'],
    ['longtext', 'text'],
    ['TEXT', 'text'],
    ['double', 'double'],
    ['decimal(10,2)', 'double'],
    ['REAL', 'double'],
    ['datetime', 'timestamp'],
    ['TIMESTAMP', 'timestamp'],
    ['date', 'date'],
    ['blob', 'other'],
    ['', 'other'],
  ])('when the database reports %s then it is read as %s', (sqlType, family) => {
    expect(typeFamily(sqlType)).toBe(family);
  });

  test('when a declared type meets an existing column then only columns that hold its values are accepted', () => {
    expect(canHold('text', 'string')).toBe(true);
    expect(canHold('string', 'text')).toBe(false);
    expect(canHold('integer', 'boolean')).toBe(true);
    expect(canHold('double', 'integer')).toBe(false);
    expect(canHold('other', 'text')).toBe(false);
  });
});
