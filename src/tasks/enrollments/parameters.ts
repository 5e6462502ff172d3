import { isoDayOf, p, registry, type Task, type TaskClass } from '../../core/index.js';
import { mapReduceParameters } from '../../mapreduce/index.js';
import { overwriteParameters, warehouseParameters, withConfigDefaults } from '../warehouse/index.js';

registry.declareSection('enrollments', ['overwrite_n_days']);

/** Counter group of the enrollment tasks (edX's groups, merged). */
export const COUNTERS = 'Enrollments';

/**
 * The parameters every enrollment task shares, with edX's names
 * (CourseEnrollmentDownstreamMixin, OverwriteHiveAndMysqlDownstreamMixin).
 */
export const enrollmentParameters = {
  ...mapReduceParameters,
  interval: p.dateInterval({ description: 'Days of enrollment history to report: 2014-07-30-2014-08-07 (end excluded). Daily rows stop the day before the end.' }),
  overwriteNDays: p.int({
    identity: false,
    description: 'Re-scan the raw logs of the last N days of --interval; earlier days come from the warehouse (course_enrollment_events/) of earlier runs. Default: [enrollments] overwrite_n_days.',
  }),
  source: p.list(p.string(), { default: [], identity: false, description: 'Directories holding tracking logs (a JSON list as edX passes it). Default: [event-logs] source.' }),
  pattern: p.list(p.string(), { default: [], identity: false, description: 'Regexes for log file paths with a (?P<date>...) group. Default: [event-logs] pattern.' }),
  expandInterval: p.string({ default: '', identity: false, description: 'How far to widen the re-scanned days when choosing files. Default: [event-logs] expand_interval.' }),
  ...warehouseParameters,
  overwriteHive: overwriteParameters.overwriteHive,
};

/** `--date` of the workflow: the day the LMS profiles are imported for (edX's import date). */
export const importDateParameter = {
  date: p.date({ default: isoDayOf(Date.now()), description: 'Day of the LMS auth_userprofile import (warehouse partition auth_userprofile/dt=DATE). Default: today (UTC).' }),
};

/** `[hive] warehouse_path` and `[enrollments] overwrite_n_days` for the parameters the caller left out. */
export function withEnrollmentDefaults(cls: TaskClass, params: Record<string, unknown> | undefined): Record<string, unknown> {
  const withHive = withConfigDefaults(cls, params, 'hive', { warehousePath: 'warehouse_path' });
  return withConfigDefaults(cls, withHive, 'enrollments', { overwriteNDays: 'overwrite_n_days' });
}

/** The values of `task` for the parameters `cls` declares; empty source/pattern/expand are left out so [event-logs] applies. */
export function paramsFor(cls: TaskClass, task: Task, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(cls.parameters)) if (name in task.params) out[name] = task.params[name];
  for (const name of ['source', 'pattern']) if (Array.isArray(out[name]) && (out[name] as unknown[]).length === 0) delete out[name];
  if (out.expandInterval === '') delete out.expandInterval;
  return { ...out, ...extra };
}
