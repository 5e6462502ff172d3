export * from './generate.js';
export * from './size.js';
export { BAD_KINDS, type BadKind } from './bad-lines.js';
export type { DaySummary } from './day-file.js';
