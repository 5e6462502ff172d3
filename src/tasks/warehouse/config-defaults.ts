import { registry, withSectionDefaults, type TaskClass } from '../../core/index.js';

/**
 * Where the warehouse lives (edX `[hive] warehouse_path`): the intermediate
 * day partitions (`<table>/dt=YYYY-MM-DD/`) that incremental runs reuse.
 */
registry.declareSection('hive', ['warehouse_path']);

/** luigi's `config_path` for a library section: see withSectionDefaults in src/core/config-path.ts. */
export function withConfigDefaults(
  cls: TaskClass,
  params: Record<string, unknown> | undefined,
  section: string,
  keys: Record<string, string>,
): Record<string, unknown> {
  return withSectionDefaults(cls, params, section, keys);
}
