import { p, registry, UsageError } from '../../core/index.js';

/** edX's config: `[event-export-course] output_root` is --output-root's default; `[ccx] enabled` admits CCX course keys. */
registry.declareSection('event-export-course', ['output_root']);
registry.declareSection('ccx', ['enabled']);

export const COUNTERS = 'Event Export';

/** `[ccx] enabled` (default false), read where the mapper runs (the config travels to worker threads). */
export function ccxEnabled(): boolean {
  const text = registry.config.get('ccx', 'enabled');
  if (text === undefined) return false;
  try {
    return p.bool().parse(text);
  } catch {
    throw new UsageError(`[ccx] enabled = ${JSON.stringify(text)} is not a boolean; write true or false.`);
  }
}
