import { VIDEO_PAUSED, VIDEO_PLAYED, VIDEO_SEEK, VIDEO_STOPPED, VIDEO_UNKNOWN_DURATION } from './video-event.js';

/** What the mapper keeps of one event, sorted by time in the reducer. */
export type TimedVideoEvent = [timestamp: string, eventType: string, currentTime: number, oldTime: number | null, duration: number];

/** One stretch of watching: from a play to the pause, stop or seek that ended it. */
export interface Viewing {
  startTimestamp: string;
  startOffset: number;
  endOffset: number;
  duration: number;
  /** The event type that ended it. */
  endedBy: string;
}

/** Viewings shorter than this are noise (double clicks, player glitches). */
const VIDEO_VIEWING_MINIMUM_LENGTH = 0.25;

export type ViewingOutcome = { viewing: Viewing } | { drop: string };

/**
 * edX UserVideoViewingTask.reducer: one user's events on one video, in time
 * order; a play opens a viewing, the next pause/stop closes it at its
 * currentTime, a seek at its old_time. A play right after a seek starts where
 * the seek went (players often report the pre-seek time). Viewings that end
 * past the known duration (+1 s), before they start, or within 0.25 s are dropped.
 */
export function* viewingsOf(events: readonly TimedVideoEvent[]): Generator<ViewingOutcome> {
  const sorted = [...events].sort(compareEvents);
  let open: { startTimestamp: string; startOffset: number; duration: number } | null = null;
  let lastEnd: TimedVideoEvent | null = null;
  for (const event of sorted) {
    const [timestamp, eventType, currentTime, oldTime, duration] = event;
    if (eventType === VIDEO_PLAYED) {
      if (open) yield { drop: 'Discard Viewing Start On Successive Play' };
      const startOffset = lastEnd !== null && lastEnd[1] === VIDEO_SEEK ? lastEnd[2] : currentTime;
      open = { startTimestamp: timestamp, startOffset, duration };
      lastEnd = null;
      continue;
    }
    if (!open) continue; // a pause or seek outside a viewing: common, meaningless
    const end = eventType === VIDEO_PAUSED || eventType === VIDEO_STOPPED ? currentTime : eventType === VIDEO_SEEK ? oldTime : null;
    if (end === null) continue;
    yield closeViewing(open, end, eventType);
    // A closed viewing is thrown away even when it was invalid: its data is untrustworthy.
    open = null;
    lastEnd = event;
  }
  if (open) yield { drop: 'Discard Viewing Start With No Matching End' };
}

function closeViewing(open: { startTimestamp: string; startOffset: number; duration: number }, end: number, endedBy: string): ViewingOutcome {
  if (open.duration !== VIDEO_UNKNOWN_DURATION && end > open.duration + 1) return { drop: 'Discard Viewing End Time Past End Of Video' };
  if (end < open.startOffset) return { drop: 'Discard Viewing End Time Before Start Time' };
  if (end - open.startOffset < VIDEO_VIEWING_MINIMUM_LENGTH) return { drop: 'Discard Viewing End Time Too Short' };
  return { viewing: { ...open, endOffset: end, endedBy } };
}

// Python sorted() on the value tuples: timestamp, then event type, then the numbers.
function compareEvents(a: TimedVideoEvent, b: TimedVideoEvent): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? -Infinity;
    const y = b[i] ?? -Infinity;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}
