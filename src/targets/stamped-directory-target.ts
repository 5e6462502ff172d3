import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DirectoryTarget } from './directory-target.js';

/** The file in which a StampedDirectoryTarget records what it holds (`_` keeps it out of the part files). */
export const STAMP_FILE = '_TASK_ID';

/**
 * A DirectoryTarget at a path that does not say what it holds, such as
 * edX's fixed `--output-root` of a report: a run for another interval
 * would find it complete and reuse the old figures. So the directory records
 * a stamp (the writing task's id) and exists only for that same stamp; any
 * other run rebuilds it.
 *
 * build() writes the stamp into the temp directory before it is published,
 * so a directory never appears complete without it. Runners that write the
 * directory in place (Hadoop) call stampInPlace() once the job succeeded.
 */
export class StampedDirectoryTarget extends DirectoryTarget {
  constructor(
    path: string,
    readonly stamp: string,
  ) {
    super(path);
  }

  override exists(): boolean {
    if (!super.exists()) return false;
    try {
      return readFileSync(join(this.path, STAMP_FILE), 'utf8') === this.stamp;
    } catch {
      return false;
    }
  }

  override async build<R>(fill: (tmpDir: string) => Promise<R>): Promise<R> {
    return super.build(async (tmpDir) => {
      const result = await fill(tmpDir);
      await writeFile(join(tmpDir, STAMP_FILE), this.stamp);
      return result;
    });
  }

  /** Records the stamp in the published directory (for runners that do not build() it). */
  async stampInPlace(): Promise<void> {
    await writeFile(join(this.path, STAMP_FILE), this.stamp);
  }
}
