export * from './byte-range.js';
export * from './gzip-magic.js';
export * from './lines.js';
export * from './read-line-chunks.js';
