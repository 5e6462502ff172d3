/**
 * Small tracking logs with every kind of damage real logs show, for the
 * bad-input CLI tests. Each damaged line says what the pipeline must make of
 * it, so the tests can check the summary's counters add up.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const COURSE = 'course-v1:Org+Bad+Run';
const PROBLEM = 'block-v1:Org+Bad+Run+type@problem+block@p1';

/** One server problem_check event as edX writes it; `edit` changes the parsed object before it is written. */
export function problemCheck(user: string, answer: string, edit: (event: Record<string, any>) => void = () => {}): string {
  const event: Record<string, any> = {
    username: user,
    event_type: 'problem_check',
    event_source: 'server',
    context: { course_id: COURSE, user_id: 1, module: { display_name: 'Problem 1' } },
    time: '2024-03-04T10:00:00.000000+00:00',
    page: 'x_module',
    event: {
      problem_id: PROBLEM,
      answers: { p1_2_1: answer },
      submission: { p1_2_1: { question: 'Pick one', response_type: 'optionresponse', input_type: 'optioninput', answer, variant: '', correct: answer === 'A' } },
      correct_map: { p1_2_1: { correctness: answer === 'A' ? 'correct' : 'incorrect' } },
      state: { correct_map: {} },
    },
  };
  edit(event);
  return JSON.stringify(event);
}

/** What the damaged files hold, in counter terms. */
export interface BadLogs {
  /** Every line of every file, blank ones included. */
  lines: number;
  /** Lines without the text `problem_check` (never parsed). */
  withoutProblemCheck: number;
  /** Events kept: good ones and the byte-damaged ones the parser repairs (BOM, CRLF, syslog prefix, invalid UTF-8). */
  kept: number;
  /** `drop:<reason>` counters expected. */
  drops: Record<string, number>;
}

/** Writes two days of logs into `dir`: clean events, broken JSON and fields, and byte-level damage. */
export function writeBadLogs(dir: string): BadLogs {
  const day1 = [
    ...['A', 'B', 'A', 'B', 'A', 'A'].map((answer, i) => problemCheck(`good${i}`, answer)),
    '{"username": "x", "event_type": "problem_check", broken',
    problemCheck('feb30', 'A', (e) => (e.time = '2024-02-30T10:00:00+00:00')),
    problemCheck('zulu', 'A', (e) => (e.time = '2024-03-04T10:00:00Z')),
    problemCheck('nocontext', 'A', (e) => delete e.context),
    problemCheck('nouser', 'A', (e) => delete e.username),
  ];
  writeFileSync(join(dir, 'tracking.log-20240304'), day1.join('\n') + '\n');
  const day2 = [
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(problemCheck('bom', 'A'))]),
    Buffer.from(problemCheck('crlf', 'B') + '\r'),
    Buffer.from('Mar  4 10:00:00 lms-1 [service_variant=lms][tracking] ' + problemCheck('syslog', 'A')),
    Buffer.from(problemCheck('latin1', 'B').replace('"answers":{"p1_2_1":"B"}', '"answers":{"p1_2_1":"B\xff"}'), 'latin1'),
    Buffer.from(problemCheck('cut', 'B').slice(0, 300)),
    Buffer.alloc(0),
    Buffer.from('{"event_type": "page_view", "event_source": "browser"}'),
  ];
  writeFileSync(join(dir, 'tracking.log-20240305'), Buffer.concat(day2.flatMap((line) => [line, Buffer.from('\n')])));
  writeFileSync(join(dir, 'tracking.log-20240306'), ''); // an empty day
  return {
    lines: day1.length + day2.length,
    withoutProblemCheck: 2,
    kept: 6 + 4,
    drops: { unparseable: 2, bad_time: 2, missing_context: 1, missing_username: 1 },
  };
}

/** The `Counters:` block of a run summary as a map from `group name` to value. */
export function summaryCounters(stderr: string): Map<string, number> {
  const block = stderr.split('\nCounters:\n')[1] ?? '';
  const counters = new Map<string, number>();
  for (const line of block.split('\n')) {
    const match = /^ {2}(.+): (\d+)$/.exec(line);
    if (match) counters.set(match[1]!, Number(match[2]));
  }
  return counters;
}
