/**
 * Bad lines for every tracking-log workflow: one hand-written event of each
 * kind a workflow reads (problem_check with tags, video, enrollment, forum,
 * page view, task), every field of each made missing, null, a number, a huge
 * number, text, text with a tab or newline, an object, a list, deep nesting
 * or its own JSON text; then bad times, course ids and users, and damaged
 * bytes. All of them name FUZZ_COURSE (or no usable course), so whatever a
 * workflow keeps from them lands in rows of that course, and the rows of the
 * other courses must be those of the clean logs alone.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const FUZZ_COURSE = 'course-v1:Fuzz+Bad+Lines';
const BLOCK = 'block-v1:Fuzz+Bad+Lines+type@';
const TIME = '2024-03-04T12:00:00.123456+00:00';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Event = { [key: string]: Json };

function envelope(eventType: string, source: string, event: Json, more: Event = {}): Event {
  const url = `https://lms.test/courses/${FUZZ_COURSE}/courseware/`;
  return {
    username: 'fuzzer',
    event_type: eventType,
    event_source: source,
    time: TIME,
    referer: url,
    page: url,
    context: { course_id: FUZZ_COURSE, user_id: 424242, org_id: 'Fuzz', path: '/event' },
    event,
    ...more,
  };
}

/** One event of each kind some workflow reads. Browser events carry their payload as JSON text, as edX logs them. */
export function seedEvents(): Event[] {
  const problem = `${BLOCK}problem+block@p1`;
  const video = (type: string, data: Event) => envelope(type, 'browser', JSON.stringify({ id: 'fuzz-video-1', code: 'abc', ...data }));
  const enrollment = (type: string) => envelope(type, 'server', { course_id: FUZZ_COURSE, user_id: 424242, mode: 'audit' });
  const check = envelope(
    'problem_check',
    'server',
    {
      problem_id: problem,
      answers: { [`${problem}_2_1`]: 'choice_1' },
      submission: { [`${problem}_2_1`]: { question: 'Q?', answer: 'A', response_type: 'multiplechoiceresponse', input_type: 'choicegroup', correct: true, variant: '' } },
      correct_map: { [`${problem}_2_1`]: { correctness: 'correct' } },
      success: 'correct',
      grade: 1,
      max_grade: 1,
      attempts: 1,
      state: { correct_map: {} },
    },
    {},
  );
  (check.context as Event).module = { usage_key: problem, display_name: 'P1' };
  (check.context as Event).asides = { tagging_aside: { saved_tags: { difficulty_tag: 'hard', learning_outcome_tag: ['a', 'b'] } } };
  return [
    check,
    envelope('problem_check', 'browser', 'input_p1_2_1=choice_1'),
    video('play_video', { currentTime: 1.5, duration: 60 }),
    video('pause_video', { currentTime: 30 }),
    video('seek_video', { old_time: 30, new_time: 10 }),
    video('stop_video', { currentTime: 59 }),
    enrollment('edx.course.enrollment.activated'),
    enrollment('edx.course.enrollment.mode_changed'),
    enrollment('edx.course.enrollment.deactivated'),
    envelope('edx.forum.thread.created', 'server', { id: 't1', commentable_id: 'topic-1', title: 'T', body: 'B' }),
    envelope(`/courses/${FUZZ_COURSE}/courseware/`, 'server', '{"POST": {}, "GET": {}}'),
    envelope('edx.bulk_email.sent', 'task', { course_id: FUZZ_COURSE }),
  ];
}

function deep(levels: number): Json {
  let value: Json = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

/** What each field is replaced by; `undefined` removes it. BIG is written as a bare 30-digit number. */
const BIG = 'BIG-INTEGER-HERE';
const REPLACEMENTS: Array<Json | undefined> = [undefined, null, 0, 12345, 1e308, BIG, '', 'x y', 'a\tb', 'a\nb', 'L'.repeat(300), 'é😀\ud800', {}, { a: 1 }, [], ['x'], true, deep(100)];

/** Every path into objects, three levels deep, a payload written as JSON text included. */
function paths(value: Json, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || prefix.length >= 3) return [];
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

/** The event with `event` decoded when it is JSON text, and the way to write it back. */
function opened(seed: Event): { event: Event; write: (e: Event) => string } {
  const event = structuredClone(seed);
  const asText = typeof event.event === 'string' && event.event.startsWith('{');
  if (asText) event.event = JSON.parse(event.event as string) as Json;
  const write = (e: Event) => {
    const out = asText && e.event !== null && typeof e.event === 'object' && !Array.isArray(e.event) ? { ...e, event: JSON.stringify(e.event) } : e;
    return JSON.stringify(out).replaceAll(`"${BIG}"`, '123456789012345678901234567890').replaceAll(`\\"${BIG}\\"`, '123456789012345678901234567890');
  };
  return { event, write };
}

function withField(event: Event, path: string[], value: Json | undefined): Event {
  const copy = structuredClone(event);
  let parent = copy as { [key: string]: Json };
  for (const key of path.slice(0, -1)) parent = parent[key] as { [key: string]: Json };
  const last = path.at(-1)!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

const TIMES = ['2024-03-04T10:21:44Z', '2024-02-30T10:00:00+00:00', '0000-03-04T10:00:00+00:00', '2024-03-04T10:21:44-05:00', '2024-03-04T24:00:00+00:00', '\u0662\u0660\u0662\u0664-03-04T10:00:00+00:00', '2024-03-04 10:21:44+00:00', '2024-03-04/../../../escaped', '2024-03-04', 'yesterday', '2024-13-45T10:00:00+00:00'];
const COURSES = ['', ' ', 'course-v1:Fuzz+Bad Lines+R', 'not a course', 'Fuzz/Bad/Lines/Extra', `course-v1:Fuzz+Bad+${'z'.repeat(300)}`, 'course-v1:Fuzz+Bad+Lines\t'];
const USERS: Json[] = [12345, 0, -1, 1e21, '12345', ' ', 'a\tb', 'a\nb', 'ünïcode', 'u'.repeat(40)];

/**
 * The event as another learner: the workflows keep one value per learner (the
 * latest enrollment mode, the latest answer), so a damaged field must not hide
 * behind another line's. Video events keep their learner: viewings pair them.
 */
function asLearner(event: Event, n: number): Event {
  if (String(event.event_type).endsWith('_video')) return event;
  const copy = structuredClone(event);
  copy.username = `fuzzer${n}`;
  (copy.context as Event).user_id = 500_000 + n;
  if (copy.event !== null && typeof copy.event === 'object' && 'user_id' in copy.event) (copy.event as Event).user_id = 500_000 + n;
  return copy;
}

/** Lines of valid JSON, each one field of one seed changed. */
export function damagedEventLines(): string[] {
  const lines: string[] = [];
  for (const seed of seedEvents()) {
    const { event, write } = opened(seed);
    for (const path of paths(event)) {
      for (const value of REPLACEMENTS) lines.push(write(withField(asLearner(event, lines.length), path, value)));
      const current = path.reduce<Json>((v, key) => (v as { [key: string]: Json })[key]!, event);
      lines.push(write(withField(asLearner(event, lines.length), path, JSON.stringify(current)))); // the field given as JSON text
    }
    for (const time of TIMES) lines.push(write(withField(event, ['time'], time)));
    for (const course of COURSES) lines.push(write(withField(event, ['context', 'course_id'], course)));
    for (const user of USERS) lines.push(write(withField(withField(event, ['username'], user), ['context', 'user_id'], user)));
  }
  // A whole viewing from a player that reports an absurd length (the longest known one becomes the video's).
  for (const [type, time, data] of [['play_video', '12:01:00', { currentTime: 0 }], ['pause_video', '12:01:30', { currentTime: 30 }]] as const) {
    const e = envelope(type, 'browser', JSON.stringify({ id: 'fuzz-video-1', duration: 1e15, ...data }), { time: `2024-03-04T${time}.000000+00:00` });
    (e.context as Event).user_id = 434343;
    lines.push(JSON.stringify(e));
  }
  return lines;
}

/** Lines damaged below the JSON: cut, wrapped, prefixed, with NUL, BOM, CR or invalid UTF-8, and plain garbage. */
export function damagedBytes(): Buffer[] {
  const lines: Buffer[] = [];
  for (const seed of seedEvents()) {
    const text = JSON.stringify(seed);
    lines.push(
      Buffer.from(text.slice(0, 60)),
      Buffer.from(`[${text}]`),
      Buffer.from(JSON.stringify(text)),
      Buffer.from(text.replace('{', '\u0000{')),
      Buffer.from(text.replace('"fuzzer"', '"fuz\u0000zer"')),
      Buffer.from(`\ufeff${text}`),
      Buffer.from(`${text}\r`),
      Buffer.from(`Mar  4 12:00:00 lms-1 tracking[42]: ${text}`),
      Buffer.concat([Buffer.from(text.slice(0, 20)), Buffer.from([0xff, 0xc3, 0xed, 0xa0, 0x80]), Buffer.from(text.slice(20))]),
    );
  }
  for (const junk of ['', '   ', 'null', '42', '"text"', 'true', '[]', '{}', '{"time": null}', 'garbage', '{', '}', '\u0000\u0000']) lines.push(Buffer.from(junk));
  return lines;
}

/**
 * Writes the damaged files into `dir` (next to clean logs): the lines above,
 * a 5 MB line, an empty file, a plain file named .gz, a gzip file not named
 * .gz, an empty gzip and a gzip cut short. Returns the names written.
 */
export function writeDamagedFiles(dir: string): string[] {
  const joined = (lines: Buffer[]) => Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')]));
  const fields = joined(damagedEventLines().map((line) => Buffer.from(line)));
  const bytes = joined(damagedBytes());
  const files: Record<string, Buffer> = {
    'tracking.log-20240304-fields': fields,
    'tracking.log-20240305-bytes': bytes,
    'tracking.log-20240304-huge': joined([Buffer.from(JSON.stringify(envelope('play_video', 'browser', 'x'.repeat(5 * 1024 * 1024))))]),
    'tracking.log-20240305-empty': Buffer.alloc(0),
    'tracking.log-20240305-plain.gz': joined(seedEvents().map((e) => Buffer.from(JSON.stringify(e)))),
    'tracking.log-20240304-gzipped': gzipSync(joined(seedEvents().map((e) => Buffer.from(JSON.stringify(e))))),
    'tracking.log-20240304-empty.gz': gzipSync(Buffer.alloc(0)),
    'tracking.log-20240305-cut.gz': gzipSync(fields).subarray(0, 4000),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return Object.keys(files);
}
