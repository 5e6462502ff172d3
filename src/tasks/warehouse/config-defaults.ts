import { familyOf, registry, type TaskClass } from '../../core/index.js';

/**
 * Where the warehouse lives (edX `[hive] warehouse_path`): the intermediate
 * day partitions (`<table>/dt=YYYY-MM-DD/`) that incremental runs reuse.
 */
registry.declareSection('hive', ['warehouse_path']);

/**
 * luigi's `config_path`: a parameter the caller left out takes
 * `[section] key` unless the task's own `[Family] param` section sets it.
 * Values are config text, parsed by the parameter like any config value.
 */
export function withConfigDefaults(
  cls: TaskClass,
  params: Record<string, unknown> | undefined,
  section: string,
  keys: Record<string, string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(params ?? {}) };
  const family = familyOf(cls);
  for (const [param, key] of Object.entries(keys)) {
    const familyKey = param.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
    if (out[param] !== undefined || registry.config.has(family, familyKey)) continue;
    const value = registry.config.get(section, key);
    if (value !== undefined) out[param] = value;
  }
  return out;
}
