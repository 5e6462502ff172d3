import { addDays, isIsoDay, isoWeekMonday, isoWeeksInYear } from './iso-day.js';
import type { TimeDelta } from './time-delta.js';

export type DateIntervalKind = 'year' | 'month' | 'week' | 'date' | 'custom';

/**
 * A half-open range of days [start, end), as luigi's DateIntervalParameter and
 * edX's `--interval` read it: `2014` (the year), `2014-03` (the month),
 * `2014-W10` (the ISO week), `2014-03-01` (one day) or `2014-03-01-2014-03-08`
 * (from the 1st up to, not including, the 8th). Days are ISO strings, so
 * `interval.contains(event.time.slice(0, 10))` is a string comparison.
 */
export class DateInterval {
  private constructor(
    /** First day in the interval. */
    readonly start: string,
    /** First day after the interval (exclusive). */
    readonly end: string,
    readonly kind: DateIntervalKind,
    /** The text it was parsed from, in canonical form: what toString() and the task id use. */
    private readonly text: string,
  ) {}

  /** Parse one of the five forms; undefined when `text` is none of them. */
  static tryParse(text: string): DateInterval | undefined {
    const t = text.trim();
    let m: RegExpExecArray | null;
    if ((m = /^(\d{4}-\d{2}-\d{2})-(\d{4}-\d{2}-\d{2})$/.exec(t))) {
      const [, a, b] = m as unknown as [string, string, string];
      if (!isIsoDay(a) || !isIsoDay(b) || a >= b) return undefined;
      return new DateInterval(a, b, 'custom', t);
    }
    if (isIsoDay(t)) return new DateInterval(t, addDays(t, 1), 'date', t);
    if ((m = /^(\d{4})-W(\d{2})$/.exec(t))) {
      const year = Number(m[1]);
      const week = Number(m[2]);
      if (week < 1 || week > isoWeeksInYear(year)) return undefined;
      const monday = isoWeekMonday(year, week);
      return new DateInterval(monday, addDays(monday, 7), 'week', t);
    }
    if ((m = /^(\d{4})-(\d{2})$/.exec(t))) {
      const month = Number(m[2]);
      if (month < 1 || month > 12) return undefined;
      const next = month === 12 ? `${Number(m[1]) + 1}-01` : `${m[1]}-${String(month + 1).padStart(2, '0')}`;
      return new DateInterval(`${t}-01`, `${next.padStart(7, '0')}-01`, 'month', t);
    }
    if (/^\d{4}$/.exec(t)) return new DateInterval(`${t}-01-01`, `${String(Number(t) + 1).padStart(4, '0')}-01-01`, 'year', t);
    return undefined;
  }

  /** [start, end) given as days; end must come after start. */
  static between(start: string, end: string): DateInterval {
    const parsed = DateInterval.tryParse(`${start}-${end}`);
    if (!parsed) throw new RangeError(`not an interval: ${start} up to ${end} (need two YYYY-MM-DD days, the first earlier)`);
    return parsed;
  }

  /** Every day in the interval, in order. */
  dates(): string[] {
    const out: string[] = [];
    for (let d = this.start; d < this.end; d = addDays(d, 1)) out.push(d);
    return out;
  }

  /** Whether the day (`YYYY-MM-DD`, or a longer ISO timestamp) falls inside. */
  contains(day: string): boolean {
    const d = day.slice(0, 10);
    return this.start <= d && d < this.end;
  }

  /** Widened by `delta` on both sides, rounded out to whole days (edX's expand_interval). */
  expand(delta: TimeDelta): DateInterval {
    const days = Math.ceil(delta.seconds / 86_400);
    return DateInterval.between(addDays(this.start, -days), addDays(this.end, days));
  }

  toString(): string {
    return this.text;
  }

  toJSON(): string {
    return this.text;
  }
}
