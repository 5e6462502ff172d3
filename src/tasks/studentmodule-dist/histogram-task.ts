import { join } from 'node:path';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { StampedDirectoryTarget } from '../../targets/index.js';
import { ImportStudentModuleTask } from './import-task.js';
import { distributionParameters, withWarehouseDefault } from './parameters.js';
import { NULL_CELL, studentModuleRow, type RowResult, type StudentModuleRow } from './student-module-row.js';

/** A cell of the output: NULL as `\N`, numbers as JavaScript prints them (shortest text that reads back the same). */
export const tsvCell = (value: string | number | null): string => (value === null ? NULL_CELL : String(value));

/**
 * edX HistogramFromStudentModuleSqoopWorkflowBase: a map/reduce over the
 * courseware_studentmodule import. The mapper keeps the rows keyRow()
 * accepts under (module_id, course_id) with a value and a count of 1; the
 * combiner and reducer add the counts of equal values (edX counted in the
 * reducer only). Output `DEST/<prefix>_NAME/part-*`, tab-separated
 * `module_id course_id value... count`, stamped with this task's id so
 * another day's run never takes it for its own.
 */
export abstract class StudentModuleHistogramTask<K extends { moduleId: string; courseId: string }> extends MapReduceTask {
  static override parameters = { ...MapReduceTask.parameters, ...distributionParameters };
  declare name: string;
  declare dest: string;
  declare date: string;
  declare warehousePath: string;

  /** `grade_dist` or `seq_open_dist`, as edX named the folders. */
  abstract readonly outputPrefix: string;
  /** The run summary's counter group of this distribution. */
  abstract readonly counterGroup: string;
  /** The rule: the key of a row, or the counter of a row left out. */
  abstract keyRow(row: StudentModuleRow): RowResult<K>;
  /** What is counted per (module, course): `[grade, max_grade]`, or `[]` for opens. */
  abstract countedValue(key: K): (number | null)[];

  constructor(params?: Record<string, unknown>) {
    super(withWarehouseDefault(new.target, params));
  }

  override requires(): ImportStudentModuleTask {
    return this.clone(ImportStudentModuleTask);
  }

  override output(): StampedDirectoryTarget {
    return new StampedDirectoryTarget(join(this.dest, `${this.outputPrefix}_${this.name}`), this.id);
  }

  override *mapper(line: string): Pairs {
    const row = studentModuleRow(line);
    const result = 'keep' in row ? this.keyRow(row.keep) : row;
    if ('drop' in result) return void this.incrementCounter(this.counterGroup, result.drop);
    this.incrementCounter(this.counterGroup, 'Rows Counted');
    yield [[result.keep.moduleId, result.keep.courseId], [...this.countedValue(result.keep), 1]];
  }

  override *combiner(key: [string, string], values: Iterable<(number | null)[]>): Pairs {
    for (const value of addCounts(values)) yield [key, value];
  }

  override *reducer(key: [string, string], values: Iterable<(number | null)[]>): Pairs {
    for (const value of addCounts(values)) yield [key, value];
  }

  override formatOutput(key: [string, string], value: (number | null)[]): string {
    return [...key, ...value].map(tsvCell).join('\t');
  }
}

/** Values `[...v, n]` with equal `v` become one, their counts added; sorted by `v` (NULL first) so the output is the same every run. */
export function addCounts(values: Iterable<(number | null)[]>): (number | null)[][] {
  const counts = new Map<string, { value: (number | null)[]; n: number }>();
  for (const item of values) {
    const value = item.slice(0, -1);
    const id = JSON.stringify(value);
    const entry = counts.get(id);
    if (entry) entry.n += item[item.length - 1] as number;
    else counts.set(id, { value, n: item[item.length - 1] as number });
  }
  return [...counts.values()].sort((a, b) => compareValues(a.value, b.value)).map(({ value, n }) => [...value, n]);
}

function compareValues(a: (number | null)[], b: (number | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? -Infinity;
    const y = b[i] ?? -Infinity;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
