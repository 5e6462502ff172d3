/**
 * edX's RegexFilter: keep (allowlist) or drop (blocklist) events whose name
 * matches any pattern, with Python `re.match` semantics (anchored at the start).
 * All invalid patterns are reported together, at construction.
 */
import { EventEmissionExit, TrackingConfigError } from '../errors.js';
import type { EventRecord, Processor } from '../event.js';
import { compilePythonMatch, pythonMatches } from './python-regex.js';

export type RegexFilterType = 'allowlist' | 'blocklist';

export interface RegexFilterOptions {
  filterType: RegexFilterType;
  regularExpressions: string[];
  /** Where this filter sits in the config, for error messages. */
  configPath?: string;
}

export function regexFilter(options: RegexFilterOptions): Processor {
  const where = options.configPath ?? 'RegexFilter';
  if (options.filterType !== 'allowlist' && options.filterType !== 'blocklist')
    throw new TrackingConfigError(`${where}.filter_type`, `'${String(options.filterType)}' is not 'allowlist' or 'blocklist'`);
  if (!Array.isArray(options.regularExpressions))
    throw new TrackingConfigError(`${where}.regular_expressions`, 'must be a list of patterns');
  const compiled: RegExp[] = [];
  const bad: string[] = [];
  options.regularExpressions.forEach((pattern, i) => {
    try {
      if (typeof pattern !== 'string') throw new Error('not a string');
      compiled.push(compilePythonMatch(pattern));
    } catch (error) {
      bad.push(`[${i}] ${JSON.stringify(pattern)} (${(error as Error).message})`);
    }
  });
  if (bad.length > 0) throw new TrackingConfigError(`${where}.regular_expressions`, `invalid patterns: ${bad.join('; ')}`);
  const allow = options.filterType === 'allowlist';
  return (event: EventRecord) => {
    const name = eventName(event);
    const matched = compiled.some((regex) => pythonMatches(regex, name));
    if (matched !== allow) throw new EventEmissionExit(allow ? 'not in allowlist' : 'in blocklist');
  };
}

/** The envelope's `name`, or the legacy record's `event_type` once mapped. */
export function eventName(event: EventRecord): string {
  const name = event.name ?? event.event_type;
  return typeof name === 'string' ? name : '';
}
