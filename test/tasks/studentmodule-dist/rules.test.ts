import { describe, expect, it } from 'vitest';
import { buildTaskCommand } from '../../../src/cli/task-command.js';
import { Config, registry } from '../../../src/core/index.js';
import {
  addCounts,
  GradeDistFromSqoopToMySQLWorkflow,
  GradeDistFromSqoopToTSVWorkflow,
  gradeKey,
  SeqOpenDistFromSqoopToMySQLWorkflow,
  SeqOpenDistFromSqoopToTSVWorkflow,
  sequentialKey,
  studentModuleRow,
  type StudentModuleRow,
} from '../../../src/tasks/studentmodule-dist/index.js';

const N = '\\N';
const line = (id: number, type: string, module: string, course: string, grade: string, max: string) => [id, type, module, course, grade, max].join('\t');
const parsed = (l: string): StudentModuleRow => {
  const r = studentModuleRow(l);
  if (!('keep' in r)) throw new Error(`not a row: ${r.drop}`);
  return r.keep;
};
const problem = (grade: string, max: string, module = 'p1', course = 'c1') => parsed(line(1, 'problem', module, course, grade, max));

describe('an import line', () => {
  it('has six fields; any other count is a damaged line', () => {
    expect(studentModuleRow(line(1, 'problem', 'p1', 'c1', '1', '2'))).toEqual({ keep: { moduleType: 'problem', moduleId: 'p1', courseId: 'c1', grade: '1', maxGrade: '2' } });
    expect(studentModuleRow('1\tproblem\tp1\tc1\t1')).toEqual({ drop: 'Discard Malformed Line' });
    expect(studentModuleRow(line(1, 'problem', 'p1', 'c1', '1', '2') + '\textra')).toEqual({ drop: 'Discard Malformed Line' });
  });
});

describe('grade distribution rule (edX GradeDistFromStudentModuleMixin)', () => {
  it('keys a graded row on module, course, grade and max grade, as numbers', () => {
    expect(gradeKey(problem('1', '2'))).toEqual({ keep: { moduleId: 'p1', courseId: 'c1', grade: 1, maxGrade: 2 } });
    expect(gradeKey(problem('0.25', '1e1'))).toEqual({ keep: { moduleId: 'p1', courseId: 'c1', grade: 0.25, maxGrade: 10 } });
    expect(gradeKey(problem('-.5', '+3.'))).toEqual({ keep: { moduleId: 'p1', courseId: 'c1', grade: -0.5, maxGrade: 3 } });
  });

  it('keeps a NULL max grade as NULL, as edX loaded it', () => {
    expect(gradeKey(problem('0', N))).toEqual({ keep: { moduleId: 'p1', courseId: 'c1', grade: 0, maxGrade: null } });
  });

  it('skips a NULL grade (a module opened, not graded) before any other check', () => {
    expect(gradeKey(problem(N, '2'))).toEqual({ drop: 'Skip NULL Grade' });
    expect(gradeKey(problem(N, 'x', ''))).toEqual({ drop: 'Skip NULL Grade' });
    expect(gradeKey(parsed(line(1, 'sequential', 's1', 'c1', N, N)))).toEqual({ drop: 'Skip NULL Grade' });
  });

  it('counts rows without a module or course id', () => {
    expect(gradeKey(problem('1', '2', ''))).toEqual({ drop: 'Discard Missing Module Id' });
    expect(gradeKey(problem('1', '2', ' '))).toEqual({ drop: 'Discard Missing Module Id' });
    expect(gradeKey(problem('1', '2', N))).toEqual({ drop: 'Discard Missing Module Id' });
    expect(gradeKey(problem('1', '2', 'p1', ''))).toEqual({ drop: 'Discard Missing Course Id' });
    expect(gradeKey(problem('1', '2', 'p1', N))).toEqual({ drop: 'Discard Missing Course Id' });
  });

  it('counts grades that are no decimal number, including the forms Number() would take', () => {
    for (const grade of ['n/a', '', ' ', '0x10', 'Infinity', '-Infinity', 'NaN', '1,5', '1 ', '1e', '.'])
      expect(gradeKey(problem(grade, '2')), grade).toEqual({ drop: 'Discard Non-Numeric Grade' });
    for (const max of ['ten', '', '0b1', 'inf'])
      expect(gradeKey(problem('1', max)), max).toEqual({ drop: 'Discard Non-Numeric Max Grade' });
  });
});

describe('sequential open rule (edX SeqOpenDistFromStudentModuleMixin)', () => {
  it('keys each sequential row on module and course, whatever its grade', () => {
    expect(sequentialKey(parsed(line(1, 'sequential', 's1', 'c1', N, N)))).toEqual({ keep: { moduleId: 's1', courseId: 'c1' } });
    expect(sequentialKey(parsed(line(1, 'sequential', 's1', 'c1', 'x', '1')))).toEqual({ keep: { moduleId: 's1', courseId: 'c1' } });
  });

  it('skips other module types (the type is compared exactly, as edX did) and counts missing ids', () => {
    for (const type of ['problem', 'chapter', 'Sequential', 'sequential '])
      expect(sequentialKey(parsed(line(1, type, 's1', 'c1', N, N))), type).toEqual({ drop: 'Skip Not A Sequential' });
    expect(sequentialKey(parsed(line(1, 'sequential', '', 'c1', N, N)))).toEqual({ drop: 'Discard Missing Module Id' });
    expect(sequentialKey(parsed(line(1, 'sequential', 's1', N, N, N)))).toEqual({ drop: 'Discard Missing Course Id' });
  });
});

describe('addCounts', () => {
  it('adds the counts of equal values and sorts by value, NULL first', () => {
    expect(addCounts([[1, 2, 1], [0, null, 1], [1, 2, 3], [0, 2, 1], [0.5, 2, 1]])).toEqual([[0, null, 1], [0, 2, 1], [0.5, 2, 1], [1, 2, 4]]);
    expect(addCounts([[1], [2], [4]])).toEqual([[7]]);
    expect(addCounts([])).toEqual([]);
  });
});

describe('the map/reduce of both distributions', () => {
  const task = <T extends GradeDistFromSqoopToTSVWorkflow | SeqOpenDistFromSqoopToTSVWorkflow>(cls: new (p: Record<string, unknown>) => T) =>
    new cls({ name: 't', dest: '/tmp/studentmodule-dist-rules', runner: 'inline', date: '2014-03-10' });
  const lines = [
    line(1, 'problem', 'p1', 'c1', '1', '2'),
    line(2, 'problem', 'p1', 'c1', '1', '2'),
    line(3, 'problem', 'p1', 'c1', '2', '2'),
    line(4, 'problem', 'p1', 'c2', '1', '2'),
    line(5, 'problem', 'p1', 'c1', N, N),
    line(6, 'sequential', 's1', 'c1', N, N),
    line(7, 'sequential', 's1', 'c1', N, N),
    'damaged',
  ];

  it('grade: mapper, combiner on two halves, reducer and the TSV line give the counts of one pass', () => {
    const t = task(GradeDistFromSqoopToTSVWorkflow);
    const pairs = lines.flatMap((l) => [...t.mapper(l)]) as [[string, string], (number | null)[]][];
    const c1 = pairs.filter(([k]) => k[1] === 'c1').map(([, v]) => v);
    const combined = [...t.combiner(['p1', 'c1'], c1.slice(0, 1)), ...t.combiner(['p1', 'c1'], c1.slice(1))].map(([, v]) => v as (number | null)[]);
    const out = [...t.reducer(['p1', 'c1'], combined)].map(([k, v]) => t.formatOutput(k as [string, string], v as (number | null)[]));
    expect(out).toEqual(['p1\tc1\t1\t2\t2', 'p1\tc1\t2\t2\t1']);
    expect(t.counters.toJSON()).toEqual({ 'Grade Distribution': { 'Discard Malformed Line': 1, 'Rows Counted': 4, 'Skip NULL Grade': 3 } });
  });

  it('sequential opens: one count per row of a sequential', () => {
    const t = task(SeqOpenDistFromSqoopToTSVWorkflow);
    const values = lines.flatMap((l) => [...t.mapper(l)]).map(([, v]) => v as (number | null)[]);
    expect([...t.reducer(['s1', 'c1'], values)].map(([k, v]) => t.formatOutput(k as [string, string], v as (number | null)[]))).toEqual(['s1\tc1\t2']);
    expect(t.counters.toJSON()).toEqual({ 'Sequential Open Distribution': { 'Discard Malformed Line': 1, 'Rows Counted': 2, 'Skip Not A Sequential': 5 } });
  });

  it('writes its TSV under DEST/<edX folder>_NAME and imports into --dest when no warehouse is named (edX put the dump there)', () => {
    const t = task(GradeDistFromSqoopToTSVWorkflow);
    expect(t.output().path).toBe('/tmp/studentmodule-dist-rules/grade_dist_t');
    expect(task(SeqOpenDistFromSqoopToTSVWorkflow).output().path).toBe('/tmp/studentmodule-dist-rules/seq_open_dist_t');
    expect(t.requires().output().path).toBe('/tmp/studentmodule-dist-rules/courseware_studentmodule/dt=2014-03-10');
    expect(new GradeDistFromSqoopToTSVWorkflow({ name: 't', dest: '/d', warehousePath: '/w', date: '2014-03-10' }).requires().output().path).toBe('/w/courseware_studentmodule/dt=2014-03-10');
  });
});

describe('--dest from the config', () => {
  it('is where the import goes too when no warehouse is named', () => {
    registry.config = new Config();
    registry.config.set('GradeDistFromSqoopToTSVWorkflow', 'dest', '/from-config');
    try {
      expect(new GradeDistFromSqoopToTSVWorkflow({ name: 't', date: '2014-03-10' }).requires().output().path).toBe('/from-config/courseware_studentmodule/dt=2014-03-10');
    } finally {
      registry.config = new Config();
    }
  });
});

describe('--help of the workflows', () => {
  it('when the warehouse is left out then --help gives its defaults instead of calling it required', () => {
    for (const cls of [GradeDistFromSqoopToMySQLWorkflow, SeqOpenDistFromSqoopToMySQLWorkflow]) {
      const help = buildTaskCommand(cls).options.find((o) => o.long === '--warehouse-path')?.description;
      expect(help).toContain('default: [hive] warehouse_path, else --dest');
      expect(help).not.toContain('required');
    }
  });
});
