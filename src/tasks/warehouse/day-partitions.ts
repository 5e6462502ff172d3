import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DirectoryTarget } from '../../targets/index.js';
import { makeDirectory } from '../../targets/index.js';

/**
 * The counter of the days an incremental job read as empty because no run left their partition:
 * on a fresh warehouse, the days before the re-scan (edX read them silently as empty).
 */
export const MISSING_DAYS_COUNTER = 'Days Missing: No Partition From An Earlier Run (widen --overwrite-n-days)';

/**
 * A warehouse table stored as one folder per day, as edX's Hive tables are:
 * `<warehouse>/<table>/dt=YYYY-MM-DD/<file>` with `_SUCCESS` when complete.
 * Later runs read the days they do not re-scan from here.
 */
export class DayPartitionedTable {
  constructor(
    readonly warehousePath: string,
    readonly table: string,
    /** The data file's name inside a day's folder, e.g. `(day) => user_activity_${day}`. */
    readonly fileName: (day: string) => string,
  ) {}

  partition(day: string): DirectoryTarget {
    return new DirectoryTarget(join(this.warehousePath, this.table, `dt=${day}`));
  }

  dataFile(day: string): string {
    return join(this.partition(day).path, this.fileName(day));
  }

  /** The data files of the days that have a complete partition (missing days are simply absent: no data yet). */
  existingFiles(days: readonly string[]): string[] {
    return days.filter((day) => this.partition(day).exists()).map((day) => this.dataFile(day));
  }

  /** The days without a complete partition: after the re-scan, those no earlier run left (a fresh warehouse). */
  missingDays(days: readonly string[]): string[] {
    return days.filter((day) => !this.partition(day).exists());
  }

  /** A writer that takes lines per day and replaces each day's partition atomically on commit(). */
  writer(stagingDir: string): DayPartitionWriter {
    return new DayPartitionWriter(this, stagingDir);
  }
}

/** Streams lines into one staging file per day, then swaps each in as that day's partition. */
export class DayPartitionWriter {
  readonly #streams = new Map<string, WriteStream>();

  constructor(
    private readonly table: DayPartitionedTable,
    private readonly stagingDir: string,
  ) {}

  async open(): Promise<void> {
    await rm(this.stagingDir, { recursive: true, force: true });
    await makeDirectory(this.stagingDir);
  }

  write(day: string, line: string): void {
    let stream = this.#streams.get(day);
    if (!stream) this.#streams.set(day, (stream = createWriteStream(join(this.stagingDir, day))));
    stream.write(line + '\n');
  }

  /** Every day of `days` gets a partition, empty if it had no lines (downstream reads expect one per day). */
  async commit(days: readonly string[]): Promise<void> {
    await Promise.all([...this.#streams.values()].map((s) => new Promise<void>((done, fail) => s.end((e?: Error | null) => (e ? fail(e) : done())))));
    for (const day of days) {
      const staged = join(this.stagingDir, day);
      await this.table.partition(day).build(async (tmp) => {
        const target = join(tmp, this.table.fileName(day));
        if (existsSync(staged)) await rename(staged, target);
        else await writeFile(target, '');
      });
    }
    await rm(this.stagingDir, { recursive: true, force: true });
  }
}
