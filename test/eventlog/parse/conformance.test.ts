import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  decodeLine,
  eventTimestamp,
  getCourseId,
  getEventData,
  parseEventLine,
  parsePythonJson,
  pyGet,
  type PyDict,
} from '../../../src/eventlog/parse/index.js';
import { CONFORMANCE } from '../../support/paths.js';

const ANSWER_DIST = join(CONFORMANCE, 'answer_dist');

/** The log's lines, split on '\n' only, decoded as the pipeline does. */
function readLines(path: string): string[] {
  const buf = readFileSync(path);
  const lines: string[] = [];
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(0x0a, start);
    if (end === -1) end = buf.length;
    lines.push(decodeLine(buf, start, end));
    start = end + 1;
  }
  return lines;
}

describe("edX's answer distribution acceptance log", () => {
  const lines = readLines(join(ANSWER_DIST, 'input/answer_dist_acceptance_tracking.log'));
  const events = lines.map(parseEventLine);

  test('every line is one JSON object (as the fixture README says)', () => {
    expect(lines).toHaveLength(693);
    expect(events.filter((e) => 'error' in e)).toEqual([]);
  });

  test('the server problem_check events give the courses, times and problems of edX stage 1', () => {
    const keys = new Set<string>();
    const courses = new Set<string>();
    for (const result of events) {
      if (!('event' in result)) continue;
      const event = result.event;
      if (pyGet(event, 'event_source') !== 'server' || pyGet(event, 'event_type') !== 'problem_check') continue;
      const data = getEventData(event);
      const course = getCourseId(event);
      const timestamp = eventTimestamp(pyGet(event, 'time'));
      if (!('data' in data) || !('courseId' in course) || timestamp === null) continue;
      courses.add(course.courseId);
      keys.add(JSON.stringify([course.courseId, timestamp, pyGet(data.data, 'problem_id')]));
    }
    expect(keys.size).toBe(66);
    expect([...courses].sort()).toEqual(['course-v1:edX+DemoX+Test_2014', 'edX/E929/2014_T2', 'edX/Open_DemoX/edx_demo_course']);

    const stage1 = readFileSync(join(ANSWER_DIST, 'expected/stage1_problem_check_answers.tsv'), 'utf8');
    const rows = stage1.split('\n').filter((row) => row !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [courseId, , timestamp, json] = row.split('\t') as [string, string, string, string];
      const problemId = pyGet(parsePythonJson(json) as PyDict, 'problem_id');
      expect(keys.has(JSON.stringify([courseId, timestamp, problemId])), row.slice(0, 120)).toBe(true);
    }
  });
});
