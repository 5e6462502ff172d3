import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MissingInputError, p, registry, Task } from '../../core/index.js';
import { DirectoryTarget } from '../../targets/index.js';
import { readTextLines } from '../warehouse/lines.js';
import { breaksTabSeparatedLine } from '../warehouse/field-checks.js';
import { courseBlocksOf, type CourseBlock } from './course-blocks.js';
import { courseBlocksPartitionFormat, partitionValue, problemResponseParameters, withProblemResponseDefaults } from './parameters.js';

/**
 * edX CourseBlocksApiDataTask: the course structure (where each block sits,
 * its path of section names, its pre-order index) as the warehouse partition
 * `course_blocks/dt=<partition>/`, made from the Course Blocks API dump
 * `course_blocks_raw/dt=<partition>/course_blocks.json` (one course per
 * line). Pipewright does not call the LMS REST API: put the dump there (or
 * an already processed partition, which is then used as it is).
 */
export class CourseBlocksApiDataTask extends Task {
  static override description = 'Course structure (block paths and order) from a Course Blocks API dump, as warehouse partition course_blocks.';
  static override parameters = {
    ...Task.parameters,
    datetime: problemResponseParameters.datetime,
    warehousePath: problemResponseParameters.warehousePath,
    overwrite: problemResponseParameters.overwrite,
    partitionFormat: p.string({ default: '%Y-%m-%d', description: 'strftime format of --datetime naming the course blocks partitions. Default: [course-blocks] partition_format, else %Y-%m-%d.' }),
    pathDelimiter: p.string({ default: ' / ', description: 'Between the names of a block path. Default: [course-blocks] path_delimiter, else " / ".' }),
    deletedBlocksPath: p.string({ default: '(Deleted block :)', description: 'Path of blocks no longer in the course. Default: [course-blocks] deleted_blocks_path, else "(Deleted block :)".' }),
    sortOrphanBlocksUp: p.bool({ description: 'Sort deleted (orphan) blocks first instead of last. Default: [course-blocks] sort_orphan_blocks_up.' }),
  };
  declare datetime: string;
  declare warehousePath: string;
  declare overwrite: boolean;
  declare partitionFormat: string;
  declare pathDelimiter: string;
  declare deletedBlocksPath: string;
  declare sortOrphanBlocksUp: boolean;
  #ran = false;

  constructor(params?: Record<string, unknown>) {
    const { datetime, warehousePath, overwrite } = withProblemResponseDefaults(params);
    const config = (key: string) => registry.config.get('course-blocks', key);
    super({
      partitionFormat: courseBlocksPartitionFormat(),
      pathDelimiter: config('path_delimiter') ?? ' / ',
      deletedBlocksPath: config('deleted_blocks_path') ?? '(Deleted block :)',
      sortOrphanBlocksUp: config('sort_orphan_blocks_up') ?? false,
      ...params,
      datetime,
      warehousePath,
      overwrite: overwrite ?? false,
    });
  }

  get partition(): string {
    return `dt=${partitionValue(this.datetime, this.partitionFormat)}`;
  }

  /** The API dump this partition is made from. */
  get rawPath(): string {
    return join(this.warehousePath, 'course_blocks_raw', this.partition, 'course_blocks.json');
  }

  override output(): DirectoryTarget {
    return new DirectoryTarget(join(this.warehousePath, 'course_blocks', this.partition));
  }

  override async complete(): Promise<boolean> {
    if (this.overwrite && !this.#ran) return false;
    return super.complete();
  }

  override async run(): Promise<void> {
    if (!existsSync(this.rawPath) && this.output().exists()) {
      // --overwrite with only a processed partition: nothing to rebuild it from, so it stays.
      this.#ran = true;
      return;
    }
    if (!existsSync(this.rawPath))
      throw new MissingInputError(
        `${this.family}: no course structure for ${this.partition}: put the Course Blocks API output (one JSON object per course and line) at ${this.rawPath}, or a processed partition (part-* and _SUCCESS) in ${this.output().path}.`,
      );
    const lines: string[] = [];
    for await (const line of readTextLines(this.rawPath)) {
      let blocks: CourseBlock[] | null = null;
      try {
        blocks = courseBlocksOf(line, this);
      } catch {
        blocks = null; // not JSON: counted below like any unusable line
      }
      if (blocks === null) {
        this.incrementCounter('Course Blocks', 'Discard Unreadable Course Blocks Line');
        continue;
      }
      // Names are cleaned of whitespace; an id, course or type with a tab or newline would split the partition's lines.
      if (blocks.some((b) => breaksTabSeparatedLine(b.blockId, b.courseId, b.blockType, b.parentBlockId ?? '', b.coursePath))) {
        this.incrementCounter('Course Blocks', 'Discard Course With Tab Or Newline In A Block');
        continue;
      }
      this.incrementCounter('Course Blocks', 'Courses');
      for (const b of blocks) lines.push(courseBlockTsv(b));
    }
    await this.output().build((dir) => writeFile(join(dir, 'part-00000'), lines.map((l) => l + '\n').join('')));
    this.#ran = true;
  }
}

/** A block as a line of the partition, in edX's column order (`\N` = null, booleans 1/0). */
export function courseBlockTsv(b: CourseBlock): string {
  const flag = (v: boolean) => (v ? '1' : '0');
  return [b.blockId, b.courseId, b.blockType, b.displayName, flag(b.isRoot), flag(b.isOrphan), flag(b.isDag), b.parentBlockId ?? '\\N', b.coursePath, String(b.sortIdx)].join('\t');
}

/** A partition line back as a block (the partition may come from edX's own Hive table). */
export function courseBlockFromTsv(line: string): CourseBlock | null {
  const f = line.split('\t');
  if (f.length < 10) return null;
  const nullable = (v: string) => (v === '\\N' ? null : v);
  return {
    blockId: f[0]!, courseId: f[1]!, blockType: f[2]!, displayName: f[3]!,
    isRoot: f[4] === '1' || f[4] === 'true', isOrphan: f[5] === '1' || f[5] === 'true', isDag: f[6] === '1' || f[6] === 'true',
    parentBlockId: nullable(f[7]!), coursePath: nullable(f[8]!) ?? '', sortIdx: Number(nullable(f[9]!) ?? -1),
  };
}
