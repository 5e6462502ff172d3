import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fg from 'fast-glob';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLogs } from '../../../src/eventlog/generator/index.js';
import { queryRows } from '../../../src/sql/index.js';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { LAUNCH_TASK } from '../../support/paths.js';
import { describeMysql, MYSQL_TEST_URL } from '../../support/services.js';
import { logWorkDir, tableRows, type LogWorkDir } from '../user-activity/support.js';
import { describeGeoip, enrollmentEvent, event, GEOIP_DAT } from './support.js';

const TASK = 'InsertToMysqlLastCountryPerCourseTask';
const TABLE = 'course_enrollment_location_current';
const COLUMNS = ['date', 'course_id', 'country_code', 'count', 'cumulative_count'];
const A = 'course-v1:PipeU+GEO101+2024';
const B = 'course-v1:PipeU+GEO102+2024';

/**
 * Three days of logs, 2024-03-04..06, one file per day. User 1 moves from the
 * US to the UK; user 2's last two events share a timestamp (the greater IP
 * text, 81.2.69.160, wins) and leaves course A; user 3 is on a private
 * network; user 4 is never seen with an address; user 5's last address is
 * IPv6 (GeoIP.dat is IPv4 only); user 6's is no address at all.
 */
const DAYS: Record<string, string[]> = {
  '20240304': [
    enrollmentEvent('2024-03-04T01:00:00.000001+00:00', 1, A, '8.8.8.8'),
    enrollmentEvent('2024-03-04T01:00:00.000002+00:00', 2, A, '8.8.8.8'),
    enrollmentEvent('2024-03-04T01:00:00.000003+00:00', 3, A, '10.1.2.3'),
    enrollmentEvent('2024-03-04T01:00:00.000004+00:00', 3, B, '10.1.2.3'),
    enrollmentEvent('2024-03-04T01:00:00.000005+00:00', 4, B, ''),
    enrollmentEvent('2024-03-04T01:00:00.000006+00:00', 5, B, '8.8.8.8'),
    enrollmentEvent('2024-03-04T01:00:00.000007+00:00', 6, B, '8.8.8.8'),
    event({ time: '2024-03-04T09:00:00+00:00', userId: 1, ip: '8.8.8.8', courseId: A }),
  ],
  '20240305': [
    event({ time: '2024-03-05T10:00:00.123456+00:00', userId: 2, ip: '8.8.8.8', courseId: A }),
    event({ time: '2024-03-05T10:00:00.123456+00:00', userId: 2, ip: '81.2.69.160', courseId: A }),
    enrollmentEvent('2024-03-05T09:00:00+00:00', 2, A, '8.8.8.8', 'deactivated'),
    event({ time: '2024-03-05T12:00:00+00:00', userId: 5, ip: '2001:4860:4860::8888' }),
    event({ time: '2024-03-05T12:00:00+00:00', userId: 6, ip: 'not-an-ip' }),
    // Lines that count nothing, each named in the summary.
    event({ time: '2024-03-05T12:00:00+00:00', ip: '8.8.8.8' }),
    event({ time: '2024-03-05T12:00:00+00:00', userId: 'abc', ip: '8.8.8.8' }),
    event({ time: '2024-03-05T99:00:00+00:00', userId: 1, ip: '8.8.8.8' }),
    '{"truncated": ',
  ],
  '20240306': [event({ time: '2024-03-06T08:00:00+00:00', userId: 1, ip: '81.2.69.160', courseId: B })],
};

/** The table for --interval 2024-03-04-2024-03-07, worked out by hand from DAYS. */
const EXPECTED = [
  `2024-03-07,${A},GB,1,2`,
  `2024-03-07,${A},UNKNOWN,1,1`,
  `2024-03-07,${B},UNKNOWN,3,3`,
  `2024-03-07,${B},\\N,1,1`,
].sort();

function writeLogs(dir: LogWorkDir): void {
  for (const [day, lines] of Object.entries(DAYS))
    writeFileSync(join(dir.source, 'FakeServerGroup', `tracking.log-${day}.gz`), gzipSync(lines.join('\n') + '\n'));
  writeFileSync(dir.config, readFileSync(dir.config, 'utf8') + `[geolocation]\ngeolocation_data = ${GEOIP_DAT}\n`);
}

beforeAll(() => ensureBuilt(), 120_000);

describeGeoip('location per course through the CLI', () => {
  describe.runIf(existsSync(LAUNCH_TASK))('into SQLite', () => {
    const dir = logWorkDir('location-');
    writeLogs(dir);
    const db = `sqlite:${join(dir.root, 'out.sqlite')}`;
    const args = [TASK, '--source', JSON.stringify([dir.source]), '--database-url', db, '--additional-config', dir.config];
    const RUN = ['--interval', '2024-03-04-2024-03-07', '--overwrite-n-days', '3', '--n-reduce-tasks', '2'];
    afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

    it('on a fresh warehouse, days before the re-scan that no earlier run left are counted as missing, not silently empty', async () => {
      const fresh = join(dir.root, 'fresh-warehouse');
      const result = await launchTask([...args, '--interval', '2024-03-04-2024-03-07', '--overwrite-n-days', '1', '--warehouse-path', fresh, '--database-url', `sqlite:${join(dir.root, 'fresh.sqlite')}`, '--runner', 'inline']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout + result.stderr).toContain('User Location Days Missing: No Partition From An Earlier Run (widen --overwrite-n-days): 2');
    });

    it('loads each course\'s learners by the country of their last address, naming every line and address it could not use', async () => {
      const result = await launchTask([...args, ...RUN]); // the default local runner: reducers in worker threads
      expect(result.code, result.stderr).toBe(0);
      expect(await tableRows(db, TABLE, COLUMNS)).toEqual(EXPECTED);
      const out = result.stdout + result.stderr;
      for (const counter of [
        'User Location Discard Missing User ID: 1',
        'User Location Discard event with malformed user_id: 1',
        'User Location Discard Bad Timestamp: 1',
        'Event Discard Unparseable Event: 1', // edX's group for the drops every log task shares
        'User Location Discard Missing IP Address: 1',
        'User Location Users With A Country: 2',
        'User Location Unknown Country: Private Or Reserved Address: 1',
        'User Location Unknown Country: IPv6 Address In An IPv4-Only Database: 1',
        'User Location Unknown Country: Not An IP Address: 1',
      ])
        expect(out).toContain(counter);
      const lastIp = readFileSync(join(dir.warehouse, 'last_ip_of_user_id/dt=2024-03-05/last_ip_of_user_2024-03-05'), 'utf8');
      expect(lastIp).toContain(`2024-03-05T10:00:00.123456\t81.2.69.160\t2\t${A}\n`);
      const parts = fg.sync('last_country_of_user_id/dt=2024-03-07/part-*', { cwd: dir.warehouse, absolute: true });
      const countries = parts.map((part) => readFileSync(part, 'utf8')).join('');
      expect(countries.split('\n').filter(Boolean).sort()).toEqual(['UNKNOWN\tUNKNOWN\t3', 'UNKNOWN\tUNKNOWN\t5', 'UNKNOWN\tUNKNOWN\t6', 'United Kingdom\tGB\t1', 'United Kingdom\tGB\t2']);
    });

    it('does nothing on a second identical run (given in edX nightly form, --interval-start/--interval-end)', async () => {
      const result = await launchTask([...args, '--interval-start', '2024-03-04', '--interval-end', '2024-03-07', ...RUN.slice(2), '--runner', 'inline']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout + result.stderr).toMatch(/already complete/);
      expect(await tableRows(db, TABLE, COLUMNS)).toEqual(EXPECTED);
    });

    it('two nightly runs, the second re-scanning one day on top of the first one\'s partitions (and --overwrite), give the same table', async () => {
      const nightly = logWorkDir('location-nightly-');
      writeLogs(nightly);
      const nightlyDb = `sqlite:${join(nightly.root, 'out.sqlite')}`;
      const night = (interval: string, days: string, ...more: string[]) =>
        launchTask([TASK, '--source', JSON.stringify([nightly.source]), '--database-url', nightlyDb, '--additional-config', nightly.config, '--interval', interval, '--overwrite-n-days', days, '--runner', 'inline', ...more]);
      const first = await night('2024-03-04-2024-03-06', '2');
      expect(first.code, first.stderr).toBe(0);
      const firstDay = join(nightly.warehouse, 'last_ip_of_user_id/dt=2024-03-04/_SUCCESS');
      const before = statSync(firstDay).mtimeMs;
      const second = await night('2024-03-04-2024-03-07', '1', '--overwrite'); // the table keeps only the new date
      const after = statSync(firstDay).mtimeMs;
      const rows = await tableRows(nightlyDb, TABLE, COLUMNS);
      rmSync(nightly.root, { recursive: true, force: true });
      expect(second.code, second.stderr).toBe(0);
      expect(after).toBe(before); // read as the first night left it, not re-scanned
      expect(rows).toEqual(EXPECTED);
    });

    it('a missing geolocation database stops the run before anything starts, in one line naming the file', async () => {
      const fresh = logWorkDir('location-nodb-');
      writeLogs(fresh);
      const result = await launchTask([TASK, '--source', JSON.stringify([fresh.source]), '--database-url', `sqlite:${join(fresh.root, 'out.sqlite')}`, '--additional-config', fresh.config, ...RUN, '--geolocation-data', join(fresh.root, 'GeoIP.dat')]);
      const started = existsSync(join(fresh.warehouse, 'last_ip_of_user_id'));
      rmSync(fresh.root, { recursive: true, force: true });
      expect(result.code).toBe(64);
      expect(result.stderr).toMatch(/GeoIP\.dat: no such file; give --geolocation-data/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(started).toBe(false);
    });
  });

  describe.runIf(existsSync(LAUNCH_TASK))('on generated logs', () => {
    it('runs on realistic logs with damaged lines: learners get countries, those on the private 10/8 network are counted as unknown', async () => {
      const dir = logWorkDir('location-generated-');
      writeLogs(dir); // for the config; the hand-written logs are replaced
      rmSync(join(dir.source, 'FakeServerGroup'), { recursive: true });
      await generateLogs({ out: join(dir.source, 'FakeServerGroup'), bytes: 1_500_000, days: 2, seed: 7, start: '2024-03-04', gzip: true, badRate: 0.01, jobs: 1 });
      const db = `sqlite:${join(dir.root, 'out.sqlite')}`;
      const result = await launchTask([TASK, '--source', JSON.stringify([dir.source]), '--database-url', db, '--additional-config', dir.config, '--interval', '2024-03-04-2024-03-06', '--overwrite-n-days', '2', '--runner', 'inline']);
      const rows = result.code === 0 ? await queryRows<{ country_code: string | null; count: number; cumulative_count: number }>(db, `SELECT * FROM ${TABLE}`) : [];
      rmSync(dir.root, { recursive: true, force: true });
      expect(result.code, result.stderr).toBe(0);
      const out = result.stdout + result.stderr;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.count).toBeLessThanOrEqual(row.cumulative_count);
      const countries = new Set(rows.map((row) => row.country_code).filter((code) => code !== null && code !== 'UNKNOWN'));
      expect(countries.size, out).toBeGreaterThan(5);
      expect(rows.some((row) => row.country_code === 'UNKNOWN')).toBe(true);
      const users = Number(/Unknown Country: Private Or Reserved Address: (\d+)/.exec(out)?.[1]);
      expect(users, out).toBeGreaterThan(0);
      expect(out).toMatch(/Event Discard Unparseable Event: [1-9]/);
    });
  });

  describeMysql('into MariaDB', () => {
    const dir = logWorkDir('location-mysql-');
    writeLogs(dir);
    const args = [TASK, '--source', JSON.stringify([dir.source]), '--database-url', MYSQL_TEST_URL, '--additional-config', dir.config];
    const RUN = ['--interval', '2024-03-04-2024-03-07', '--overwrite-n-days', '3', '--n-reduce-tasks', '1', '--runner', 'inline'];
    beforeAll(async () => {
      const conn = await mysql.createConnection(MYSQL_TEST_URL);
      await conn.query(`DROP TABLE IF EXISTS ${TABLE}`);
      await conn.query(`DELETE FROM table_updates WHERE target_table = '${TABLE}'`).catch(() => undefined);
      await conn.end();
    });
    afterAll(() => rmSync(dir.root, { recursive: true, force: true }));

    it('loads the same rows, with a NULL country code, and a rerun changes nothing', async () => {
      const result = await launchTask([...args, ...RUN]);
      expect(result.code, result.stderr).toBe(0);
      expect(await tableRows(MYSQL_TEST_URL, TABLE, COLUMNS)).toEqual(EXPECTED);
      // edX's MysqlInsertTask adds a surrogate key `id` and a load time `created` to every table it makes.
      const conn = await mysql.createConnection(MYSQL_TEST_URL);
      const [columns] = await conn.query(`SHOW COLUMNS FROM ${TABLE}`);
      const [indexes] = await conn.query(`SHOW INDEX FROM ${TABLE}`);
      await conn.end();
      // Display widths (int(11)) and whether TIMESTAMP may be NULL vary with the server version and settings.
      const described = (columns as { Field: string; Type: string; Null: string; Key: string; Extra: string }[]).map((c) => [
        c.Field, c.Type.replace(/\(\d+\)$/, (w) => (c.Type.startsWith('varchar') ? w : '')), c.Field === 'created' ? '-' : c.Null, c.Key, c.Extra,
      ]);
      expect(described).toEqual([
        ['id', 'bigint', 'NO', 'PRI', 'auto_increment'],
        ['date', 'date', 'NO', '', ''],
        ['course_id', 'varchar(255)', 'NO', 'MUL', ''],
        ['country_code', 'varchar(10)', 'YES', '', ''],
        ['count', 'int', 'NO', '', ''],
        ['cumulative_count', 'int', 'NO', '', ''],
        ['created', 'timestamp', '-', '', ''],
      ]);
      const keys = new Map<string, string[]>();
      for (const i of indexes as { Key_name: string; Column_name: string }[]) keys.set(i.Key_name, [...(keys.get(i.Key_name) ?? []), i.Column_name]);
      expect([...keys.values()].sort()).toEqual([['course_id'], ['course_id', 'date'], ['id']]);
      const again = await launchTask([...args, ...RUN]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout + again.stderr).not.toMatch(/rows inserted/);
      expect(await tableRows(MYSQL_TEST_URL, TABLE, COLUMNS)).toEqual(EXPECTED);
    });
  });
});
