/**
 * The built-in task library. Importing this module registers every built-in
 * task family with the registry, so `launch-task <Family>` can find it.
 */
export * from './answer-distribution/index.js';
export * from './user-activity/index.js';
export * from './video/index.js';
export * from './module-engagement/index.js';
export * from './enrollments/index.js';
export * from './event-export/index.js';
export * from './tags-distribution/index.js';
export * from './problem-response/index.js';
export * from './total-events/index.js';
export * from './location/index.js';
export * from './student-engagement/index.js';
export * from './event-type-dist/index.js';
export * from './studentmodule-dist/index.js';
