import { DateInterval, p, registry } from '../../core/index.js';

/** edX's `[module-engagement]` keys this workflow reads (the roster keys are not used here). */
registry.declareSection('module-engagement', ['store_anonymous_username', 'allow_empty_insert', 'overwrite_n_days']);
// edX's workflow reads overwrite_n_days from [module_engagement], with an underscore, unlike its other keys: an edX config works as is.
registry.declareSection('module_engagement', ['overwrite_n_days']);
registry.declareSection('hive', ['warehouse_path']);

export const COUNTERS = 'Module Engagement';

export const engagementParameters = {
  warehousePath: p.path({ default: 'warehouse', description: 'Root of the per-day engagement partitions. Default: [hive] warehouse_path, else ./warehouse.' }),
  storeAnonymousUsername: p.string({
    default: '',
    description: 'Count anonymous events under this name (e.g. "ANONYMOUS USER", at most 30 characters) instead of dropping them. Default: [module-engagement] store_anonymous_username.',
  }),
};

/** Config values filled in before a task is built, so required tasks and worker threads see the same. */
export function withEngagementDefaults(params: Record<string, unknown> | undefined): Record<string, unknown> {
  const out = { ...(params ?? {}) };
  out.warehousePath ??= registry.config.get('hive', 'warehouse_path') ?? 'warehouse';
  out.storeAnonymousUsername ??= registry.config.get('module-engagement', 'store_anonymous_username') ?? '';
  return out;
}

/** `[module-engagement] overwrite_n_days`, else edX's `[module_engagement] overwrite_n_days`, for the workflow's --overwrite-n-days. */
export function configuredOverwriteNDays(): string | undefined {
  return registry.config.get('module-engagement', 'overwrite_n_days') ?? registry.config.get('module_engagement', 'overwrite_n_days');
}

/** Tasks driven by --date: the interval is that day (or the weeks before it), never given. */
export const intervalFromDate = p.dateInterval({ default: DateInterval.between('1970-01-01', '1970-01-02'), identity: false, description: 'Not used: set from --date.' });
