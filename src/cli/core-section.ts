import type { Config } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { registry } from '../core/registry.js';

/** `[core]` keys the CLI reads. */
registry.declareSection('core', ['modules', 'lock_dir', 'workers']);

/** `[core] modules` as a JSON list or a comma-separated list. */
export function configuredModules(config: Config): string[] {
  const text = config.get('core', 'modules')?.trim();
  if (!text) return [];
  if (text.startsWith('[')) {
    try {
      return (JSON.parse(text) as unknown[]).map(String);
    } catch {
      throw new UsageError(`[core] modules = ${text} (from ${config.lookup('core', 'modules')?.source}): expected a JSON list or a comma-separated list.`);
    }
  }
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

export function configuredWorkers(config: Config): number | undefined {
  const text = config.get('core', 'workers');
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`[core] workers = ${text} (from ${config.lookup('core', 'workers')?.source}): expected a whole number of at least 1.`);
  return n;
}
