import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AnswerCombiner } from '../../../src/tasks/answer-distribution/answer-combiner.js';
import { DEFAULT_VALID_RESPONSE_TYPES, parseValidResponseTypes } from '../../../src/tasks/answer-distribution/columns.js';
import { distributeAnswers, type PartResult, type TimedRecord } from '../../../src/tasks/answer-distribution/distribution.js';
import { runInMemory, type Stage1Line } from './support/in-memory-pipeline.js';

const VALID = parseValidResponseTypes(DEFAULT_VALID_RESPONSE_TYPES);
const DIFFERENTIAL = join(import.meta.dirname, '../../../fixtures/answer_dist/differential/input.log.gz');

type Outcome = PartResult | { error: string };

function outcome(answerId: string, values: TimedRecord[]): Outcome {
  try {
    return distributeAnswers(answerId, values, VALID);
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

/** Per part: the reducer's result on the stage 1 records as they are, and on what the combiner makes of them. */
function bothWays(lines: readonly Stage1Line[], limits?: { maxGroups: number; maxHeldChars: number }) {
  const raw = new Map<string, TimedRecord[]>();
  const combined = new Map<string, TimedRecord[]>();
  const push = (map: Map<string, TimedRecord[]>, key: string, value: TimedRecord) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  const combiner = new AnswerCombiner(limits);
  const drain = () => {
    for (const [[courseId, answerId], value] of combiner.drain() as Iterable<[[string, string], TimedRecord]>) push(combined, `${courseId}\t${answerId}`, value);
  };
  for (const { courseId, answerId, timestamp, json } of lines) {
    const key = `${courseId}\t${answerId}`;
    push(raw, key, [timestamp, json]);
    if (!combiner.add(courseId, answerId, timestamp, json)) push(combined, key, [timestamp, json]);
    else if (combiner.full) drain();
  }
  drain();
  return { raw, combined };
}

function expectSameResults(raw: Map<string, TimedRecord[]>, combined: Map<string, TimedRecord[]>) {
  expect([...combined.keys()].sort()).toEqual([...raw.keys()].sort());
  for (const [key, values] of raw) {
    const answerId = key.split('\t')[1]!;
    // The reducer gets values in no defined order: reversed must not matter either.
    expect(outcome(answerId, combined.get(key)!), key).toEqual(outcome(answerId, values));
    expect(outcome(answerId, [...combined.get(key)!].reverse()), key).toEqual(outcome(answerId, values));
  }
}

const record = (fields: Record<string, unknown>) =>
  JSON.stringify({ response_type: 'multiplechoiceresponse', answer: 'A', variant: '', correct: true, problem_id: 'p', problem_display_name: 'P', ...fields }).replace(/":/g, '": ').replace(/,"/g, ', "');

describe('stage 2 map-side combining (AnswerCombiner)', () => {
  it('gives the reducer the same rows as the uncombined records on the differential fixture, drained often or once', () => {
    const lines = gunzipSync(readFileSync(DIFFERENTIAL)).toString('utf8').split('\n');
    const { stage1 } = runInMemory(lines, VALID);
    expect(stage1.length).toBeGreaterThan(500);
    const once = bothWays(stage1);
    const total = (map: Map<string, TimedRecord[]>) => [...map.values()].reduce((n, values) => n + values.length, 0);
    expect(total(once.combined)).toBeLessThan(total(once.raw)); // it does fold
    expectSameResults(once.raw, once.combined);
    const often = bothWays(stage1, { maxGroups: 7, maxHeldChars: 5_000 });
    expectSameResults(often.raw, often.combined);
  });

  it('folds counts into the newest record of each answer, ties broken by the JSON text', () => {
    const lines: Stage1Line[] = [
      { courseId: 'c', answerId: 'a1', timestamp: '2024-01-01T00:00:01', json: record({ attempt_category: 'first', question: 'q-old' }) },
      { courseId: 'c', answerId: 'a1', timestamp: '2024-01-01T00:00:03', json: record({ attempt_category: 'last', question: 'q-b' }) },
      { courseId: 'c', answerId: 'a1', timestamp: '2024-01-01T00:00:03', json: record({ attempt_category: 'first', question: 'q-a' }) },
      { courseId: 'c', answerId: 'a1', timestamp: '2024-01-01T00:00:02', json: record({ attempt_category: 'last', answer: 'B' }) },
    ];
    const { raw, combined } = bothWays(lines);
    expect(combined.get('c\ta1')).toHaveLength(2); // answers A and B
    const rows = outcome('a1', combined.get('c\ta1')!);
    expect(rows).toEqual(outcome('a1', raw.get('c\ta1')!));
    expect(rows).toMatchObject({ rows: [{ AnswerValue: 'A', Question: 'q-b', 'First Response Count': 2, 'Last Response Count': 1 }, { AnswerValue: 'B', 'Last Response Count': 1 }] });
  });

  it('passes through what the reducer must see as it is: unknown categories, non-objects, answers it cannot group', () => {
    const odd: Stage1Line[] = [
      { courseId: 'c', answerId: 'x', timestamp: 't1', json: record({ attempt_category: 'middle' }) },
      { courseId: 'c', answerId: 'y', timestamp: 't1', json: '[1, 2]' },
      { courseId: 'c', answerId: 'z', timestamp: 't1', json: record({ attempt_category: 'first', answer: ['a', 1] }) },
      { courseId: 'c', answerId: 'z', timestamp: 't2', json: record({ attempt_category: 'first', response_type: 'customresponse' }) },
    ];
    const combiner = new AnswerCombiner();
    expect(odd.map((l) => combiner.add(l.courseId, l.answerId, l.timestamp, l.json))).toEqual([false, false, false, true]);
    const { raw, combined } = bothWays(odd);
    expectSameResults(raw, combined);
    expect(outcome('x', combined.get('c\tx')!)).toEqual({ error: 'Error' });
    expect(outcome('z', combined.get('c\tz')!)).toEqual({ skip: 'response_type_not_counted' });
  });
});
