import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { p, Task } from '../../core/index.js';
import { LocalTarget, type DirectoryTarget } from '../../targets/index.js';
import { courseFitsFileName } from '../warehouse/field-checks.js';
import type { DistributionRow } from './columns.js';
import { courseCsv, courseCsvRelativePath } from './course-csv.js';
import { COUNTERS, srcFallback } from './parameters.js';
import { AnswerDistributionPerCourse } from './per-course-task.js';
import { readDistributionRows } from './stage2-lines.js';

/**
 * edX `AnswerDistributionOneFilePerCourseTask`: one CSV per course under
 * --output-root, at `<sha1(course_id)>/<safe course id>_answer_distribution.csv`,
 * the folder layout edX's instructor dashboard reads. Each file is written
 * atomically; a marker file says the whole set is done.
 */
export class AnswerDistributionOneFilePerCourseTask extends Task {
  static override description = 'One answer-distribution CSV per course under --output-root (sha1 folder per course, as edX lays them out).';
  static override parameters = {
    ...AnswerDistributionPerCourse.parameters,
    outputRoot: p.path({ description: 'Directory for the per-course CSV files.' }),
    deleteOutputRoot: p.bool({ identity: false, description: 'Delete everything under --output-root before writing.' }),
    marker: p.string({ default: '', identity: false, description: 'Directory for the done-marker file (default: --output-root).' }),
  };
  declare outputRoot: string;
  declare deleteOutputRoot: boolean;
  declare marker: string;

  override requires(): AnswerDistributionPerCourse {
    return this.clone(AnswerDistributionPerCourse, srcFallback(this));
  }

  override output(): LocalTarget {
    const digest = createHash('sha256').update(this.id).digest('hex').slice(0, 16);
    return new LocalTarget(join(this.marker || this.outputRoot, `_SUCCESS_answer_distribution_${digest}`));
  }

  override async run(): Promise<void> {
    const byCourse = new Map<string, DistributionRow[]>();
    const input = this.input() as DirectoryTarget;
    for await (const { courseId, row } of readDistributionRows(await input.partFiles())) {
      let rows = byCourse.get(courseId);
      if (!rows) byCourse.set(courseId, (rows = []));
      rows.push(row);
    }
    if (this.deleteOutputRoot) await rm(this.outputRoot, { recursive: true, force: true });
    for (const [courseId, rows] of byCourse) {
      // A course id (valid, but from a forged event) too long for a file name: counted, not fatal.
      if (!courseFitsFileName(courseId)) {
        this.incrementCounter(COUNTERS, 'course CSV files left out: course id too long for a file name');
        continue;
      }
      const path = courseCsvRelativePath(courseId);
      // edX's reducer raises on such an id and the whole job fails; we leave out that one file (crash policy).
      if (path === null) {
        this.incrementCounter(COUNTERS, 'course CSV files left out: non-ASCII course id edX cannot name (it raises)');
        continue;
      }
      await new LocalTarget(join(this.outputRoot, path)).writeText(courseCsv(rows));
      this.incrementCounter(COUNTERS, 'course CSV files written');
    }
    await this.output().writeText(`${[...byCourse.keys()].sort().join('\n')}\n`);
  }
}
