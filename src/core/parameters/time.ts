import { DateInterval } from '../date-interval.js';
import { isIsoDay } from '../iso-day.js';
import { TimeDelta } from '../time-delta.js';
import { Parameter, ParameterValueError } from './parameter.js';

/** A calendar day, kept as its ISO string `2014-03-01` (UTC, no time zone surprises). */
export class DateParameter extends Parameter<string> {
  readonly typeName = 'date (YYYY-MM-DD)';
  parse(text: string): string {
    const t = text.trim();
    if (!isIsoDay(t)) throw new ParameterValueError('expected a day like 2014-03-01');
    return t;
  }
  override normalize(value: unknown): string {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    if (typeof value === 'string') return this.parse(value);
    throw new ParameterValueError(`expected a day like 2014-03-01, got ${JSON.stringify(value)}`);
  }
}

/** A half-open range of days: `2014`, `2014-03`, `2014-W10`, `2014-03-01`, `2014-03-01-2014-03-08`. */
export class DateIntervalParameter extends Parameter<DateInterval> {
  readonly typeName = 'date interval';
  parse(text: string): DateInterval {
    const parsed = DateInterval.tryParse(text);
    if (!parsed)
      throw new ParameterValueError('expected a date interval: 2014, 2014-03, 2014-W10, 2014-03-01 or 2014-03-01-2014-03-08 (end excluded, after start)');
    return parsed;
  }
  override normalize(value: unknown): DateInterval {
    if (value instanceof DateInterval) return value;
    if (typeof value === 'string') return this.parse(value);
    throw new ParameterValueError(`expected a date interval, got ${JSON.stringify(value)}`);
  }
  override serialize(value: DateInterval): string {
    return value.toString();
  }
}

/** A length of time: `2 days`, `1 w 2 d`, `P2D`, or seconds. */
export class TimeDeltaParameter extends Parameter<TimeDelta> {
  readonly typeName = 'timedelta';
  parse(text: string): TimeDelta {
    const parsed = TimeDelta.tryParse(text);
    if (!parsed) throw new ParameterValueError('expected a length of time like "2 days", "1 w 3 h", "P2D" or seconds');
    return parsed;
  }
  override normalize(value: unknown): TimeDelta {
    if (value instanceof TimeDelta) return value;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return new TimeDelta(value);
    if (typeof value === 'string') return this.parse(value);
    throw new ParameterValueError(`expected a length of time, got ${JSON.stringify(value)}`);
  }
  override serialize(value: TimeDelta): string {
    return value.toString();
  }
}
