import { isoDayOf, p, registry, type TaskClass } from '../../core/index.js';
import { eventLogSourceParameters, withConfigDefaults } from '../warehouse/index.js';
import { mapReduceParameters } from '../../mapreduce/runner-parameter.js';

registry.declareSection('user-activity', ['overwrite_n_days']);

/**
 * The parameters every course-activity task shares, with edX's names
 * (WeeklyIntervalMixin, UserActivityDownstreamMixin). `--overwrite-n-days`
 * defaults to `[user-activity] overwrite_n_days`.
 */
export const courseActivityParameters = {
  endDate: p.date({ default: isoDayOf(Date.now()), description: 'Weeks end at the Monday that starts the week of this day (that week is not over). Default: today (UTC).' }),
  weeks: p.int({ default: 24, description: 'How many whole ISO weeks before --end-date to report.' }),
  overwriteNDays: p.int({
    identity: false,
    description: 'Re-scan the raw logs of the last N days before --end-date; earlier days come from the warehouse partitions of earlier runs. Default: [user-activity] overwrite_n_days.',
  }),
  ...eventLogSourceParameters,
};

/** The map/reduce parameters (runner, reducers, ...) for the tasks that take them from a parent. */
export { mapReduceParameters };

/** `[hive] warehouse_path` and `[user-activity] overwrite_n_days` for the parameters the caller left out. */
export function withCourseActivityDefaults(cls: TaskClass, params: Record<string, unknown> | undefined): Record<string, unknown> {
  const withHive = withConfigDefaults(cls, params, 'hive', { warehousePath: 'warehouse_path' });
  return withConfigDefaults(cls, withHive, 'user-activity', { overwriteNDays: 'overwrite_n_days' });
}
