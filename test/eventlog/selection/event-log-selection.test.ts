import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode, MissingInputDataError } from '../../../src/core/errors.js';
import { Task } from '../../../src/core/task.js';
import { pythonRegex, WithEventLogSelection } from '../../../src/eventlog/selection/index.js';
import { makeTree, useConfig } from './support.js';

class DailyCounts extends WithEventLogSelection(Task) {}

function dayFiles(prefix: string, first: number, last: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let d = first; d <= last; d++) out[`${prefix}tracking.log-201403${String(d).padStart(2, '0')}.gz`] = 'x';
  return out;
}

describe('WithEventLogSelection', () => {
  it('keeps files whose date is inside the interval widened by expand_interval', async () => {
    const root = makeTree({ ...dayFiles('a/', 10, 28), ...dayFiles('b/', 18, 19) });
    const task = new DailyCounts({ source: [root], interval: '2014-03-18-2014-03-20', expandInterval: '1 day' });
    const names = (await task.inputFiles()).map((f) => f.slice(root.length + 1));
    expect(names).toEqual([
      'a/tracking.log-20140317.gz',
      'a/tracking.log-20140318.gz',
      'a/tracking.log-20140319.gz',
      'a/tracking.log-20140320.gz',
      'b/tracking.log-20140318.gz',
      'b/tracking.log-20140319.gz',
    ]);
  });

  it('uses the built-in pattern and a 2-day widening when [event-logs] says nothing, and config when it does', async () => {
    const root = makeTree({ ...dayFiles('', 10, 28), 'tracking.log-20140319-1395256622': 'rotated, plain', 'other.log': 'no date' });
    const plain = new DailyCounts({ source: [root], interval: '2014-03-19' });
    expect((await plain.inputFiles()).map((f) => f.slice(root.length + 1))).toEqual([
      'tracking.log-20140317.gz',
      'tracking.log-20140318.gz',
      'tracking.log-20140319-1395256622',
      'tracking.log-20140319.gz',
      'tracking.log-20140320.gz',
      'tracking.log-20140321.gz',
    ]);
    useConfig([
      ['event-logs', 'source', JSON.stringify([root])],
      ['event-logs', 'pattern', String.raw`[".*tracking.log-(?P<date>\d{8})\.gz$", ".*other\\.log"]`],
      ['event-logs', 'expand_interval', '0 days'],
    ]);
    const configured = new DailyCounts({ interval: '2014-03-19' });
    expect(configured.expandInterval.seconds).toBe(0);
    expect((await configured.inputFiles()).map((f) => f.slice(root.length + 1))).toEqual(['other.log', 'tracking.log-20140319.gz']);
  });

  it('lets [Family] keys and the command line win over [event-logs]', async () => {
    useConfig([
      ['event-logs', 'expand_interval', '5 days'],
      ['DailyCounts', 'expand_interval', '3 days'],
    ]);
    expect(new DailyCounts({ source: ['/x'], interval: '2014' }).expandInterval.days).toBe(3);
    expect(new DailyCounts({ source: ['/x'], interval: '2014', expandInterval: '1 day' }).expandInterval.days).toBe(1);
  });

  it('reads an epoch-seconds timestamp group as a UTC day, and counts files whose date text is not a date', async () => {
    const root = makeTree({ 'log-1395187200.gz': 'x', 'log-1395360000.gz': 'x', 'tracking.log-20149999.gz': 'bad date' });
    const task = new DailyCounts({
      source: [root],
      interval: '2014-03-19',
      expandInterval: '0 days',
      pattern: [String.raw`.*/log-(?P<timestamp>\d+)\.gz`, String.raw`.*tracking.log-(?P<date>\d{8})`],
    });
    expect(await task.inputFiles()).toEqual([join(root, 'log-1395187200.gz')]);
    expect(task.counters.get('Input', 'Files With Unreadable Date In Name')).toBe(1);
  });

  it('honours --date-pattern for dates written with dashes', async () => {
    const root = makeTree({ 'events-2014-03-19.log': 'x', 'events-2014-03-25.log': 'x' });
    const task = new DailyCounts({ source: [root], interval: '2014-03-19', expandInterval: '0 days', pattern: [String.raw`.*events-(?P<date>[\d-]+)\.log`], datePattern: '%Y-%m-%d' });
    expect(await task.inputFiles()).toEqual([join(root, 'events-2014-03-19.log')]);
  });

  it('fails with the sources, pattern and widened interval named when nothing is selected', async () => {
    const root = makeTree(dayFiles('', 10, 12));
    const task = new DailyCounts({ source: [root], interval: '2015-01-01', expandInterval: '1 day' });
    await expect(task.inputFiles()).rejects.toThrow(MissingInputDataError);
    await expect(task.inputFiles()).rejects.toMatchObject({ exitCode: ExitCode.missingInput });
    await expect(task.inputFiles()).rejects.toThrow(/2014-12-31 up to 2015-01-03/);
    await expect(new DailyCounts({ source: [join(root, 'gone')], interval: '2014' }).inputFiles()).rejects.toThrow(/does not exist/);
  });

  it('filters events on the unwidened interval by the day before T', () => {
    const task = new DailyCounts({ source: ['/x'], interval: '2014-03-18-2014-03-20', expandInterval: '2 days' });
    expect(task.eventInInterval('2014-03-17T23:59:59.999999+00:00')).toBe(false);
    expect(task.eventInInterval('2014-03-18T00:00:00+00:00')).toBe(true);
    expect(task.eventInInterval('2014-03-19T23:59:59+00:00')).toBe(true);
    expect(task.eventInInterval('2014-03-20T00:00:00+00:00')).toBe(false);
  });
});

describe('pythonRegex', () => {
  it('converts named groups and back-references, and anchors at the start only (re.match)', () => {
    const re = pythonRegex(String.raw`.*tracking.log-(?P<date>\d{8})-(?P=date)`, '--pattern');
    expect(re.exec('/logs/tracking.log-20140318-20140318.gz')?.groups?.date).toBe('20140318');
    expect(re.test('/logs/tracking.log-20140318-20140319')).toBe(false);
    expect(pythonRegex('tracking', '--pattern').test('/logs/tracking.log')).toBe(false);
  });

  it('takes Python leading inline flags such as (?i)', () => {
    expect(pythonRegex('(?i).*TRACKING', '--pattern').test('/logs/tracking.log')).toBe(true);
  });

  it('names a pattern that is not a regex', () => {
    expect(() => pythonRegex('(unclosed', '--pattern')).toThrow(/--pattern "\(unclosed" is not a valid regular expression/);
  });
});
