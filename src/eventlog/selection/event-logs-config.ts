import { withSectionDefaults } from '../../core/config-path.js';
import { registry } from '../../core/registry.js';
import type { ParameterSpecs } from '../../core/parameters/index.js';
import type { Task, TaskClass } from '../../core/task.js';

/**
 * A task class seen the way TypeScript's mixin rule wants it (a constructor
 * taking `...args: any[]`), so a mixin may define a constructor that fills in
 * `[event-logs]` defaults before Task's constructor reads the parameters.
 */
export type MixableBase = (abstract new (...args: any[]) => Task) & { readonly parameters: ParameterSpecs };

/**
 * `[event-logs]`: where a site keeps its tracking logs and how their files
 * are named, shared by every task that reads them (edX's section of the
 * same name). A task's own `[Family] key` and the command line still win.
 */
export const EVENT_LOGS_SECTION = 'event-logs';
registry.declareSection(EVENT_LOGS_SECTION, ['source', 'pattern', 'expand_interval']);

/** Built-in values for keys a site has not configured. */
export const EVENT_LOGS_DEFAULTS: Record<string, string | undefined> = {
  // Rotated logs are `tracking.log-YYYYMMDD[-epoch][.gz]`; edX's own default added `\.gz`.
  pattern: '[".*tracking\\\\.log-(?P<date>\\\\d{8}).*"]',
  // Logs rotate a little after midnight, and late events land in the next file.
  expand_interval: '2 days',
};

/** The constructor parameters with `[event-logs]` values (else our defaults) filled in: luigi's `config_path`. */
export function withEventLogDefaults(
  cls: TaskClass,
  params: Record<string, unknown> | undefined,
  keys: Record<string, string>,
): Record<string, unknown> {
  return withSectionDefaults(cls, params, EVENT_LOGS_SECTION, keys, EVENT_LOGS_DEFAULTS);
}
