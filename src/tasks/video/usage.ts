import { VIDEO_UNKNOWN_DURATION } from './video-event.js';

export const VIDEO_VIEWING_SECONDS_PER_SEGMENT = 5;
const LARGEST_HIVE_INT = 2 ** 31 - 1;

/** A viewing as the usage job reads it back from the per-day files. */
export interface ViewingSpan {
  userId: string;
  startOffset: number;
  endOffset: number;
  duration: number;
}

/** One row of edX's video_usage (VideoSegmentDetailRecord). */
export interface SegmentUsage {
  pipelineVideoId: string;
  courseId: string;
  encodedModuleId: string;
  /** Null when beyond a 32-bit INT: edX's Hive table video_usage reads such a value as NULL. */
  duration: number | null;
  segmentLength: number;
  usersAtStart: number;
  usersAtEnd: number;
  segment: number;
  numUsers: number;
  numViews: number;
}

/**
 * edX VideoUsageTask.reducer: cut each viewing into 5 s segments and count
 * users and views per segment. The duration is the largest known one, or
 * unknown if any viewing had none; then it is inferred from the last segment
 * before a sharp drop in users (fewer than `dropoffThreshold` times the
 * previous segment's), because some events arrive from after the real end.
 * users_at_end counts users in the segment at max(duration - 30 s, 95 %).
 * A huge known duration (a broken player) is used as is: its final segment is
 * never reached, so every watched segment is kept, and users_at_end is 0.
 */
export function videoUsage(courseId: string, moduleId: string, viewings: Iterable<ViewingSpan>, dropoffThreshold: number): SegmentUsage[] {
  const usage = new Map<number, { users: Set<string>; views: number }>();
  let duration = 0;
  for (const v of viewings) {
    if (duration === VIDEO_UNKNOWN_DURATION) {
      // stays unknown
    } else if (v.duration === VIDEO_UNKNOWN_DURATION) duration = VIDEO_UNKNOWN_DURATION;
    else if (v.duration > duration) duration = v.duration;
    for (let s = segmentOf(v.startOffset); s <= segmentOf(v.endOffset); s++) {
      let stats = usage.get(s);
      if (!stats) usage.set(s, (stats = { users: new Set(), views: 0 }));
      stats.users.add(v.userId);
      stats.views++;
    }
  }
  if (usage.size === 0) return [];
  let finalSegment: number;
  if (duration === VIDEO_UNKNOWN_DURATION) {
    finalSegment = inferredFinalSegment(usage, dropoffThreshold);
    duration = (finalSegment + 1) * VIDEO_VIEWING_SECONDS_PER_SEGMENT - 1;
  } else finalSegment = segmentOf(duration);
  const users = (s: number) => usage.get(s)?.users.size ?? 0;
  const base = {
    pipelineVideoId: `${courseId}|${moduleId}`,
    courseId,
    encodedModuleId: moduleId,
    duration: Math.trunc(duration) > LARGEST_HIVE_INT ? null : Math.trunc(duration),
    segmentLength: VIDEO_VIEWING_SECONDS_PER_SEGMENT,
    usersAtStart: users(0),
    usersAtEnd: users(segmentOf(Math.max(duration - 30, duration * 0.95))),
  };
  const rows: SegmentUsage[] = [];
  for (const segment of [...usage.keys()].sort((a, b) => a - b)) {
    const stats = usage.get(segment)!;
    rows.push({ ...base, segment, numUsers: stats.users.size, numViews: stats.views });
    if (segment === finalSegment) break;
  }
  return rows;
}

/** Python 2 `int(second) / 5` on a non-negative offset. */
export function segmentOf(second: number): number {
  return Math.floor(Math.trunc(second) / VIDEO_VIEWING_SECONDS_PER_SEGMENT);
}

function inferredFinalSegment(usage: Map<number, { users: Set<string> }>, dropoffThreshold: number): number {
  const segments = [...usage.keys()].sort((a, b) => b - a);
  let lastUsers = usage.get(segments[0]!)!.users.size;
  for (const segment of segments.slice(1)) {
    const current = usage.get(segment)!.users.size;
    if (lastUsers <= current * dropoffThreshold) return segment;
    lastUsers = current;
  }
  return segments[0]!;
}
