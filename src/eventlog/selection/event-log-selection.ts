import type { DateInterval } from '../../core/date-interval.js';
import { MissingInputDataError, UsageError } from '../../core/errors.js';
import type { TaskBase } from '../../core/mixin.js';
import { p } from '../../core/parameters/index.js';
import type { TimeDelta } from '../../core/time-delta.js';
import { dateReader, dayOfEpochSeconds } from './date-from-name.js';
import { EVENT_LOGS_DEFAULTS, withEventLogDefaults, type MixableBase } from './event-logs-config.js';
import { listFilesUnder } from './list-files.js';
import { pythonRegex } from './python-regex.js';
import { sourceToPath } from './source-path.js';

export interface DateSelection {
  source: readonly string[];
  pattern: readonly string[];
  interval: DateInterval;
  expandInterval: TimeDelta;
  datePattern: string;
}

export interface DateSelectionResult {
  files: string[];
  /** Files a pattern matched whose `date`/`timestamp` text is not a date: counted, never silently dropped. */
  badDates: string[];
}

/**
 * edX's PathSelectionByDateIntervalTask: list every source recursively and
 * keep a file when the first pattern that matches its absolute path (anchored
 * at the start, as Python's re.match) either has no `date`/`timestamp` group
 * or captures a day inside the interval widened by expandInterval. The
 * widening only decides which files are read; events are still filtered on
 * the unwidened interval by the task (edX's get_event_and_date_string).
 */
export async function selectByDate(selection: DateSelection): Promise<DateSelectionResult> {
  if (selection.source.length === 0)
    throw new UsageError('--source is required: give the directories holding the tracking logs (or set [event-logs] source).');
  const patterns = selection.pattern.map((pattern) => pythonRegex(pattern, '--pattern'));
  if (patterns.length === 0) throw new UsageError('--pattern is empty: give at least one regex (or set [event-logs] pattern).');
  const readDate = dateReader(selection.datePattern);
  const widened = selection.interval.expand(selection.expandInterval);
  const files = new Set<string>();
  const badDates: string[] = [];
  for (const entry of selection.source) {
    for (const path of await listFilesUnder(sourceToPath(entry, '--source'), [], '--source')) {
      const match = patterns.map((re) => re.exec(path)).find((m) => m !== null);
      if (!match) continue;
      const groups = match.groups ?? {};
      const day =
        groups.date !== undefined ? readDate(groups.date) : groups.timestamp !== undefined ? dayOfEpochSeconds(groups.timestamp) : null;
      if (day === undefined) badDates.push(path);
      else if (day === null || widened.contains(day)) files.add(path);
    }
  }
  return { files: [...files].sort(), badDates: badDates.sort() };
}

/**
 * edX's EventLogSelectionMixin as a mixin: `--interval`, `--source`,
 * `--pattern`, `--expand-interval`, `--date-pattern`, with `[event-logs]`
 * supplying source, pattern and expand_interval. inputFiles() lists the
 * files; eventInInterval() is the per-event check on the `time` field's day.
 */
export const WithEventLogSelection = <B extends TaskBase>(Base: B) => {
  abstract class EventLogSelection extends (Base as unknown as MixableBase) {
    static override parameters = {
      ...Base.parameters,
      interval: p.dateInterval({ description: 'Days whose events to read: 2014, 2014-03, 2014-W10, 2014-03-01 or 2014-03-01-2014-03-08 (end excluded).' }),
      source: p.list(p.string(), { description: 'Directories holding tracking logs (a JSON list as edX passes it).', defaultText: '[event-logs] source' }),
      pattern: p.list(p.string(), {
        description: 'Regexes for log file paths, with a (?P<date>...) group; a file is read if its date is in the widened interval.',
        defaultText: `[event-logs] pattern, else ${EVENT_LOGS_DEFAULTS.pattern}`,
      }),
      expandInterval: p.timeDelta({
        description: 'How far to widen the interval when choosing files (late events land in later files).',
        defaultText: `[event-logs] expand_interval, else ${EVENT_LOGS_DEFAULTS.expand_interval}`,
      }),
      datePattern: p.string({ default: '%Y%m%d', description: 'How the date group is written (strftime %Y, %m, %d).' }),
    };
    declare interval: DateInterval;
    declare source: string[];
    declare pattern: string[];
    declare expandInterval: TimeDelta;
    declare datePattern: string;

    constructor(...args: any[]) {
      super(withEventLogDefaults(new.target, args[0], { source: 'source', pattern: 'pattern', expandInterval: 'expand_interval' }));
    }

    /** The selected files: sorted, absolute. A selection that finds nothing is an error naming the sources. */
    async inputFiles(): Promise<string[]> {
      const { files, badDates } = await selectByDate(this);
      if (badDates.length > 0) this.incrementCounter('Input', 'Files With Unreadable Date In Name', badDates.length);
      // The day's logs may just not be there yet: exit 2 (missing input), which a cron wrapper can retry, not 64.
      if (files.length === 0)
        throw new MissingInputDataError(
          `No log file under --source ${JSON.stringify(this.source)} matches --pattern ${JSON.stringify(this.pattern)} with a date in ${this.interval.expand(this.expandInterval).start} up to ${this.interval.expand(this.expandInterval).end}; check the source, the pattern and --interval.`,
        );
      return files;
    }

    /**
     * edX's event-level filter: the event's `time` day (text before `T`) inside the unwidened interval.
     * edX compares the text only, so `2024-03-04/../../x` or `2024-03-04 10:21:44` passed and then
     * named an output file or a day partition (a path outside the output, or a day never written):
     * here only a real day of the interval is inside it (not `2024-02-30` either), the rest counts as outside.
     */
    eventInInterval(time: string): boolean {
      const t = time.indexOf('T');
      const day = t === -1 ? time : time.slice(0, t);
      return (this.#intervalDays ??= new Set(this.interval.dates())).has(day);
    }

    #intervalDays: Set<string> | undefined;
  }
  return EventLogSelection as unknown as B & typeof EventLogSelection;
};
