/** Shared pieces of the warehouse-backed workflows (user activity, enrollments): day partitions and config defaults. */
export * from './config-defaults.js';
export * from './day-partitions.js';
export * from './warehouse-parameters.js';
export * from './overwrite-mysql.js';
export * from './lines.js';
export * from './split-into-days.js';
export * from './rebuilt.js';
export * from './field-checks.js';
export * from './daily-partition-log-job.js';
export * from './incremental-interval.js';
