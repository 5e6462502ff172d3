export * from './broker-backend.js';
export * from './broker-consumer.js';
export * from './topology.js';
export * from './dedup-window.js';
