import { expect, test } from 'vitest';
import { ExitCode, InputError } from '../../src/core/index.js';
import { markerUpdateId, queryRows, SchemaMismatchError, withDatabase, type ConnectionSpec } from '../../src/sql/index.js';
import { DIALECTS, uniqueTable } from './support/dialects.js';
import { scoreLoadTask, scoreRows, type LoadSetup } from './support/load-tasks.js';

function setup(spec: ConnectionSpec, rows: LoadSetup['rows'], extra: Partial<LoadSetup> = {}): LoadSetup {
  return { table: uniqueTable(spec, 'scores'), markerTable: uniqueTable(spec, 'marks'), rows, ...extra };
}

async function count(spec: ConnectionSpec, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(spec, `SELECT COUNT(*) AS n FROM ${spec.dialect === 'mysql' ? `\`${table}\`` : `"${table}"`}`);
  return Number(row!.n);
}

for (const dialect of DIALECTS) {
  dialect.describe(`SqlLoadTask on ${dialect.name}`, () => {
    test('when run then the table is created, the rows are there and the marker makes the task complete', async () => {
      const spec = dialect.connect();
      const s = setup(spec, () => scoreRows(5));
      const Load = scoreLoadTask(s);
      const task = new Load({ databaseUrl: url(spec) });
      expect(await task.complete()).toBe(false);
      await task.run();
      expect(await task.complete()).toBe(true);
      const rows = await queryRows(spec, `SELECT course_id, day, learners, passed, mean_grade, note FROM ${q(spec, s.table)} ORDER BY learners`);
      expect(rows.map((r) => ({ ...r, passed: Number(r.passed), day: String(r.day) }))).toEqual(
        scoreRows(5).map((r) => ({ ...r, passed: (r as { passed: boolean }).passed ? 1 : 0 })),
      );
      const markers = await queryRows(spec, `SELECT update_id, target_table FROM ${q(spec, s.markerTable)}`);
      expect(markers).toEqual([{ update_id: markerUpdateId(task.id), target_table: s.table }]);
      expect(task.counters.get('SQL', `${s.table}: rows inserted`)).toBe(5);
    });

    test('when the same load runs twice then the second run inserts nothing', async () => {
      const spec = dialect.connect();
      const s = setup(spec, () => scoreRows(4));
      const Load = scoreLoadTask(s);
      await new Load({ databaseUrl: url(spec) }).run();
      const again = new Load({ databaseUrl: url(spec) });
      await again.run();
      expect(await count(spec, s.table)).toBe(4);
      expect(again.counters.get('SQL', `${s.table}: already loaded by another run`)).toBe(1);
    });

    test('when rows outnumber the chunk size then they go in several multi-row inserts', async () => {
      const spec = dialect.connect();
      const s = setup(spec, () => scoreRows(1234));
      const Load = scoreLoadTask(s);
      const task = new Load({ databaseUrl: url(spec), insertChunkSize: 100 });
      const progress: number[] = [];
      task.reporter = { progress: (_t, info) => progress.push(info.done) };
      await task.run();
      expect(await count(spec, s.table)).toBe(1234);
      // One progress report before the load, then one per INSERT statement.
      expect(progress).toEqual([0, ...Array.from({ length: 13 }, (_, i) => Math.min(1234, (i + 1) * 100))]);
    });

    test('when rows are arrays in column order then they load like records', async () => {
      const spec = dialect.connect();
      const s = setup(spec, () => [['c1', '2014-01-02', 3, true, 1.5, 'x'], ['c2', '2014-01-03', 4, null, null, null]]);
      await new (scoreLoadTask(s))({ databaseUrl: url(spec) }).run();
      const rows = await queryRows(spec, `SELECT course_id, learners, passed, mean_grade FROM ${q(spec, s.table)} ORDER BY learners`);
      expect(rows.map((r) => [r.course_id, r.learners, r.passed === null ? null : Number(r.passed), r.mean_grade])).toEqual([
        ['c1', 3, 1, 1.5],
        ['c2', 4, null, null],
      ]);
    });

    test('when overwrite is set then the table holds only this run and older markers of the table are gone', async () => {
      const spec = dialect.connect();
      const s = setup(spec, () => scoreRows(6));
      const first = new (scoreLoadTask(s))({ databaseUrl: url(spec), name: 'monday' });
      await first.run();
      const Second = scoreLoadTask({ ...s, rows: () => scoreRows(2) });
      const second = new Second({ databaseUrl: url(spec), name: 'tuesday', overwrite: true });
      await second.run();
      expect(await count(spec, s.table)).toBe(2);
      expect(await first.complete()).toBe(false);
      expect(await second.complete()).toBe(true);
      expect(second.counters.get('SQL', `${s.table}: rows deleted (overwrite)`)).toBe(6);
    });

    test('when the task names a partition then overwrite replaces only that partition', async () => {
      const spec = dialect.connect();
      const s = setup(spec, () => [...scoreRows(3, '2014-08-06'), ...scoreRows(5, '2014-08-07')]);
      await new (scoreLoadTask(s))({ databaseUrl: url(spec), name: 'both days' }).run();
      const Redo = scoreLoadTask({ ...s, rows: () => scoreRows(1, '2014-08-07'), partition: { day: '2014-08-07' } });
      await new Redo({ databaseUrl: url(spec), name: 'redo 07', overwrite: true }).run();
      const days = await queryRows<{ day: string; n: number }>(spec, `SELECT day, COUNT(*) AS n FROM ${q(spec, s.table)} GROUP BY day ORDER BY day`);
      expect(days.map((d) => [String(d.day), Number(d.n)])).toEqual([
        ['2014-08-06', 3],
        ['2014-08-07', 1],
      ]);
    });

    test('when the partition is a list of days then overwrite replaces those days only, whatever run loaded them', async () => {
      const spec = dialect.connect();
      const s = setup(spec, () => [...scoreRows(2, '2014-08-05'), ...scoreRows(3, '2014-08-06'), ...scoreRows(4, '2014-08-07')]);
      await new (scoreLoadTask(s))({ databaseUrl: url(spec), name: 'three days' }).run();
      const Redo = scoreLoadTask({ ...s, rows: () => [...scoreRows(1, '2014-08-06'), ...scoreRows(1, '2014-08-08')], partition: { day: ['2014-08-06', '2014-08-07', '2014-08-08'] } });
      const redo = new Redo({ databaseUrl: url(spec), name: 'redo 06-08', overwrite: true });
      await redo.run();
      const days = await queryRows<{ day: string; n: number }>(spec, `SELECT day, COUNT(*) AS n FROM ${q(spec, s.table)} GROUP BY day ORDER BY day`);
      expect(days.map((d) => [String(d.day), Number(d.n)])).toEqual([
        ['2014-08-05', 2],
        ['2014-08-06', 1],
        ['2014-08-08', 1],
      ]);
      expect(redo.counters.get('SQL', `${s.table}: rows deleted (overwrite)`)).toBe(7);
      // An empty list matches no row.
      const None = scoreLoadTask({ ...s, rows: () => scoreRows(1, '2014-08-09'), partition: { day: [] } });
      await new None({ databaseUrl: url(spec), name: 'no days', overwrite: true }).run();
      expect(await count(spec, s.table)).toBe(5);
    });

    test('when an overwrite has no rows then it is refused and the old rows stay, unless empty inserts are allowed', async () => {
      const spec = dialect.connect();
      const s = setup(spec, () => scoreRows(3));
      await new (scoreLoadTask(s))({ databaseUrl: url(spec), name: 'full' }).run();
      const Empty = scoreLoadTask({ ...s, rows: () => [] });
      const refused = new Empty({ databaseUrl: url(spec), name: 'empty', overwrite: true });
      const error = await refused.run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(new RegExp(`load into ${s.table} .*produced no rows; refusing to overwrite.*--allow-empty-insert`));
      expect(await count(spec, s.table)).toBe(3);
      expect(await refused.complete()).toBe(false);
      const allowed = new Empty({ databaseUrl: url(spec), name: 'empty', overwrite: true, allowEmptyInsert: true });
      await allowed.run();
      expect(await count(spec, s.table)).toBe(0);
      expect(await allowed.complete()).toBe(true);
    });

    test('when rows() fails halfway then no row and no marker are left', async () => {
      const spec = dialect.connect();
      const s = setup(spec, async function* () {
        yield* scoreRows(250);
        throw new Error('input went away');
      });
      const task = new (scoreLoadTask(s))({ databaseUrl: url(spec), insertChunkSize: 100 });
      await expect(task.run()).rejects.toThrow('input went away');
      expect(await task.complete()).toBe(false);
      const exists = await tableExists(spec, s.table);
      // SQLite rolls the CREATE TABLE back too; MySQL commits DDL at once and keeps an empty table.
      if (exists) expect(await count(spec, s.table)).toBe(0);
      expect(exists).toBe(dialect.name === 'mysql');
    });

    test('when a NOT NULL column gets null then the error names the row and column and nothing is loaded', async () => {
      const spec = dialect.connect();
      const s = setup(spec, () => [...scoreRows(2), { course_id: null, day: '2014-01-01', learners: 1 }]);
      const task = new (scoreLoadTask(s))({ databaseUrl: url(spec) });
      await expect(task.run()).rejects.toThrow(`Row 3 for table ${s.table}: column course_id is NOT NULL but the value is null.`);
      expect(await task.complete()).toBe(false);
    });

    test.each([
      ['a word for an integer', { learners: 'many' }, 'column learners (integer) got "many", which is not a whole number.'],
      ['a fraction for an integer', { learners: 2.5 }, 'column learners (integer) got 2.5, which is not a whole number.'],
      ['a number past INT', { learners: 2 ** 31 }, 'column learners (integer) got 2147483648, which is out of the range of INT (-2147483648 to 2147483647).'],
      ['NaN for a double', { mean_grade: Number.NaN }, 'column mean_grade (double) got NaN, which cannot be stored in SQL (map NaN and infinities to null).'],
      ['256 characters for VARCHAR(255)', { course_id: 'x'.repeat(256) }, `column course_id (string) got "${'x'.repeat(50)}...", which has 256 characters, more than the column's 255.`],
    ])('when a value does not fit its column (%s) then both dialects refuse the row by number and load nothing', async (_label, bad, message) => {
      const spec = dialect.connect();
      const s = setup(spec, () => [...scoreRows(2), { ...(scoreRows(1)[0] as object), ...bad }]);
      const task = new (scoreLoadTask(s))({ databaseUrl: url(spec) });
      const error = await task.run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(`Row 3 for table ${s.table}: ${message}`);
      expect(await task.complete()).toBe(false);
    });

    test('when a string has as many characters as the column but more UTF-16 units then it loads', async () => {
      const spec = dialect.connect();
      const emoji = '😀'.repeat(255);
      const s = setup(spec, () => [{ ...(scoreRows(1)[0] as object), course_id: emoji }]);
      await new (scoreLoadTask(s))({ databaseUrl: url(spec) }).run();
      expect(await queryRows(spec, `SELECT course_id FROM ${q(spec, s.table)}`)).toEqual([{ course_id: emoji }]);
    });

    test('when the existing table has a column of another type then the load fails naming table and column', async () => {
      const spec = dialect.connect();
      const s = setup(spec, () => scoreRows(1));
      await exec(spec, `CREATE TABLE ${q(spec, s.table)} (course_id VARCHAR(255) NOT NULL, day DATE NOT NULL, learners VARCHAR(20) NOT NULL, passed INT, mean_grade DOUBLE, note TEXT)`);
      const error = await new (scoreLoadTask(s))({ databaseUrl: url(spec) }).run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SchemaMismatchError);
      expect((error as Error).message).toMatch(new RegExp(`^Table ${s.table} in .*: column learners is varchar\\(20\\) but the task declares integer; drop or migrate`, 'i'));
    });

    test('when the existing table lacks a declared column then the load fails naming it', async () => {
      const spec = dialect.connect();
      const s = setup(spec, () => scoreRows(1));
      await exec(spec, `CREATE TABLE ${q(spec, s.table)} (course_id VARCHAR(255) NOT NULL, day DATE NOT NULL, learners INT NOT NULL)`);
      await expect(new (scoreLoadTask(s))({ databaseUrl: url(spec) }).run()).rejects.toThrow(
        new RegExp(`Table ${s.table} in .* has no column passed \\(the task declares boolean\\)`),
      );
    });

    test('when the existing table has extra columns the database fills then the load goes ahead', async () => {
      const spec = dialect.connect();
      const s = setup(spec, () => scoreRows(2));
      const auto = spec.dialect === 'mysql' ? 'BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
      await exec(
        spec,
        `CREATE TABLE ${q(spec, s.table)} (id ${auto}, course_id VARCHAR(255) NOT NULL, day DATE NOT NULL, learners INT NOT NULL, passed TINYINT(1), mean_grade DOUBLE, note LONGTEXT, created TIMESTAMP DEFAULT CURRENT_TIMESTAMP, source VARCHAR(20) NOT NULL DEFAULT 'edx', comment TEXT)`,
      );
      await new (scoreLoadTask(s))({ databaseUrl: url(spec) }).run();
      expect(await count(spec, s.table)).toBe(2);
    });

    test('when two runs of the same load overlap then exactly one commits its rows', async () => {
      const spec = dialect.connect();
      const s = setup(spec, async function* () {
        for (const row of scoreRows(300)) {
          yield row;
          if (Number((row as { learners: number }).learners) % 50 === 0) await new Promise((r) => setTimeout(r, 5));
        }
      });
      const Load = scoreLoadTask(s);
      const runs = [new Load({ databaseUrl: url(spec) }), new Load({ databaseUrl: url(spec) })];
      await Promise.all(runs.map((t) => t.run()));
      expect(await count(spec, s.table)).toBe(300);
      const already = runs.map((t) => t.counters.get('SQL', `${s.table}: already loaded by another run`));
      expect(already.sort()).toEqual([0, 1]);
    });

    test('when another load holds the table past the wait then the run fails with exit code 3 naming the lock', async () => {
      const spec = dialect.connect();
      let release!: () => void;
      let started!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const begun = new Promise<void>((r) => (started = r));
      const s = setup(spec, async function* () {
        started();
        await gate;
        yield* scoreRows(1);
      });
      const holder = new (scoreLoadTask(s))({ databaseUrl: url(spec), name: 'slow' }).run();
      await begun;
      const Waiter = scoreLoadTask({ ...s, lockWaitMs: 200 });
      const error = await new Waiter({ databaseUrl: url(spec), name: 'late' }).run().catch((e: unknown) => e);
      release();
      await holder;
      expect((error as { exitCode?: number }).exitCode).toBe(ExitCode.locked);
      expect((error as Error).message).toMatch(/^Another (load holds the lock "load:scores_\S+" on mysql:\/\/.*MySQL connection \d+|load is writing to sqlite:)/);
    });
  });
}

function url(spec: ConnectionSpec): string {
  return spec.dialect === 'sqlite' ? `sqlite:${spec.path}` : `mysql://${spec.user}:${spec.password}@${spec.host}:${spec.port}/${spec.database}`;
}

function q(spec: ConnectionSpec, name: string): string {
  return spec.dialect === 'mysql' ? `\`${name}\`` : `"${name}"`;
}

async function exec(spec: ConnectionSpec, sql: string): Promise<void> {
  await withDatabase(spec, async (db) => void (await db.driver.execute(sql)));
}

async function tableExists(spec: ConnectionSpec, table: string): Promise<boolean> {
  return withDatabase(spec, async (db) => (await db.introspector.columns(db.driver, table)) !== undefined);
}
