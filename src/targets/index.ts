export * from './local-target.js';
export * from './directory-target.js';
export * from './temp-path.js';
export * from './output-dir.js';
export * from './part-file-lines.js';
export * from './make-directory.js';
export * from './stamped-directory-target.js';
