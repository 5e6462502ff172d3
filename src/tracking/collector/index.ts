export * from './collector.js';
export * from './handlers.js';
export * from './listeners.js';
export * from './message.js';
export * from './request-body.js';
