import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/sql/index.js';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { describeMysql } from '../../support/services.js';
import { freshMysqlDatabase } from '../video/support.js';
import { A, B, execLms, P1, P2, Q1, SEQ1, SEQ2, SEQ_B, studentModuleInMysql, studentModuleInSqlite } from './lms.js';

const row = (...cells: unknown[]) => cells.map(String).join('\t');
const GRADES = [row(P1, A, 1, 2, 2), row(P1, A, 2, 2, 1), row(P2, A, 0, null, 1), row(P2, A, 0.5, 1, 1), row(Q1, B, 3, 3, 1), row(P1, B, 1, 2, 1)].sort();
const OPENS = [row(SEQ1, A, 3), row(SEQ2, A, 1), row(SEQ_B, B, 1)].sort();

beforeAll(() => ensureBuilt(), 120_000);

interface Setup {
  lms: (root: string) => Promise<string>;
  db: (root: string) => Promise<string>;
  /** The LMS holds SQLITE_ONLY_SQL's two rows of text in DOUBLE columns. */
  textGrades: boolean;
}

/** Both workflows, from one LMS into one analytics database. */
function loadsDistributions({ lms, db, textGrades }: Setup): void {
  const root = mkdtempSync(join(tmpdir(), 'studentmodule-dist-'));
  let lmsUrl = '';
  let dbUrl = '';
  beforeAll(async () => {
    lmsUrl = await lms(root);
    dbUrl = await db(root);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const run = (family: string, date: string, extra: string[] = []) =>
    launchTask([family, '--name', 'test', '--dest', join(root, 'dest'), '--date', date, '--import-database-url', lmsUrl, '--database-url', dbUrl, ...extra]);
  const table = async (sql: string) => (await queryRows<Record<string, unknown>>(dbUrl, sql)).map((r) => row(...Object.values(r))).sort();
  const grades = () => table('SELECT module_id, course_id, grade, max_grade, count FROM grade_distribution');
  const opens = () => table('SELECT module_id, course_id, count FROM sequential_open_distribution');
  const extra = textGrades ? 2 : 0;

  it('grade-dist: learners per (module, course, grade, max_grade), NULL grades skipped, bad rows counted', async () => {
    // The LMS read in pages of 4 rows: 18 rows end on a short page, 16 on an empty one.
    const result = await run('GradeDistFromSqoopToMySQLWorkflow', '2014-03-10', ['--n-reduce-tasks', '2', '--import-page-rows', '4']);
    const text = result.stdout + result.stderr;
    expect(result.code, text).toBe(0);
    expect(await grades()).toEqual(GRADES);
    // edX's columns between the id key and created time its MysqlInsertTask added, and its two indexes.
    expect(Object.keys((await queryRows<Record<string, unknown>>(dbUrl, 'SELECT * FROM grade_distribution'))[0]!)).toEqual(['id', 'module_id', 'course_id', 'grade', 'max_grade', 'count', 'created']);
    if (dbUrl.startsWith('mysql:')) {
      const indexes = await queryRows<{ Key_name: string; Column_name: string }>(dbUrl, 'SHOW INDEX FROM grade_distribution');
      expect(indexes.map((i) => `${i.Key_name === 'PRIMARY' ? 'PRIMARY' : 'INDEX'} ${i.Column_name}`).sort()).toEqual(['INDEX course_id', 'INDEX module_id', 'PRIMARY id']);
    }
    // The map/reduce output edX wrote as TSV, stamped with its task id.
    const out = join(root, 'dest', 'grade_dist_test');
    const parts = readdirSync(out).filter((f) => f.startsWith('part-'));
    expect(parts.flatMap((f) => readFileSync(join(out, f), 'utf8').split('\n').filter(Boolean)).sort()).toEqual(GRADES.map((l) => l.replace('null', '\\N')).sort());
    expect(text).toMatch(new RegExp(`LMS Import courseware_studentmodule Rows Imported: ${16 + extra}\\b`));
    expect(text).toMatch(/LMS Import courseware_studentmodule Page Queries: 5\b/);
    expect(text).toMatch(/Grade Distribution Skip NULL Grade: 8\b/);
    expect(text).toMatch(/Grade Distribution Discard Missing Module Id: 1\b/);
    expect(text).toMatch(/Grade Distribution Rows Counted: 7\b/);
    if (textGrades) {
      expect(text).toMatch(/Grade Distribution Discard Non-Numeric Grade: 1\b/);
      expect(text).toMatch(/Grade Distribution Discard Non-Numeric Max Grade: 1\b/);
    } else expect(text).not.toMatch(/Non-Numeric/);
    expect(readdirSync(join(root, 'dest', 'courseware_studentmodule'))).toEqual(['dt=2014-03-10']);
    const imported = readFileSync(join(root, 'dest', 'courseware_studentmodule', 'dt=2014-03-10', 'courseware_studentmodule'), 'utf8').split('\n').filter(Boolean);
    expect(imported.map((l) => Number(l.split('\t')[0]))).toEqual(Array.from({ length: 16 + extra }, (_, i) => i + 1));
    expect(imported[5]).toBe(row(6, 'problem', P2, A, 0, '\\N'));
  });

  it('sequential opens: rows per sequential, from the same import (not read again)', async () => {
    const result = await run('SeqOpenDistFromSqoopToMySQLWorkflow', '2014-03-10', ['--runner', 'inline']);
    const text = result.stdout + result.stderr;
    expect(result.code, text).toBe(0);
    expect(await opens()).toEqual(OPENS);
    expect(Object.keys((await queryRows<Record<string, unknown>>(dbUrl, 'SELECT * FROM sequential_open_distribution'))[0]!)).toEqual(['id', 'module_id', 'course_id', 'count', 'created']);
    expect(text).not.toMatch(/Rows Imported/);
    expect(text).toMatch(new RegExp(`Sequential Open Distribution Skip Not A Sequential: ${10 + extra}\\b`));
    expect(text).toMatch(/Sequential Open Distribution Discard Missing Module Id: 1\b/);
    expect(text).toMatch(/Sequential Open Distribution Rows Counted: 5\b/);
  });

  it('a second run for the same day does nothing', async () => {
    for (const family of ['GradeDistFromSqoopToMySQLWorkflow', 'SeqOpenDistFromSqoopToMySQLWorkflow']) {
      const again = await run(family, '2014-03-10');
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout + again.stderr).not.toMatch(/rows inserted|Rows Imported|Rows Counted/);
    }
    expect(await grades()).toEqual(GRADES);
    expect(await opens()).toEqual(OPENS);
  });

  it("the next day's run imports again and replaces the rows (edX overwrote), never adds to them", async () => {
    await execLms(lmsUrl, `INSERT INTO courseware_studentmodule VALUES (30, 'problem', '${P1}', 30, '{}', 2, '2014-03-10 10:00:00', '2014-03-10 10:00:00', 2, 'na', '${A}')`);
    const result = await run('GradeDistFromSqoopToMySQLWorkflow', '2014-03-11', ['--runner', 'inline']);
    expect(result.code, result.stderr).toBe(0);
    expect(await grades()).toEqual(GRADES.map((l) => (l === row(P1, A, 2, 2, 1) ? row(P1, A, 2, 2, 2) : l)).sort());
    expect(result.stdout + result.stderr).toMatch(/grade_distribution: rows deleted \(overwrite\): 6\b/);
  });
}

describe('grade and sequential-open distributions, LMS and tables in SQLite', () =>
  loadsDistributions({ lms: async (root) => studentModuleInSqlite(join(root, 'lms.sqlite')), db: async (root) => `sqlite:${join(root, 'analytics.sqlite')}`, textGrades: true }));

describeMysql('grade and sequential-open distributions, LMS and tables in MariaDB', () =>
  loadsDistributions({
    lms: () => studentModuleInMysql('pipewright_test_studentmodule_lms'),
    db: () => freshMysqlDatabase('pipewright_test_studentmodule_dist'),
    textGrades: false,
  }));

describe('grade-dist without an LMS database', () => {
  const root = mkdtempSync(join(tmpdir(), 'studentmodule-dist-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is one usage line naming the table and --import-database-url, before anything runs', async () => {
    const result = await launchTask(['GradeDistFromSqoopToMySQLWorkflow', '--name', 'test', '--dest', join(root, 'dest'), '--database-url', `sqlite:${join(root, 'a.sqlite')}`]);
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(/courseware_studentmodule.*--import-database-url/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(root, 'dest'))).toBe(false);
  });
});

describe('an LMS with no sequential row', () => {
  const root = mkdtempSync(join(tmpdir(), 'studentmodule-dist-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('leaves the table as it was, as edX refused to overwrite with nothing, unless --allow-empty-insert', async () => {
    const lms = studentModuleInSqlite(join(root, 'lms.sqlite'));
    const db = `sqlite:${join(root, 'analytics.sqlite')}`;
    const args = (date: string) => ['SeqOpenDistFromSqoopToMySQLWorkflow', '--name', 'test', '--dest', join(root, 'dest'), '--date', date, '--import-database-url', lms, '--database-url', db, '--runner', 'inline'];
    expect((await launchTask(args('2014-03-10'))).code).toBe(0);
    await execLms(lms, "DELETE FROM courseware_studentmodule WHERE module_type = 'sequential'");
    const refused = await launchTask(args('2014-03-11'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/sequential_open_distribution .*produced no rows; refusing to overwrite the table with nothing.*--allow-empty-insert/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect((await queryRows(db, 'SELECT module_id FROM sequential_open_distribution')).length).toBe(3);
    const emptied = await launchTask([...args('2014-03-11'), '--allow-empty-insert']);
    expect(emptied.code, emptied.stderr).toBe(0);
    expect(await queryRows(db, 'SELECT module_id FROM sequential_open_distribution')).toEqual([]);
  });
});
