import { createHash } from 'node:crypto';
import { compareUtf8 } from '../../mapreduce/keys.js';
import { excelCsv } from '../../eventlog/parse/index.js';
import type { IntervalType } from './end-date.js';

/** The columns after Course ID, the date, Username, Email and Cohort (edX's). */
const FIGURE_HEADERS = [
  'Unique Problems Attempted', 'Total Problem Attempts', 'Unique Problems Correct', 'Unique Videos Played',
  'Discussion Posts', 'Discussion Responses', 'Discussion Comments', 'Discussion Upvotes Given',
  'Discussion Downvotes Given', 'Discussion Upvotes Received', 'Discussion Downvotes Received',
  'Textbook Pages Viewed', 'URL of Last Subsection Viewed',
];

/** edX's header row: the date and the days-active columns are named after the interval type. */
export function engagementCsvHeader(intervalType: IntervalType): string[] {
  const date = intervalType === 'daily' ? 'Date' : 'End Date';
  const active = intervalType === 'daily' ? 'Was Active' : intervalType === 'weekly' ? 'Days Active This Week' : 'Days Active';
  return ['Course ID', date, 'Username', 'Email', 'Cohort', active, ...FIGURE_HEADERS];
}

/**
 * Where one course's file for one end date goes under the output root, the
 * layout edX's instructor dashboard reads: `<sha1 of the course id>/student_engagement_<type>_<date>.csv`;
 * `all` names the file after the interval as given (`2014-03`, `2014-03-01-2014-04-01`).
 */
export function engagementCsvPath(courseId: string, intervalType: IntervalType, endDate: string, interval: string): string {
  const folder = createHash('sha1').update(courseId, 'utf8').digest('hex');
  return `${folder}/student_engagement_${intervalType}_${intervalType === 'all' ? interval : endDate}.csv`;
}

/**
 * One file's text as Python's csv writer (excel dialect) writes it: the
 * header, then the rows sorted field by field as text (edX sorted the cells
 * it read back as text, so `10` sorts before `9`), CRLF line ends, quotes
 * only around cells holding `,`, `"`, CR or LF.
 */
export function engagementCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const sorted = [...rows].sort(compareRows);
  return excelCsv([header, ...sorted]);
}

function compareRows(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareUtf8(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}
