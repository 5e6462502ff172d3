import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isoDayOf } from '../../../src/core/index.js';
import { InsertToMysqlLastCountryPerCourseTask, LastCountryOfUser, LastDailyIpAddressOfUserTask } from '../../../src/tasks/location/index.js';
import { lastIpTable } from '../../../src/tasks/location/tables.js';
import { writeMmdb } from './mmdb-writer.js';

/**
 * The edX unit cases of location_per_course (parameters, requirements,
 * partitions, the two jobs' mappers and reducers) on our task classes, with
 * our own data: a made-up country database, users 7 and 8, course PipeU/GEO/1.
 */
const dir = mkdtempSync(join(tmpdir(), 'location-tasks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const geolocationData = join(dir, 'countries.mmdb');
writeFileSync(
  geolocationData,
  writeMmdb(4, [
    { address: '203.0.113.0', prefix: 24, data: { country: { iso_code: 'NZ', names: { en: 'New Zealand' } } } },
    { address: '198.51.100.0', prefix: 24, data: { country: { iso_code: 'IS', names: { en: 'Iceland' } } } },
  ]),
);
const warehousePath = join(dir, 'warehouse');
const base = { warehousePath, geolocationData, overwriteNDays: 14, source: ['/logs'] };
const EARLY = '2013-12-15T15:38:32.805444';
const LATE = '2013-12-17T15:38:32.805444';

const lastCountry = (params: Record<string, unknown> = {}) => new LastCountryOfUser({ ...base, interval: '2013', ...params });
const drain = <T>(pairs: Iterable<T>): T[] => [...pairs];

describe('the interval: --interval, or --interval-start up to --interval-end (default today)', () => {
  it('takes --interval as given', () => {
    expect(String(lastCountry().interval)).toBe('2013');
  });

  it('without --interval, runs from --interval-start to today (UTC)', () => {
    const task = new LastCountryOfUser({ ...base, intervalStart: '2013-01-01' });
    expect(task.interval.start).toBe('2013-01-01');
    expect(task.interval.end).toBe(isoDayOf(Date.now()));
  });

  it('with neither, stops with a line naming --interval', () => {
    expect(() => new LastCountryOfUser(base)).toThrow(/--interval/);
  });
});

describe('LastCountryOfUser: inputs, output and overwrite', () => {
  it('re-scans the last --overwrite-n-days of raw logs, overwriting those day partitions', () => {
    const [daily, ...more] = lastCountry().requires();
    expect(more).toEqual([]);
    expect(daily).toBeInstanceOf(LastDailyIpAddressOfUserTask);
    expect([String(daily!.interval), daily!.interval.dates().length, daily!.overwrite, daily!.source]).toEqual(['2013-12-18-2014-01-01', 14, true, ['/logs']]);
    expect(lastCountry({ overwriteNDays: 0 }).requires()).toEqual([]);
  });

  it('writes the partition of the day after the interval, and with --overwrite is never complete before it has run', async () => {
    expect(lastCountry().output().path).toBe(join(warehousePath, 'last_country_of_user_id', 'dt=2014-01-01'));
    expect(await lastCountry({ overwrite: true }).complete()).toBe(false);
  });

  it('maps a last-IP line to its user, with timestamp and address', () => {
    expect(drain(lastCountry().mapper(`${LATE}\t203.0.113.9\t7\tPipeU/GEO/1`))).toEqual([['7', [LATE, '203.0.113.9']]]);
  });

  it('reduces to the country of the latest address, whatever the order; no address gives no line', () => {
    const task = lastCountry();
    task.reducerInit();
    const reduce = (values: [string, string][]) => drain(task.reducer('7', values)).map(([user, value]) => task.formatOutput(user as string, value as [string, string]));
    expect(reduce([])).toEqual([]);
    expect(reduce([[LATE, '203.0.113.9']])).toEqual(['New Zealand\tNZ\t7']);
    expect(reduce([[EARLY, '203.0.113.9'], [LATE, '198.51.100.4']])).toEqual(['Iceland\tIS\t7']);
    expect(reduce([[LATE, '198.51.100.4'], [EARLY, '203.0.113.9']])).toEqual(['Iceland\tIS\t7']);
    expect(drain(task.reducer('8', [[LATE, '192.0.2.1']])).map(([user, value]) => task.formatOutput(user as string, value as [string, string]))).toEqual(['UNKNOWN\tUNKNOWN\t8']);
  });
});

describe('LastDailyIpAddressOfUserTask: the day partitions', () => {
  const daily = new LastDailyIpAddressOfUserTask({ warehousePath, interval: '2013-12-17', source: ['/logs'] });

  it('keeps the later of two sightings of a user in a course, whichever comes first', () => {
    const key: [string, string, string] = ['2013-12-17', '7', 'PipeU/GEO/1'];
    const lines = drain(daily.reducer(key, [[LATE, '203.0.113.9'], [EARLY, '198.51.100.4']])).map(([k, v]) => daily.formatOutput(k as typeof key, v as [string, string]));
    expect(lines).toEqual([`${LATE}\t203.0.113.9\t7\tPipeU/GEO/1`]);
  });

  it('writes last_ip_of_user_id/dt=DAY/last_ip_of_user_DAY, one per day of the interval', () => {
    const table = lastIpTable(warehousePath);
    expect(daily.interval.dates().map((day) => table.partition(day).path)).toEqual([join(warehousePath, 'last_ip_of_user_id', 'dt=2013-12-17')]);
    expect(table.dataFile('2013-12-17')).toBe(join(warehousePath, 'last_ip_of_user_id', 'dt=2013-12-17', 'last_ip_of_user_2013-12-17'));
  });
});

describe('InsertToMysqlLastCountryPerCourseTask', () => {
  it('passes --overwrite to the country and enrollment partitions it reads', () => {
    const { countries, enrollments } = new InsertToMysqlLastCountryPerCourseTask({ ...base, interval: '2013', overwrite: true, databaseUrl: 'sqlite::memory:' }).requires();
    expect([countries.overwrite, countries.output().path, enrollments.params.overwriteHive]).toEqual([true, join(warehousePath, 'last_country_of_user_id', 'dt=2014-01-01'), true]);
  });
});
