import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ccxCourseKey } from '../../../src/eventlog/parse/index.js';
import { CourseDayFile, courseDayPath, exportKeyOf, type ExportOptions } from '../../../src/tasks/event-export/index.js';

const options: ExportOptions = { inInterval: (d) => d >= '2014-01-01' && d < '2015-01-01', courses: new Set(), ccx: false };
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ time: '2014-05-15T17:09:59.941616+00:00', event_source: 'server', event_type: 'x', context: { course_id: 'A/B/C' }, ...fields });

describe('exportKeyOf (edX EventExportByCourseTask.mapper)', () => {
  it('keys a line by the day of its time and its course, keeping the line as written but stripped', () => {
    const text = line({});
    expect(exportKeyOf(`  ${text}\r`, options)).toEqual({ key: ['2014-05-15', 'A/B/C'], line: text });
  });

  it('prefers context.received_at (mobile events arrive late) over time', () => {
    const text = line({ context: { course_id: 'A/B/C', received_at: '2014-06-02T01:00:00.000000+00:00' } });
    expect(exportKeyOf(text, options)).toMatchObject({ key: ['2014-06-02', 'A/B/C'] });
  });

  it('takes the course from a /courses/ URL when the context has none', () => {
    const text = line({ context: { course_id: '' }, event_type: '/courses/course-v1:X+Y+Z/info' });
    expect(exportKeyOf(text, options)).toMatchObject({ key: ['2014-05-15', 'course-v1:X+Y+Z'] });
  });

  it('names every drop', () => {
    expect(exportKeyOf('garbage', options)).toEqual({ drop: ['Event', 'Discard Unparseable Event'] });
    expect(exportKeyOf(line({ time: '' }), options)).toEqual({ drop: ['Event', 'Discard Missing Time Field'] });
    expect(exportKeyOf(line({ context: { course_id: 'A/B/C', received_at: '' } }), options)).toEqual({ drop: ['Event', 'Discard Missing Time Field'] });
    expect(exportKeyOf(line({ time: '2013-12-31T23:59:59' }), options)).toEqual({ drop: ['Event', 'Discard Outside Date Interval'] });
    // A time written with a space instead of 'T' still goes to its day's file, not to one named after the whole time.
    expect(exportKeyOf(line({ time: '2014-05-15 10:21:44+00:00' }), options)).toMatchObject({ key: ['2014-05-15', 'A/B/C'] });
    expect(exportKeyOf(line({ context: { course_id: '' } }), options)).toEqual({ drop: ['Event Export', 'Discard Missing Or Invalid Course Id'] });
    expect(exportKeyOf(line({ context: 'text' }), options)).toEqual({ drop: ['Event Export', 'Discard Malformed Event'] });
    expect(exportKeyOf(line({}), { ...options, courses: new Set(['Foo']) })).toEqual({ drop: ['Event Export', 'Discard Course Not Requested'] });
  });

  it('admits CCX course ids only with [ccx] enabled', () => {
    const ccx = line({ context: { course_id: 'ccx-v1:A+B+C+ccx@7' } });
    expect(exportKeyOf(ccx, options)).toEqual({ drop: ['Event Export', 'Discard Missing Or Invalid Course Id'] });
    expect(exportKeyOf(ccx, { ...options, ccx: true })).toMatchObject({ key: ['2014-05-15', 'ccx-v1:A+B+C+ccx@7'] });
    const fromPage = line({ event_source: 'browser', context: {}, page: 'https://x/courses/ccx-v1:A+B+C+ccx@8/courseware/' });
    expect(exportKeyOf(fromPage, { ...options, ccx: true })).toMatchObject({ key: ['2014-05-15', 'ccx-v1:A+B+C+ccx@8'] });
  });
});

describe('CCX keys and paths', () => {
  it('parses the ccx_keys course grammar', () => {
    expect(ccxCourseKey('ccx-v1:AcceptanceX+Demo_ccx+T2_2014+ccx@101')).toBe('ccx-v1:AcceptanceX+Demo_ccx+T2_2014+ccx@101');
    expect(ccxCourseKey('ccx-v1:A+B+C')).toBeNull();
    expect(ccxCourseKey('ccx-v1:A+B+C+ccx@x1')).toBeNull();
    expect(ccxCourseKey('course-v1:A+B+C+ccx@1')).toBeNull();
  });

  it("lays files out as edX's output_path_for_key", () => {
    expect(courseDayPath('Foo/Bar/Baz', '2013-12-17')).toBe('Foo_Bar_Baz/events/Foo_Bar_Baz-events-2013-12-17.log.gz');
    expect(courseDayPath('course-v1:Foo+Bar+Baz', '2013-12-17')).toBe('Foo_Bar_Baz/events/Foo_Bar_Baz-events-2013-12-17.log.gz');
    expect(courseDayPath('ccx-v1:A+B+C+ccx@1', '2014-05-27')).toBe('A_B_C_ccx_1/events/A_B_C_ccx_1-events-2014-05-27.log.gz');
  });
});

describe('CourseDayFile', () => {
  it('writes a multi-member gzip that reads back as one text, and only under its name once committed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'course-day-'));
    try {
      const file = new CourseDayFile(join(dir, 'a/b.log.gz'));
      const big = 'x'.repeat(1024 * 1024);
      for (let i = 0; i < 5; i++) file.writeLine(`${i}${big}`);
      expect(readdirSync(join(dir, 'a'))).toHaveLength(1);
      expect(readdirSync(join(dir, 'a'))[0]).toMatch(/^\.b\.log\.gz-pipewright-tmp-/);
      file.commit();
      expect(readdirSync(join(dir, 'a'))).toEqual(['b.log.gz']);
      const lines = gunzipSync(readFileSync(join(dir, 'a/b.log.gz'))).toString().split('\n');
      expect(lines.map((l) => l.slice(0, 2))).toEqual(['0x', '1x', '2x', '3x', '4x', '']);
      const failed = new CourseDayFile(join(dir, 'a/c.log.gz'));
      failed.writeLine('partial');
      failed.abort();
      expect(readdirSync(join(dir, 'a'))).toEqual(['b.log.gz']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
