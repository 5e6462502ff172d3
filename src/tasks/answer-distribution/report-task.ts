import { readFile } from 'node:fs/promises';
import { p, Task } from '../../core/index.js';
import { LocalTarget, type DirectoryTarget } from '../../targets/index.js';
import { mysqlTsv, perCourseTsv } from './canonical-tsv.js';
import type { DistributionRow } from './columns.js';
import { compareUtf8 } from '../../mapreduce/keys.js';
import { mysqlRow } from './mysql-rows.js';
import { srcFallback } from './parameters.js';
import { AnswerDistributionPerCourse } from './per-course-task.js';
import { loadCounters } from './saved-counters.js';
import { readDistributionRows } from './stage2-lines.js';
import { countLines, readLineChunks } from '../../eventlog/reader/index.js';

const FORMATS = ['percourse', 'mysql', 'edx'] as const;

/**
 * The answer distribution as one canonical text file (spec 2.7), for
 * checking against other implementations: `percourse` (course_id + the 10
 * report columns), `mysql` (the rows the MySQL task inserts) or `edx`
 * (stage 2's raw lines). `--stats FILE` adds the counts as JSON.
 */
export class AnswerDistributionReport extends Task {
  static override description = 'The answer distribution as one sorted TSV file (percourse, mysql or edx format), with optional --stats JSON.';
  static override parameters = {
    ...AnswerDistributionPerCourse.parameters,
    outputFile: p.path({ description: 'The file to write.' }),
    format: p.choice(FORMATS, { default: 'percourse', description: 'percourse (default), mysql or edx' }),
    stats: p.path({ default: '', identity: false, description: 'Also write the counts (kept events, every drop:* and crash_dropped:* reason, pairs, parts, rows) as JSON here.' }),
  };
  declare outputFile: string;
  declare format: (typeof FORMATS)[number];
  declare stats: string;

  override requires(): AnswerDistributionPerCourse {
    return this.clone(AnswerDistributionPerCourse, srcFallback(this));
  }

  override output(): LocalTarget {
    return new LocalTarget(this.outputFile);
  }

  override async run(): Promise<void> {
    const stage2 = this.input() as DirectoryTarget;
    const files = await stage2.partFiles();
    await this.output().writeText(await this.render(files));
    if (this.stats) {
      const stage1 = this.requires().requires().output();
      const lines = await countInputLines(await this.requires().requires().inputFiles());
      const counts = { lines, ...loadCounters(stage1), ...loadCounters(stage2) };
      const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compareUtf8(a, b)));
      await new LocalTarget(this.stats).writeText(JSON.stringify(sorted, null, 2) + '\n');
    }
  }

  private async render(files: string[]): Promise<string> {
    if (this.format === 'edx') {
      const lines = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).flatMap((text) => text.split('\n').filter((l) => l !== ''));
      return lines.sort(compareUtf8).map((l) => l + '\n').join('');
    }
    const rows: { courseId: string; row: DistributionRow }[] = [];
    for await (const entry of readDistributionRows(files)) rows.push(entry);
    return this.format === 'mysql' ? mysqlTsv(rows.map(({ courseId, row }) => mysqlRow(courseId, row))) : perCourseTsv(rows);
  }
}

// Lines as edX counts them: split on "\n", an unterminated last line included.
async function countInputLines(files: readonly string[]): Promise<number> {
  let lines = 0;
  for (const file of files) for await (const chunk of readLineChunks(file)) lines += countLines(chunk);
  return lines;
}
