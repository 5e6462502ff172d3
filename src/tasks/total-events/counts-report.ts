import { compareUtf8 } from '../../mapreduce/keys.js';

/** One line of TotalEventsDailyTask's output: a day and its event count (kept as text, as edX does). */
export interface DayCount {
  date: string;
  count: string;
}

/**
 * Reads a `date<TAB>count` line (edX TotalEventsReport.run splits on the
 * tab and strips both sides). null for anything TotalEventsDailyTask does
 * not write (no tab, two tabs, not a YYYY-MM-DD day, a count that is not a
 * whole number): the caller counts it. edX crashed on most of these; a day
 * with a comma would have broken its unquoted CSV.
 */
export function parseCountLine(line: string): DayCount | null {
  const fields = line.split('\t');
  if (fields.length !== 2) return null;
  const date = fields[0]!.trim();
  const count = fields[1]!.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d+$/.test(count)) return null;
  return { date, count };
}

/**
 * edX's report: header `date,event_count`, then one `date,count` line per
 * day, newest day first (edX sorts the (date, count) text pairs and reverses them).
 */
export function renderTotalEventsReport(counts: readonly DayCount[]): string {
  const sorted = [...counts].sort((a, b) => compareUtf8(b.date, a.date) || compareUtf8(b.count, a.count));
  return ['date,event_count', ...sorted.map(({ date, count }) => `${date},${count}`)].join('\n') + '\n';
}
