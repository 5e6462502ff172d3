import type { Course, Learner } from './world.js';

/**
 * An event under construction: field name -> JSON text (already encoded), or
 * a nested record. Kept as text so writing a line is concatenation, not
 * JSON.stringify of a deep object, and so bad-line mutations can swap one
 * field's text for something broken. Insertion order is output order.
 */
export interface Fields {
  [name: string]: string | Fields | undefined;
}

export function serialize(fields: Fields): string {
  let out = '{';
  let first = true;
  for (const name in fields) {
    const value = fields[name];
    if (value === undefined) continue;
    out += (first ? '"' : ', "') + name + '": ' + (typeof value === 'string' ? value : serialize(value));
    first = false;
  }
  return out + '}';
}

/** JSON text of a string. */
export const q = (s: string): string => JSON.stringify(s);

const quoted = new Map<string, string>();
/**
 * JSON text of a string that recurs (names, ids, hosts, URLs of the world):
 * encoded once and remembered, which keeps the generator fast. The cache is
 * bounded: it is emptied when full rather than growing with the output.
 */
export function qc(s: string): string {
  let text = quoted.get(s);
  if (text === undefined) {
    if (quoted.size >= 200_000) quoted.clear();
    quoted.set(s, (text = JSON.stringify(s)));
  }
  return text;
}

/** JSON text of a string known to need no escaping (timestamps). */
export const plain = (s: string): string => '"' + s + '"';

/**
 * What Python's json.dumps writes by default (ensure_ascii): non-ASCII as
 * \uXXXX escapes. edX's LMS logs look like this; other producers write UTF-8.
 */
export function asciiOnly(line: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(line)) return line;
  return line.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** The envelope every event shares; the kind-specific builders fill in the rest. */
export interface Moment {
  /** `2024-03-04T10:21:44.318002+00:00` */
  time: string;
  host: string;
}

export function serverEnvelope(m: Moment, learner: Learner | null, course: Course | null, eventType: string, path: string): Fields {
  return {
    username: qc(learner?.username ?? ''),
    event_type: qc(eventType),
    ip: qc(learner?.ip ?? ''),
    agent: qc(learner?.agent ?? ''),
    host: qc(m.host),
    referer: course ? qc(`https://${m.host}/courses/${course.id}/courseware/`) : undefined,
    accept_language: qc('en-US,en;q=0.9'),
    event: '{}',
    event_source: '"server"',
    context: {
      course_user_tags: course ? '{}' : undefined,
      user_id: learner ? String(learner.userId) : '""',
      org_id: qc(course?.org ?? ''),
      course_id: qc(course?.id ?? ''),
      path: qc(path),
    },
    time: plain(m.time),
    page: 'null',
  };
}

export function browserEnvelope(m: Moment, learner: Learner, course: Course, eventType: string, pageUrl: string): Fields {
  return {
    username: qc(learner.username),
    event_type: qc(eventType),
    ip: qc(learner.ip),
    agent: qc(learner.agent),
    host: qc(m.host),
    session: qc(learner.session),
    referer: qc(pageUrl),
    accept_language: qc('en-US,en;q=0.9'),
    event: '""',
    event_source: '"browser"',
    context: {
      user_id: String(learner.userId),
      org_id: qc(course.org),
      course_id: qc(course.id),
      path: '"/event"',
    },
    time: plain(m.time),
    page: qc(pageUrl),
    name: qc(eventType),
  };
}

export function coursewareUrl(m: Moment, course: Course, chapter: string): string {
  return `https://${m.host}/courses/${course.id}/courseware/${chapter}/`;
}
