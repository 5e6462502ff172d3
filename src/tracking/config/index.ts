export * from './build-tracker.js';
export * from './backend-engines.js';
export * from './processor-engines.js';
