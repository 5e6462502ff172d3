import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTaskCommand } from '../../../src/cli/task-command.js';
import { InsertToMysqlLastCountryPerCourseTask } from '../../../src/tasks/location/index.js';
import { countryOfIp, UNKNOWN } from '../../../src/tasks/location/country-of-ip.js';
import { openCountryDatabase } from '../../../src/tasks/location/geoip/country-database.js';
import { ipSightingFromLine } from '../../../src/tasks/location/last-ip-event.js';
import { pythonIntText } from '../../../src/eventlog/parse/index.js';
import { latestSighting, type Sighting } from '../../../src/tasks/location/latest-sighting.js';
import { countEnrollmentsByCountry } from '../../../src/tasks/location/per-course-counts.js';
import { writeMmdb } from './mmdb-writer.js';
import { event } from './support.js';

const inInterval = (day: string) => day >= '2013-12-01' && day < '2014-01-01';
const TIME = '2013-12-17T15:38:32.805444+00:00';

describe('the last-IP mapper (edX LastDailyIpAddressOfUserTask.mapper)', () => {
  it('keeps an event of a known user with a timestamp and an ip, course from the context when there is one', () => {
    expect(ipSightingFromLine(event({ time: TIME, userId: 42, ip: '8.8.8.8' }), inInterval)).toEqual({
      date: '2013-12-17', userId: '42', courseId: null, timestamp: '2013-12-17T15:38:32.805444', ip: '8.8.8.8',
    });
    const inCourse = ipSightingFromLine(event({ time: TIME, userId: 42, ip: '8.8.8.8', courseId: 'DummyX/Course/ID' }), inInterval);
    expect(inCourse).toMatchObject({ courseId: 'DummyX/Course/ID' });
  });

  it('names every event it drops', () => {
    const cases: [string, string][] = [
      ['this is garbage', 'Discard Unparseable Event'],
      [event({ userId: 42, ip: '8.8.8.8' }), 'Discard Missing Time Field'],
      [event({ time: 'this is a bogus time', userId: 42, ip: '8.8.8.8' }), 'Discard Outside Date Interval'],
      [event({ time: '2015-12-17T15:38:32.805444', userId: 42, ip: '8.8.8.8' }), 'Discard Outside Date Interval'],
      [event({ time: TIME, ip: '8.8.8.8' }), 'Discard Missing User ID'],
      [JSON.stringify({ time: TIME, ip: '8.8.8.8' }), 'Discard Missing User ID'], // no context at all
      [JSON.stringify({ time: TIME, ip: '8.8.8.8', context: 'user 42' }), 'Discard Missing User ID'], // edX crashed here
      [event({ time: TIME, userId: 0, ip: '8.8.8.8' }), 'Discard Missing User ID'],
      [event({ time: TIME, userId: '', ip: '8.8.8.8' }), 'Discard Missing User ID'],
      [event({ time: TIME, userId: 'abc', ip: '8.8.8.8' }), 'Discard event with malformed user_id'],
      [event({ time: TIME, userId: '42.0', ip: '8.8.8.8' }), 'Discard event with malformed user_id'],
      [event({ time: '2013-12-17T25:00:00', userId: 42, ip: '8.8.8.8' }), 'Discard Bad Timestamp'],
      [event({ time: TIME, userId: 42 }), 'Discard Missing IP Address'],
      [event({ time: TIME, userId: 42, ip: '' }), 'Discard Missing IP Address'],
      [event({ time: TIME, userId: 42, ip: '8.8.8.8\t1' }), 'Discard IP Address With Tab Or Newline'],
    ];
    for (const [line, drop] of cases) expect(ipSightingFromLine(line, inInterval), line).toEqual({ drop });
  });

  it("reads user_id as Python's int() does", () => {
    expect([42, 42.9, '42', ' 42 ', '0', true, -3, 12345678901234567890n].map(pythonIntText)).toEqual(['42', '42', '42', '42', '0', '1', '-3', '12345678901234567890']);
    expect(['42.0', 'abc', Number.NaN, Number.POSITIVE_INFINITY, [1]].map((v) => pythonIntText(v as never))).toEqual([null, null, null, null, null]);
  });

  it('keeps a non-text ip as Python writes it: the country lookup then finds it is no address', () => {
    expect(ipSightingFromLine(event({ time: TIME, userId: 42, ip: 12345 }), inInterval)).toMatchObject({ ip: '12345' });
  });
});

describe('the last sighting (edX: greatest timestamp; ties broken by the IP text, not by arrival)', () => {
  const a: Sighting = ['2013-12-15T15:38:32.805444', '8.8.8.8'];
  const b: Sighting = ['2013-12-17T15:38:32.805444', '81.2.69.160'];
  const tie: Sighting = ['2013-12-17T15:38:32.805444', '1.1.1.1'];

  it('is the latest whatever the order, and the same on a tie in any order', () => {
    expect(latestSighting([a, b])).toEqual(b);
    expect(latestSighting([b, a])).toEqual(b);
    expect(latestSighting([tie, b, a])).toEqual(b);
    expect(latestSighting([a, b, tie])).toEqual(b);
    expect(latestSighting([])).toBeUndefined();
  });
});

describe("the country of an address (edX get_country_name / get_country_code)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'country-of-ip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'test.mmdb');
  writeFileSync(
    path,
    writeMmdb(4, [
      { address: '8.8.8.0', prefix: 24, data: { country: { iso_code: 'US', names: { en: 'United States' } } } },
      { address: '5.5.5.0', prefix: 24, data: { country: { iso_code: ' ', names: { en: 'Nowhere Land' } } } },
      { address: '6.6.6.0', prefix: 24, data: { country: { iso_code: 'ZZ', names: { en: '  ' } } } },
    ]),
  );
  const db = openCountryDatabase(path);

  it('is the database answer, or UNKNOWN for the part it lacks, with the reason', () => {
    expect(countryOfIp(db, '8.8.8.8')).toEqual({ name: 'United States', code: 'US' });
    expect(countryOfIp(db, '5.5.5.5')).toEqual({ name: 'Nowhere Land', code: UNKNOWN, unknown: 'Unknown Country: Database Has No Code' });
    expect(countryOfIp(db, '6.6.6.6')).toEqual({ name: UNKNOWN, code: 'ZZ', unknown: 'Unknown Country: Database Has No Name' });
  });

  it('tells apart a non-address, IPv6 in an IPv4-only database, private space and an address the database lacks', () => {
    const reasons = ['not-an-ip', '12345', '2001:4860:4860::8888', '10.1.2.3', '192.168.0.1', '9.9.9.9'].map((ip) => countryOfIp(db, ip));
    for (const r of reasons) expect([r.name, r.code]).toEqual([UNKNOWN, UNKNOWN]);
    expect(reasons.map((r) => r.unknown)).toEqual([
      'Unknown Country: Not An IP Address',
      'Unknown Country: Not An IP Address',
      'Unknown Country: IPv6 Address In An IPv4-Only Database',
      'Unknown Country: Private Or Reserved Address',
      'Unknown Country: Private Or Reserved Address',
      'Unknown Country: Address Not In Database',
    ]);
  });
});

describe('what is an address (a documented difference: edX read the text with inet_aton)', () => {
  it('takes neither inet_aton shorthands, octal, one big number nor text after a space', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'inet-aton-')), 'world.mmdb');
    writeFileSync(path, writeMmdb(4, [{ address: '0.0.0.0', prefix: 1, data: { country: { iso_code: 'NZ', names: { en: 'New Zealand' } } } }]));
    const db = openCountryDatabase(path);
    rmSync(path);
    expect(countryOfIp(db, '8.8.8.8')).toEqual({ name: 'New Zealand', code: 'NZ' });
    for (const ip of ['8.8.8', '134744072', '010.8.8.8', '0x8.8.8.8', '8.8.8.8 junk', ' 8.8.8.8'])
      expect(countryOfIp(db, ip).unknown, ip).toBe('Unknown Country: Not An IP Address');
  });
});

describe('enrollments per course and country (edX QueryLastCountryPerCourseTask)', () => {
  async function* lines(...rows: string[][]) {
    for (const row of rows) yield row.join('\t');
  }

  it('counts the last day only: active ones as count, all as cumulative_count, no known address as null', async () => {
    const codes = new Map([['1', 'US'], ['2', 'US'], ['3', 'UNKNOWN']]);
    const counted: string[] = [];
    const counts = await countEnrollmentsByCountry(
      lines(
        ['2014-08-05', 'A', '1', '1', '1', 'audit'], // an earlier day: not the state at the end
        ['2014-08-06', 'A', '1', '1', '0', 'audit'],
        ['2014-08-06', 'A', '2', '0', '-1', 'audit'],
        ['2014-08-06', 'A', '3', '1', '0', 'verified'],
        ['2014-08-06', 'B', '4', '1', '1', 'audit'],
        ['broken line'],
      ),
      '2014-08-06',
      codes,
      (name) => counted.push(name),
    );
    expect([...counts].map(([course, byCode]) => [course, [...byCode]])).toEqual([
      ['A', [['US', { count: 1, cumulative: 2 }], ['UNKNOWN', { count: 1, cumulative: 1 }]]],
      ['B', [[null, { count: 1, cumulative: 1 }]]],
    ]);
    expect(counted.filter((n) => n === 'Discard Malformed Enrollment Line')).toHaveLength(1);
    expect(counted.filter((n) => n === 'Enrollments Of Users With No Known Address')).toHaveLength(1);
  });
});

describe('--help of InsertToMysqlLastCountryPerCourseTask', () => {
  it('when a value has a config default then --help names the key instead of calling it required', () => {
    const help = (flag: string) => buildTaskCommand(InsertToMysqlLastCountryPerCourseTask).options.find((o) => o.long === flag)?.description ?? '';
    expect(help('--overwrite-n-days')).toContain('default: [location-per-course] overwrite_n_days');
    expect(help('--geolocation-data')).toContain('default: [geolocation] geolocation_data');
    expect(help('--interval')).toContain('default: from --interval-start and --interval-end');
    for (const flag of ['--overwrite-n-days', '--geolocation-data', '--interval']) expect(help(flag)).not.toContain('required');
  });
});
