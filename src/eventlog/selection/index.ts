export * from './date-from-name.js';
export * from './event-log-selection.js';
export * from './event-logs-config.js';
export * from './list-files.js';
export * from './manifest.js';
export * from './path-set.js';
export * from './python-regex.js';
export * from './source-path.js';
