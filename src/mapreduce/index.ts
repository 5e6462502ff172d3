export * from './step.js';
export * from './keys.js';
export * from './job.js';
export * from './runner.js';
export * from './runners.js';
export * from './runner-parameter.js';
export * from './failure.js';
export * from './grouping.js';
export { runStreamingPhase, type StreamingIo } from './streaming.js';
