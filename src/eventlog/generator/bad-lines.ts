import { serialize, type Fields } from './envelope.js';
import { q } from './json-text.js';
import type { Random } from './random.js';

/**
 * Every kind of damage real tracking logs show, each applied to a freshly
 * built event. The reader and parser must count or skip all of them; none
 * may stop a run. A line is returned as text, or as bytes when the damage is
 * invalid UTF-8.
 */
export const BAD_KINDS = [
  'truncated',
  'malformedJson',
  'syslogPrefix',
  'bom',
  'invalidUtf8',
  'crlf',
  'badTimestamp',
  'missingField',
  'invalidCourseId',
  'nanLiteral',
  'blank',
  'oddShape',
] as const;
export type BadKind = (typeof BAD_KINDS)[number];

export function spoil(kind: BadKind, fields: Fields, random: Random): string | Buffer {
  const context = typeof fields.context === 'object' ? fields.context : undefined;
  const time = typeof fields.time === 'string' ? (JSON.parse(fields.time) as string) : '2024-03-04T00:00:00+00:00';
  switch (kind) {
    case 'truncated': {
      const line = serialize(fields);
      // Lines cut at a fixed buffer size (2043 was common) or anywhere.
      const at = line.length > 2100 && random.chance(0.4) ? 2043 : random.between(10, Math.max(10, line.length - 2));
      return line.slice(0, at);
    }
    case 'malformedJson': {
      const line = serialize(fields);
      const variant = random.int(4);
      if (variant === 0) return line.replace('", "', '" "'); // a missing comma
      if (variant === 1) return line.replace('": ', '" '); // a missing colon
      if (variant === 2) return line.slice(0, -1) + ', }'; // a trailing comma
      return line.replace(/"/g, "'"); // Python repr instead of JSON
    }
    case 'syslogPrefix': {
      const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(time.slice(5, 7)) - 1] ?? 'Mar';
      return `${month} ${time.slice(8, 10).replace(/^0/, ' ')} ${time.slice(11, 19)} lms-${random.between(1, 3)} tracking[${random.between(100, 9999)}]: ${serialize(fields)}`;
    }
    case 'bom':
      return '\ufeff' + serialize(fields);
    case 'invalidUtf8': {
      const line = serialize(fields);
      const at = line.indexOf('"username": "') + 13;
      const bytes = random.pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xe9, 0x74], [0x80, 0x80]]);
      return Buffer.concat([Buffer.from(line.slice(0, at)), Buffer.from(bytes), Buffer.from(line.slice(at))]);
    }
    case 'crlf':
      return serialize(fields) + '\r';
    case 'badTimestamp': {
      const day = time.slice(0, 10);
      fields.time = random.pick([
        q(`${day}T10:21:44.318002Z`),
        q(`${day.slice(0, 8)}30T10:00:00.000000+00:00`),
        q(`${day} 10:21:44+00:00`),
        q(`${day}T10:21:44.318002-05:00`),
        q(`${day}T24:00:00+00:00`),
        q('\u0662\u0660\u0662\u0664-03-04T10:21:44+00:00'),
        q('yesterday'),
        '1709547704',
        'null',
      ]);
      return serialize(fields);
    }
    case 'missingField': {
      const field = random.pick(['username', 'event_type', 'event_source', 'context', 'time', 'event']);
      if (field === 'event' && typeof fields.event === 'string' && fields.event.includes('"problem_id": ')) fields.event = fields.event.replace('"problem_id": ', '"problem_id_": ');
      else delete fields[field];
      return serialize(fields);
    }
    case 'invalidCourseId': {
      const real = context && typeof context.course_id === 'string' ? (JSON.parse(context.course_id) as string) : 'PipeU/LOG101/2024';
      const bad = random.pick([
        q(';;;;bad/id/val'),
        q('course-v1:PipeU+LOG101'),
        q('ccx-v1:PipeU+LOG101+2024_T1+ccx@3'),
        q('PipeU/LOG101'),
        q(`  ${real}\n`),
        q('course-v1:PipeU+LOG 101+2024'),
        '12345',
        '["PipeU/LOG101/2024"]',
      ]);
      if (context) context.course_id = bad;
      return serialize(fields);
    }
    case 'nanLiteral': {
      const literal = random.pick(['NaN', 'Infinity', '-Infinity']);
      if (typeof fields.event === 'string' && fields.event.includes('"grade": ')) fields.event = fields.event.replace(/"grade": \d+/, `"grade": ${literal}`);
      else fields.weight = literal;
      return serialize(fields);
    }
    case 'blank':
      return random.pick(['', '   ', '\t']);
    case 'oddShape': {
      const variant = random.int(5);
      if (variant === 0) return `[${serialize(fields)}]`;
      if (variant === 1) fields.context = 'null';
      else if (variant === 2 && typeof fields.event === 'string') fields.event = q(fields.event); // payload as a JSON string
      else if (variant === 3 && typeof fields.event === 'string') fields.event = fields.event.replace(/"answers": \{/, '"answers": null, "answers_": {');
      else fields.event = '[1, 2, 3]';
      return serialize(fields);
    }
  }
}
