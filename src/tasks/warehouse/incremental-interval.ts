import { familyOf, isoDayOf, p, registry, UsageError, type TaskClass } from '../../core/index.js';

/**
 * Where a workflow that re-scans only its last days finds its logs, with
 * edX's names; empty means the `[event-logs]` settings (filled in by the
 * log-reading task itself).
 */
export const eventLogSourceParameters = {
  source: p.list(p.string(), { default: [], identity: false, description: 'Directories holding tracking logs (a JSON list as edX passes it). Default: [event-logs] source.' }),
  pattern: p.list(p.string(), { default: [], identity: false, description: 'Regexes for log file paths with a (?P<date>...) group. Default: [event-logs] pattern.' }),
  expandInterval: p.string({ default: '', identity: false, description: 'How far to widen the re-scanned days when choosing files. Default: [event-logs] expand_interval.' }),
};

/**
 * edX's nightly form: with no --interval (nor one in the family's config
 * section), the interval is [--interval-start, --interval-end), the end
 * defaulting to today (UTC). Without a start either, params are unchanged.
 */
export function intervalFromEnds(cls: TaskClass, params: Record<string, unknown>): Record<string, unknown> {
  if (params.interval !== undefined || registry.config.has(familyOf(cls), 'interval')) return params;
  const start = typeof params.intervalStart === 'string' ? params.intervalStart.trim() : '';
  if (start === '') {
    // The parameter check would name --interval alone; the nightly form is what cron users want.
    const interval = cls.parameters.interval;
    if (interval && !interval.hasDefault && cls.parameters.intervalStart)
      throw new UsageError(`${familyOf(cls)}: give --interval (e.g. 2024-03-01-2024-03-08), or --interval-start for the nightly form (up to --interval-end, default today).`);
    return params;
  }
  const end = typeof params.intervalEnd === 'string' && params.intervalEnd.trim() !== '' ? params.intervalEnd.trim() : isoDayOf(Date.now());
  return { ...params, interval: `${start}-${end}` };
}
