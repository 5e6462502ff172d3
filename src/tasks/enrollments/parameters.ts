import { isoDayOf, p, registry, type Task, type TaskClass } from '../../core/index.js';
import { mapReduceParameters } from '../../mapreduce/index.js';
import { eventLogSourceParameters, intervalFromEnds, overwriteParameters, warehouseParameters, withConfigDefaults } from '../warehouse/index.js';

registry.declareSection('enrollments', ['overwrite_n_days', 'interval_start']);

/** Counter group of the enrollment tasks (edX's groups, merged). */
export const COUNTERS = 'Enrollments';

/**
 * The parameters every enrollment task shares, with edX's names
 * (CourseEnrollmentDownstreamMixin, OverwriteHiveAndMysqlDownstreamMixin).
 */
export const enrollmentParameters = {
  ...mapReduceParameters,
  interval: p.dateInterval({ description: 'Days of enrollment history to report: 2014-07-30-2014-08-07 (end excluded). Daily rows stop the day before the end.' }),
  intervalStart: p.string({ default: '', identity: false, description: 'Without --interval: its first day. Default: [enrollments] interval_start.' }),
  intervalEnd: p.string({ default: '', identity: false, description: 'Without --interval: the day after its last (excluded). Default: today (UTC).' }),
  overwriteNDays: p.int({
    identity: false,
    description: 'Re-scan the raw logs of the last N days of --interval; earlier days come from the warehouse (course_enrollment_events/) of earlier runs. Default: [enrollments] overwrite_n_days.',
  }),
  ...eventLogSourceParameters,
  ...warehouseParameters,
  overwriteHive: overwriteParameters.overwriteHive,
};

const IMPORT_DATE_HELP = 'Day of the LMS auth_userprofile import (warehouse partition auth_userprofile/dt=DATE). Default: today (UTC).';

/** `--date` of the import: the day the LMS profiles are copied for (edX's import date); it names the partition. */
export const importDateParameter = {
  date: p.date({ default: isoDayOf(Date.now()), description: IMPORT_DATE_HELP }),
};

/** The same `--date` on the loads: not part of their id, so the tables of one interval are one load whatever day it runs. */
export const loadImportDateParameter = {
  date: p.date({ default: isoDayOf(Date.now()), identity: false, description: IMPORT_DATE_HELP }),
};

/** `[hive] warehouse_path` and `[enrollments] overwrite_n_days` for the parameters the caller left out. */
export function withEnrollmentDefaults(cls: TaskClass, params: Record<string, unknown> | undefined): Record<string, unknown> {
  const withHive = withConfigDefaults(cls, params, 'hive', { warehousePath: 'warehouse_path' });
  return intervalFromEnds(cls, withConfigDefaults(cls, withHive, 'enrollments', { overwriteNDays: 'overwrite_n_days', intervalStart: 'interval_start' }));
}


/**
 * Overrides for `task.clone(...)`: an empty --source, --pattern or
 * --expand-interval is not passed on (undefined = not given), so the required
 * task falls back to `[event-logs]` instead of inheriting the emptiness.
 */
export function eventLogFallbacks(task: Task): Record<string, unknown> {
  const unset: Record<string, unknown> = {};
  for (const name of ['source', 'pattern']) if (Array.isArray(task.params[name]) && (task.params[name] as unknown[]).length === 0) unset[name] = undefined;
  if (task.params.expandInterval === '') unset.expandInterval = undefined;
  return unset;
}
