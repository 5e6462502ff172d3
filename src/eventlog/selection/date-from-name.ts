import { UsageError } from '../../core/errors.js';
import { isIsoDay } from '../../core/iso-day.js';

const FIELDS: Record<string, { re: string; part: 'year' | 'month' | 'day' }> = {
  '%Y': { re: '(\\d{4})', part: 'year' },
  '%m': { re: '(\\d{1,2})', part: 'month' },
  '%d': { re: '(\\d{1,2})', part: 'day' },
};

/**
 * A reader for the `date` text a file pattern captured, written with the
 * strftime directives edX's `date_pattern` uses (`%Y%m%d`, `%Y-%m-%d`, ...).
 * Returns the ISO day, or undefined when the text is not such a date.
 */
export function dateReader(datePattern: string): (text: string) => string | undefined {
  const order: ('year' | 'month' | 'day')[] = [];
  let source = '';
  for (let i = 0; i < datePattern.length; i++) {
    const directive = datePattern.slice(i, i + 2);
    const field = FIELDS[directive];
    if (field) {
      source += field.re;
      order.push(field.part);
      i++;
    } else if (datePattern[i] === '%') {
      throw new UsageError(`--date-pattern ${JSON.stringify(datePattern)}: only %Y, %m and %d are understood.`);
    } else source += datePattern[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  if (!['year', 'month', 'day'].every((part) => order.includes(part as 'year')))
    throw new UsageError(`--date-pattern ${JSON.stringify(datePattern)} must contain %Y, %m and %d.`);
  const re = new RegExp(`^${source}$`);
  return (text) => {
    const m = re.exec(text);
    if (!m) return undefined;
    const parts: Record<string, string> = {};
    order.forEach((part, i) => (parts[part] = m[i + 1]!));
    const day = `${parts.year}-${parts.month!.padStart(2, '0')}-${parts.day!.padStart(2, '0')}`;
    return isIsoDay(day) ? day : undefined;
  };
}

/** The UTC day of an epoch-seconds `timestamp` group. */
export function dayOfEpochSeconds(text: string): string | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const date = new Date(Number(text) * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}
