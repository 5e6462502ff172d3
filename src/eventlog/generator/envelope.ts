import { plain } from './json-text.js';
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

/** When and where an event happened: `time` like `2024-03-04T10:21:44.318002+00:00`, the LMS host. */
export interface Moment {
  time: string;
  host: string;
}

/** JSON text of the courseware URL of a chapter (hosts and chapters are ASCII; the course id is pre-encoded). */
export function coursewareUrl(m: Moment, course: Course, chapter: string): string {
  return `"https://${m.host}/courses/${course.json.idBody}/courseware/${chapter}/"`;
}

/**
 * The envelope of a server event. `typeJson` and `pathJson` are JSON texts;
 * `learner` null is an anonymous request, `course` null a page outside courses.
 */
export function serverEnvelope(m: Moment, learner: Learner | null, course: Course | null, typeJson: string, pathJson: string): Fields {
  return {
    username: learner ? learner.json.username : '""',
    event_type: typeJson,
    ip: learner ? learner.json.ip : '""',
    agent: learner ? learner.json.agent : '""',
    host: plain(m.host),
    referer: course ? `"https://${m.host}/courses/${course.json.idBody}/courseware/"` : undefined,
    accept_language: '"en-US,en;q=0.9"',
    event: '{}',
    event_source: '"server"',
    context: {
      course_user_tags: course ? '{}' : undefined,
      user_id: learner ? String(learner.userId) : '""',
      org_id: course ? course.json.org : '""',
      course_id: course ? course.json.id : '""',
      path: pathJson,
    },
    time: plain(m.time),
    page: 'null',
  };
}

/** The envelope of a browser event: `typeJson` and `pageJson` are JSON texts. */
export function browserEnvelope(m: Moment, learner: Learner, course: Course, typeJson: string, pageJson: string): Fields {
  return {
    username: learner.json.username,
    event_type: typeJson,
    ip: learner.json.ip,
    agent: learner.json.agent,
    host: plain(m.host),
    session: learner.json.session,
    referer: pageJson,
    accept_language: '"en-US,en;q=0.9"',
    event: '""',
    event_source: '"browser"',
    context: {
      user_id: String(learner.userId),
      org_id: course.json.org,
      course_id: course.json.id,
      path: '"/event"',
    },
    time: plain(m.time),
    page: pageJson,
    name: typeJson,
  };
}
