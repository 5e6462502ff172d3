/**
 * The public API: `import { Task, p, LocalTarget, runTasks } from 'pipewright'`.
 * Other parts (map/reduce, SQL, event logs) are reachable as
 * `pipewright/<folder>/index` until they are added here.
 */
export * from './core/index.js';
export * from './targets/index.js';
export * from './scheduler/index.js';
