import { UsageError } from '../../core/index.js';

/** A moment as its fields: what `--datetime` and event timestamps are turned into for strftime. */
export interface Moment {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  microsecond: string;
}

/**
 * luigi's DateSecondParameter text, `YYYY-MM-DDTHHMMSS` (edX's --datetime);
 * `YYYY-MM-DDTHH:MM:SS`, `YYYY-MM-DDTHH` and a bare date are accepted too.
 */
export function parseDatetimeParameter(text: string): Moment {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?)?$/.exec(text.trim());
  if (!m) throw new UsageError(`--datetime ${JSON.stringify(text)} is not a date and time; write it as 2016-09-08T000000 (YYYY-MM-DDTHHMMSS).`);
  return { year: m[1]!, month: m[2]!, day: m[3]!, hour: m[4] ?? '00', minute: m[5] ?? '00', second: m[6] ?? '00', microsecond: '000000' };
}

/** An event timestamp as eventTimestamp() gives it (`2016-09-07T04:57:09[.123456]`). */
export function parseEventTimestamp(text: string): Moment {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?/.exec(text);
  if (!m) throw new Error(`not an event timestamp: ${JSON.stringify(text)}`);
  return { year: m[1]!, month: m[2]!, day: m[3]!, hour: m[4]!, minute: m[5]!, second: m[6]!, microsecond: (m[7] ?? '0').padEnd(6, '0') };
}

/** strftime for the directives partition and report formats use: %Y %m %d %H %M %S %f %%. */
export function strftime(format: string, t: Moment): string {
  const values: Record<string, string> = { Y: t.year, m: t.month, d: t.day, H: t.hour, M: t.minute, S: t.second, f: t.microsecond, '%': '%' };
  return format.replace(/%(.)/g, (all, c: string) => {
    const v = values[c];
    if (v === undefined) throw new UsageError(`strftime directive ${all} in ${JSON.stringify(format)} is not supported; use %Y %m %d %H %M %S %f.`);
    return v;
  });
}

/** Python's `unicode(datetime)`: `YYYY-MM-DD HH:MM:SS[.ffffff]` (no fraction when it is zero). */
export function pythonDatetimeText(t: Moment): string {
  const base = `${t.year}-${t.month}-${t.day} ${t.hour}:${t.minute}:${t.second}`;
  return t.microsecond === '000000' ? base : `${base}.${t.microsecond}`;
}

/** UTC now as --datetime text (edX's default, utcnow()). */
export function nowDatetimeText(): string {
  const iso = new Date().toISOString();
  return `${iso.slice(0, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}
