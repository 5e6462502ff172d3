import { compareUtf8 } from '../../mapreduce/keys.js';
import { SUBSECTION_VIEWED, type EngagementInfo } from './engagement-record.js';

/** What the reducer gets per event: [entityId, eventType, info, date]. */
export type EngagementValue = [entityId: string, eventType: string, info: EngagementInfo, date: string];

/** A user's figures for one end date and course, named as edX's columns (student_engagement_raw_*). */
export interface EngagementSummary {
  days_active: number;
  problems_attempted: number;
  problem_attempts: number;
  problems_correct: number;
  videos_played: number;
  forum_posts: number;
  forum_responses: number;
  forum_comments: number;
  forum_upvotes_given: number;
  forum_downvotes_given: number;
  forum_upvotes_received: number;
  forum_downvotes_received: number;
  textbook_pages_viewed: number;
  last_subsection_viewed: string;
}

/** The summary's columns in edX's order: after end_date, course_id and username in every row. */
export const SUMMARY_COLUMNS = [
  'days_active', 'problems_attempted', 'problem_attempts', 'problems_correct', 'videos_played',
  'forum_posts', 'forum_responses', 'forum_comments', 'forum_upvotes_given', 'forum_downvotes_given',
  'forum_upvotes_received', 'forum_downvotes_received', 'textbook_pages_viewed', 'last_subsection_viewed',
] as const satisfies readonly (keyof EngagementSummary)[];

type Counter = Exclude<keyof EngagementSummary, 'last_subsection_viewed'>;
const COUNTED: Record<string, Counter> = {
  'edx.forum.thread.created': 'forum_posts',
  'edx.forum.response.created': 'forum_responses',
  'edx.forum.comment.created': 'forum_comments',
  book: 'textbook_pages_viewed',
};
const GIVEN = new Set(['edx.forum.thread.voted', 'edx.forum.response.voted']);
const RECEIVED = new Set(['edx.forum.thread.vote_received', 'edx.forum.response.vote_received']);

/**
 * edX StudentEngagementTask.reducer for one (end date, course, user): days
 * with any event; distinct problems attempted, distinct problems answered
 * correctly at least once, and all attempts; distinct videos played; forum
 * posts, responses, comments; up- and down-votes given and received (an
 * undone vote counts -1); textbook pages; the subsection viewed last (latest
 * timestamp; on a tie edX kept whichever Hadoop happened to deliver first:
 * here the path that sorts first).
 */
export function summarizeEngagement(values: Iterable<EngagementValue>): EngagementSummary {
  const s: EngagementSummary = {
    days_active: 0, problems_attempted: 0, problem_attempts: 0, problems_correct: 0, videos_played: 0,
    forum_posts: 0, forum_responses: 0, forum_comments: 0, forum_upvotes_given: 0, forum_downvotes_given: 0,
    forum_upvotes_received: 0, forum_downvotes_received: 0, textbook_pages_viewed: 0, last_subsection_viewed: '',
  };
  const days = new Set<string>();
  const problemCorrect = new Map<string, boolean>();
  const videos = new Set<string>();
  let lastTimestamp: string | null = null;
  for (const [entityId, eventType, info, date] of values) {
    days.add(date);
    if (eventType === 'problem_check') {
      s.problem_attempts++;
      problemCorrect.set(entityId, problemCorrect.get(entityId) === true || info.correct === true);
    } else if (eventType === 'play_video') videos.add(entityId);
    else if (Object.hasOwn(COUNTED, eventType)) s[COUNTED[eventType]!]++;
    else if (GIVEN.has(eventType)) s[info.vote === 'up' ? 'forum_upvotes_given' : 'forum_downvotes_given'] += info.undo ? -1 : 1;
    else if (RECEIVED.has(eventType)) s[info.vote === 'up' ? 'forum_upvotes_received' : 'forum_downvotes_received'] += info.undo ? -1 : 1;
    else if (eventType === SUBSECTION_VIEWED) {
      const order = lastTimestamp === null ? 1 : compareUtf8(info.timestamp!, lastTimestamp) || compareUtf8(s.last_subsection_viewed, info.path!);
      if (order > 0) [lastTimestamp, s.last_subsection_viewed] = [info.timestamp!, info.path!];
    }
  }
  s.days_active = days.size;
  s.problems_attempted = problemCorrect.size;
  s.problems_correct = [...problemCorrect.values()].filter(Boolean).length;
  s.videos_played = videos.size;
  return s;
}
