import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/index.js';
import {
  backslashDecode,
  backslashEncode,
  EventTypeDistributionTask,
  eventTypeRecordOf,
  KnownEvents,
  loadKnownEvents,
  parseDistributionLine,
  parseKnownEvents,
} from '../../../src/tasks/event-type-dist/index.js';

// edX's test list, tab-separated: category, event_source, event_type (with a blank line in it).
const KNOWN = [
  'admin\tbrowser\tedx.instructor.report.downloaded',
  'admin\tserver\tadd-forum-admin',
  '',
  'admin\tserver\tadd-forum-community-TA',
  'admin\tserver\tadd-forum-mod',
  'admin\tserver\tadd-instructor',
].join('\n');
const known = parseKnownEvents(KNOWN, 'known.tsv');
const all = () => true;
const event = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    username: 'test_user',
    host: 'test_host',
    event_source: 'browser',
    event_type: 'test_event',
    context: { course_id: 'course_id', org_id: 'org_id', user_id: 'user_id' },
    time: '2013-12-17T10:00:00.000000+00:00',
    ip: '127.0.0.1',
    event: { course_id: 'course_id', user_id: 'user_id', mode: 'honor' },
    ...fields,
  });
const task = () => new EventTypeDistributionTask({ interval: '2013-12-17', source: ['/logs'], outputRoot: '/out' });
const map = (line: string) => {
  const t = task();
  return { pairs: [...t.mapper(line)], counters: t.counters.toJSON() };
};

describe('which lines count (edX EventTypeDistributionTaskMapTest)', () => {
  it('a valid event: (date, unknown, type, source, not exported) -> 1', () => {
    expect(map(event()).pairs).toEqual([[['2013-12-17', 'unknown', 'test_event', 'browser', false], 1]]);
  });

  it.each([
    ['garbage', 'this is garbage', 'Event', 'Discard Unparseable Event'],
    ['no event_type', event({ event_type: null }), 'Event Type Distribution', 'Discard Missing Event Type'],
    ['no time', event({ time: null }), 'Event', 'Discard Missing Time Field'],
    ['no event_source', event({ event_source: null }), 'Event Type Distribution', 'Discard Missing Event Source'],
    ['a bogus time', event({ time: 'this is a bogus time' }), 'Event', 'Discard Outside Date Interval'],
  ])('%s: no output, one counter', (_, line, group, name) => {
    expect(map(line)).toEqual({ pairs: [], counters: { [group]: { [name]: 1 } } });
  });

  it('an event type starting with a slash (an implicit URL event) is skipped, and counted', () => {
    const counters = { 'Event Type Distribution': { 'Skip Implicit Event (type starts with /)': 1 } };
    expect(map(event({ event_type: '/event' }))).toEqual({ pairs: [], counters });
  });

  it('a known event carries its category and is exported; an unlisted one is unknown', () => {
    expect(eventTypeRecordOf(event({ event_type: 'edx.instructor.report.downloaded' }), all, known)).toEqual({
      record: { date: '2013-12-17', category: 'admin', eventType: 'edx.instructor.report.downloaded', eventSource: 'browser', exported: true },
      replacedBytes: false,
    });
    expect(eventTypeRecordOf(event({ event_type: 'test_type' }), all, known)).toMatchObject({ record: { category: 'unknown', exported: false } });
    // The pair decides: the same type from another source is not known.
    expect(eventTypeRecordOf(event({ event_type: 'add-instructor' }), all, known)).toMatchObject({ record: { category: 'unknown', exported: false } });
  });

  it('where edX crashed or wrote an unloadable row, a counted drop', () => {
    const drop = (fields: Record<string, unknown>) => eventTypeRecordOf(event(fields), all, known);
    expect(drop({ event_type: 12 })).toEqual({ drop: 'Discard Event Type Not A String' });
    expect(drop({ event_source: { a: 1 } })).toEqual({ drop: 'Discard Event Source Not A String' });
    expect(drop({ time: '2013-12-17 10:00:00' })).toEqual({ drop: 'Discard Bad Date' });
    expect(drop({ time: '2013-02-30T10:00:00' })).toEqual({ drop: 'Discard Bad Date' });
    expect(drop({ event_type: 'bad\uFFFDtype' })).toEqual({ drop: 'Discard Event Type Or Source Not UTF-8' });
    expect(drop({ event_source: 'x'.repeat(256) })).toEqual({ drop: 'Discard Field Longer Than 255' });
    expect(drop({ event_type: 'é'.repeat(255) })).toMatchObject({ record: { eventType: 'é'.repeat(255) } });
  });

  it('an empty type or source is a value (edX tests `is None`); damage elsewhere in the line still counts, and says so', () => {
    expect(eventTypeRecordOf(event({ event_type: '' }), all, known)).toMatchObject({ record: { eventType: '' } });
    expect(eventTypeRecordOf(event({ username: 'caf\uFFFD' }), all, known)).toMatchObject({ replacedBytes: true });
  });
});

describe('the sum (edX EventTypeDistributionTaskReducerTest)', () => {
  it.each([
    [['2013-01-01', 'unknown', 'test_event', 'browser', false], [1]],
    [['2013-01-01', 'admin', 'test_event', 'browser', true], [1, 1, 1, 1]],
    [['2013-01-02', 'unknown', 'test_event', 'browser', false], [1, 1, 1, 1, 1]],
    [['2013-01-04', 'admin', 'test_event', 'mobile', true], [2, 1, 1]],
  ] as const)('%j sums %j', (key, values) => {
    const t = task();
    const out = [...t.reducer([...key], values)];
    expect(out).toEqual([[key, values.reduce((a: number, b: number) => a + b, 0)]]);
    const [k, n] = out[0]!;
    expect(parseDistributionLine(t.formatOutput(k as never, n as number))).toEqual({
      date: key[0], category: key[1], eventType: key[2], eventSource: key[3], exported: key[4], count: n,
    });
  });

  it('types with tabs, newlines and backslashes survive the tab-separated line (edX backslash_encode_value)', () => {
    const odd = 'a\tb\nc\\d\re\\n';
    expect(backslashEncode(odd)).toBe('a\\tb\\nc\\\\d\\re\\\\n');
    expect(backslashDecode(backslashEncode(odd))).toBe(odd);
    const t = task();
    const line = t.formatOutput(['2013-01-01', 'unknown', odd, 'server', false], 3);
    expect(line.split('\t')).toHaveLength(6);
    expect(parseDistributionLine(line)).toMatchObject({ eventType: odd, count: 3 });
  });
});

describe('the known events file (edX parse_events_list_file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'known-events-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string | Buffer) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it("reads edX's test list: (source, type) -> category, blank lines skipped", () => {
    expect(known.entries()).toEqual([
      ['browser', 'edx.instructor.report.downloaded', 'admin'],
      ['server', 'add-forum-admin', 'admin'],
      ['server', 'add-forum-community-TA', 'admin'],
      ['server', 'add-forum-mod', 'admin'],
      ['server', 'add-instructor', 'admin'],
    ]);
  });

  it('skips # comments, reads CRLF files, accepts a repeated line', () => {
    const k = loadKnownEvents(file('crlf.tsv', '# category\tsource\ttype\r\nvideo\tbrowser\tplay_video\r\nvideo\tbrowser\tplay_video\r\n'));
    expect(k.entries()).toEqual([['browser', 'play_video', 'video']]);
    expect(KnownEvents.none.size).toBe(0);
  });

  it('a byte order mark (some editors save one) is not part of the first category', () => {
    expect(loadKnownEvents(file('bom.tsv', '\uFEFFvideo\tbrowser\tplay_video\n')).entries()).toEqual([['browser', 'play_video', 'video']]);
  });

  it.each([
    ['missing.tsv', null, /--events-list-file-path .*missing\.tsv: no such file; give the tab-separated known events file/],
    ['spaces.tsv', 'admin\tserver\tadd-instructor\nadmin server add-forum-mod\n', /spaces\.tsv line 2: 1 tab-separated fields, expected 3/],
    ['four.tsv', 'admin\tserver\tadd-instructor\textra\n', /four\.tsv line 1: 4 tab-separated fields/],
    ['empty-field.tsv', 'admin\t\tadd-instructor\n', /empty-field\.tsv line 1: an empty field/],
    ['conflict.tsv', 'admin\tserver\tx\n# x\nstaff\tserver\tx\n', /conflict\.tsv line 3: server x already has another category on line 1/],
    ['latin1.tsv', Buffer.from([0x61, 0x09, 0x62, 0x09, 0xe9, 0x0a]), /latin1\.tsv: not UTF-8 text/],
  ])('%s is a one-line usage error naming it', (name, text, message) => {
    const path = text === null ? join(dir, name) : file(name, text);
    let error: unknown;
    try {
      loadKnownEvents(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('the task checks the file before it runs (preflight)', () => {
    const t = new EventTypeDistributionTask({ interval: '2013-12-17', source: ['/logs'], outputRoot: '/out', eventsListFilePath: join(dir, 'nope.tsv') });
    expect(() => t.preflight()).toThrow(UsageError);
  });
});
