import { familyOf, registry } from './registry.js';
import type { TaskClass } from './task.js';

/**
 * luigi's `config_path`: a parameter the caller left out takes `[section] key`
 * (else `fallbacks[key]`) unless the task's own `[Family] param` sets it.
 * Returns constructor parameters; values are config text, parsed by the
 * parameter codecs like any config value.
 */
export function withSectionDefaults(
  cls: TaskClass,
  params: Record<string, unknown> | undefined,
  section: string,
  keys: Record<string, string>,
  fallbacks: Readonly<Record<string, string | undefined>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(params ?? {}) };
  const family = familyOf(cls);
  for (const [param, key] of Object.entries(keys)) {
    const familyKey = param.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
    if (out[param] !== undefined || registry.config.has(family, familyKey)) continue;
    const value = registry.config.get(section, key) ?? fallbacks[key];
    if (value !== undefined) out[param] = value;
  }
  return out;
}
