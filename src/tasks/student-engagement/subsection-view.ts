/**
 * edX's SUBSECTION_ACCESSED_PATTERN, `re.match`ed against an implicit event's
 * type: `/courses/<3 course key parts>/courseware/<chapter>/<section>/...`.
 * Written for JS: Python's `.` stops only at `\n`, and its `$` also matches
 * before a final `\n`.
 */
const SUBSECTION_ACCESSED = /^\/courses\/[^/+]+(\/|\+)[^/+]+(\/|\+)[^/]+\/courseware\/[^/]+\/[^/]+\/[^\n]*\n?$/;

/**
 * A courseware subsection view, or null: the path (the event type) and the
 * time as edX's `get_event_time_string` gives it (text before `+`, with
 * `.000000` added when it has no fraction), which picks the latest view.
 */
export function subsectionViewOf(eventType: string, time: string): { path: string; timestamp: string } | null {
  if (!eventType.startsWith('/courses/') || !SUBSECTION_ACCESSED.test(eventType)) return null;
  const plus = time.indexOf('+');
  const timestamp = plus === -1 ? time : time.slice(0, plus);
  return { path: eventType, timestamp: timestamp.includes('.') ? timestamp : `${timestamp}.000000` };
}
