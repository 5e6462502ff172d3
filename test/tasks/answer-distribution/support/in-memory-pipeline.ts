import { attemptOf, firstAndLastAnswers, type Attempt } from '../../../../src/tasks/answer-distribution/first-last.js';
import { encodeJson } from '../../../../src/mapreduce/keys.js';
import { distributeAnswers, type TimedRecord } from '../../../../src/tasks/answer-distribution/distribution.js';
import type { DistributionRow } from '../../../../src/tasks/answer-distribution/columns.js';
import { problemCheckFromLine } from '../../../../src/tasks/answer-distribution/problem-check.js';
import { pythonJsonDumps } from '../../../../src/eventlog/parse/index.js';

export interface Stage1Line {
  courseId: string;
  answerId: string;
  timestamp: string;
  json: string;
}

export interface PipelineResult {
  stage1: Stage1Line[];
  stage2: { courseId: string; row: DistributionRow }[];
  counters: Map<string, number>;
}

/**
 * Both stages run in memory, without map/reduce: the pure functions the
 * tasks' mapper and reducers call, wired the way the shuffle wires them.
 */
export function runInMemory(lines: Iterable<string>, validTypes: ReadonlySet<string>): PipelineResult {
  const counters = new Map<string, number>();
  const count = (name: string) => counters.set(name, (counters.get(name) ?? 0) + 1);
  const attempts = new Map<string, { courseId: string; values: Attempt[] }>();
  for (const line of lines) {
    const result = problemCheckFromLine(line);
    if ('drop' in result) count(`drop:${result.drop}`);
    else if ('crash' in result) count(`crash_dropped:${result.crash}`);
    else {
      const { courseId, problemId, username } = result.event;
      const key = JSON.stringify([courseId, pythonJsonDumps(problemId as never), pythonJsonDumps(username as never)]);
      let entry = attempts.get(key);
      if (!entry) attempts.set(key, (entry = { courseId, values: [] }));
      // Through JSON as the shuffle carries it (the dict form included).
      entry.values.push(JSON.parse(encodeJson(attemptOf(result.event))) as Attempt);
    }
  }
  const stage1: Stage1Line[] = [];
  const parts = new Map<string, { courseId: string; answerId: string; values: TimedRecord[] }>();
  for (const { courseId, values } of attempts.values())
    for (const record of firstAndLastAnswers(values)) {
      stage1.push({ courseId, ...record });
      const key = JSON.stringify([courseId, record.answerId]);
      let part = parts.get(key);
      if (!part) parts.set(key, (part = { courseId, answerId: record.answerId, values: [] }));
      part.values.push([record.timestamp, record.json]);
    }
  const stage2: PipelineResult['stage2'] = [];
  for (const { courseId, answerId, values } of parts.values()) {
    const result = distributeAnswers(answerId, values, validTypes);
    if ('skip' in result) count(`part_skipped:${result.skip}`);
    else for (const row of result.rows) stage2.push({ courseId, row });
  }
  return { stage1, stage2, counters };
}
