import { VIDEO_PAUSED, VIDEO_PLAYED, VIDEO_SEEK, VIDEO_STOPPED, VIDEO_UNKNOWN_DURATION } from './video-event.js';

/** What the mapper keeps of one event, sorted by time in the reducer. */
export type TimedVideoEvent = [timestamp: string, eventType: string, currentTime: number, oldTime: number | null, youtubeId: string | null, duration: number | null];

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
  let open: OpenViewing | null = null;
  let lastEnd: TimedVideoEvent | null = null;
  for (const event of sorted) {
    const [timestamp, eventType, currentTime, oldTime, , duration] = event;
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

type OpenViewing = { startTimestamp: string; startOffset: number; duration: number | null };

function closeViewing(open: OpenViewing, end: number, endedBy: string): ViewingOutcome {
  // edX computes `duration + 1` on a string or list here and crashes: we skip and count.
  if (open.duration === null) return { drop: 'Discard Viewing With Unusable Duration' };
  if (open.duration !== VIDEO_UNKNOWN_DURATION && end > open.duration + 1) return { drop: 'Discard Viewing End Time Past End Of Video' };
  if (end < open.startOffset) return { drop: 'Discard Viewing End Time Before Start Time' };
  if (end - open.startOffset < VIDEO_VIEWING_MINIMUM_LENGTH) return { drop: 'Discard Viewing End Time Too Short' };
  return { viewing: { ...open, duration: open.duration, endOffset: end, endedBy } };
}

// Python 2 sorted() on the value tuples: timestamp, event type, current time,
// old time (None first), YouTube id (None first, then UTF-8 byte order), duration
// (numbers before the unusable non-numbers, which are null here).
function compareEvents(a: TimedVideoEvent, b: TimedVideoEvent): number {
  return (
    compareText(a[0], b[0]) ||
    compareText(a[1], b[1]) ||
    a[2] - b[2] ||
    (a[3] ?? -Infinity) - (b[3] ?? -Infinity) ||
    compareNullFirst(a[4], b[4]) ||
    compareNumbers(a[5] ?? Infinity, b[5] ?? Infinity)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNullFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
