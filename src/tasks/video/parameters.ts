import { p, registry } from '../../core/index.js';

/** edX's `[videos]` section; `[hive] warehouse_path` says where per-day history lives. */
registry.declareSection('videos', ['dropoff_threshold', 'overwrite_n_days', 'allow_empty_insert']);
registry.declareSection('hive', ['warehouse_path']);

export const COUNTERS = 'Video Events';
const DEFAULTS = { dropoff_threshold: '0.05', overwrite_n_days: '3', allow_empty_insert: 'false' };

/** The parameters of every video task after the raw-log scan (edX VideoTableDownstreamMixin). */
export const videoDownstreamParameters = {
  warehousePath: p.path({ default: 'warehouse', description: 'Root of the per-day history and intermediate outputs. Default: [hive] warehouse_path.' }),
  overwriteNDays: p.int({
    default: 3,
    identity: false,
    description: 'Re-scan the raw logs for the last N days of --interval; older days come from earlier runs when stored. Default: [videos] overwrite_n_days, else 3.',
  }),
  dropoffThreshold: p.float({
    default: 0.05,
    description: 'For videos of unknown length: the last segment is the one before users drop below this fraction. Default: [videos] dropoff_threshold, else 0.05.',
  }),
};

/**
 * Config values filled in before a task is built (luigi's config_path), so
 * the tasks it requires and worker threads get the same values.
 */
export function withVideoDefaults(params: Record<string, unknown> | undefined): Record<string, unknown> {
  const out = { ...(params ?? {}) };
  out.warehousePath ??= registry.config.get('hive', 'warehouse_path') ?? 'warehouse';
  out.overwriteNDays ??= registry.config.get('videos', 'overwrite_n_days') ?? DEFAULTS.overwrite_n_days;
  out.dropoffThreshold ??= registry.config.get('videos', 'dropoff_threshold') ?? DEFAULTS.dropoff_threshold;
  return out;
}

/** `[videos] allow_empty_insert` for the two loaders (edX's config key). */
export function allowEmptyDefault(params: Record<string, unknown> | undefined): Record<string, unknown> {
  const out = { ...(params ?? {}) };
  out.allowEmptyInsert ??= registry.config.get('videos', 'allow_empty_insert') ?? DEFAULTS.allow_empty_insert;
  return out;
}
