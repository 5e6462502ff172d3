/**
 * edX's per-line event parsing rules, shared by every tracking-log task:
 * bytes -> text -> event dict -> payload, timestamp, course id. Every function
 * returns a reason instead of throwing, so callers can count each drop.
 */
export * from './decode-line.js';
export * from './parse-event-line.js';
export * from './parse-event-in-interval.js';
export * from './event-data.js';
export * from './event-timestamp.js';
export * from './course-key.js';
export * from './ccx-key.js';
export * from './course-id.js';
export * from './course-from-url.js';
export * from './event-date.js';
export * from './event-username.js';
export * from './python/index.js';
