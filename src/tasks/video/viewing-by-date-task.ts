import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addDays, Task } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { mapReduceParameters } from '../../mapreduce/index.js';
import { DirectoryTarget, LocalTarget, partFileLines } from '../../targets/index.js';
import { COUNTERS, videoDownstreamParameters, withVideoDefaults } from './parameters.js';
import { UserVideoViewingTask } from './user-video-viewing-task.js';
import { viewingDay } from './viewing-lines.js';

const Base = WithEventLogSelection(Task);

/** Where the viewings that started on `day` are kept between runs. */
export function viewingDayDir(warehousePath: string, day: string): DirectoryTarget {
  return new DirectoryTarget(join(warehousePath, 'video_viewing_by_date', `dt=${day}`));
}

/**
 * edX UserVideoViewingByDateTask: the viewings of --interval stored per day of
 * their start, `<warehouse>/video_viewing_by_date/dt=YYYY-MM-DD/`. Only the
 * last --overwrite-n-days days are re-scanned from raw logs, plus every day
 * that has no stored history yet (so a first run reads everything; edX
 * assumed the history existed). Older stored days are left as they are.
 */
export class UserVideoViewingByDateTask extends Base {
  static override description = 'Video viewings stored per day; re-scans the last --overwrite-n-days days and any day never stored.';
  static override parameters = { ...Base.parameters, ...mapReduceParameters, ...videoDownstreamParameters };
  declare warehousePath: string;
  declare overwriteNDays: number;
  #scanStart: string | null | undefined;

  constructor(params?: Record<string, unknown>) {
    super(withVideoDefaults(params));
  }

  /** First day to re-scan (decided once per run), or null when every day is stored and none is to be overwritten. */
  scanStart(): string | null {
    if (this.#scanStart !== undefined) return this.#scanStart;
    const { start, end } = this.interval;
    let from = addDays(end, -Math.max(0, this.overwriteNDays));
    if (from < start) from = start;
    const missing = this.interval.dates().find((day) => !viewingDayDir(this.warehousePath, day).exists());
    if (missing !== undefined && missing < from) from = missing;
    return (this.#scanStart = from < end ? from : null);
  }

  override requires(): UserVideoViewingTask[] {
    const from = this.scanStart();
    if (from === null) return [];
    const scan = `${from}-${this.interval.end}`;
    return [this.clone(UserVideoViewingTask, { interval: scan, outputRoot: join(this.warehousePath, 'user_video_viewing', scan) })];
  }

  override output(): LocalTarget {
    return new LocalTarget(join(this.warehousePath, 'video_viewing_by_date', `_SUCCESS_${this.interval}`));
  }

  override async run(): Promise<void> {
    const from = this.scanStart();
    if (from !== null) {
      const byDay = new Map<string, string[]>();
      for (const day of this.interval.dates()) if (day >= from) byDay.set(day, []);
      const scanned = this.requires()[0]!.output();
      for await (const line of partFileLines(await scanned.partFiles())) {
        const lines = byDay.get(viewingDay(line) ?? '');
        if (lines) lines.push(line);
        else this.incrementCounter(COUNTERS, 'Discard Viewing Outside Interval');
      }
      for (const [day, lines] of byDay) {
        await viewingDayDir(this.warehousePath, day).build((tmp) => writeFile(join(tmp, 'part-00000'), lines.map((l) => l + '\n').join('')));
        this.incrementCounter(COUNTERS, 'Days Rebuilt From Raw Logs');
      }
    }
    await this.output().writeText(`${this.interval}\n`);
  }
}
