import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fg from 'fast-glob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launchTask } from '../../cli/build-once.js';
import { CONFORMANCE } from '../../support/paths.js';

const SET = join(CONFORMANCE, 'event_export_by_course');
const EXPECTED = join(SET, 'expected');
const CCX_FILES = /_ccx_10[12]-/;

/** Expected file name -> its events, parsed and sorted (edX compares order-insensitively on parsed JSON). */
function expectedExport(withCcx: boolean): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const name of readdirSync(EXPECTED).sort()) {
    if (!withCcx && CCX_FILES.test(name)) continue;
    out[`${name}.gz`] = parsedLines(readFileSync(join(EXPECTED, name), 'utf8'));
  }
  return out;
}

function parsedLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.stringify(JSON.parse(l))).sort();
}

/** Every exported gzip under the output root, by file name; checks the edX layout on the way. */
function actualExport(outputRoot: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const path of fg.sync('**/*.log.gz', { cwd: outputRoot, dot: true }).sort()) {
    const [course, events, name] = path.split('/');
    expect(events).toBe('events');
    expect(name!.startsWith(`${course}-events-`)).toBe(true);
    out[name!] = parsedLines(gunzipSync(readFileSync(join(outputRoot, path))).toString('utf8'));
  }
  return out;
}

function workspace(prefix: string): { root: string; src: string; out: string; config: string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const src = join(root, 'src');
  mkdirSync(join(src, 'FakeServerGroup'), { recursive: true });
  writeFileSync(join(src, 'FakeServerGroup', 'tracking.log-20140515.gz'), gzipSync(readFileSync(join(SET, 'input/event_export_tracking.log'))));
  const config = join(root, 'ccx.cfg');
  writeFileSync(config, '[ccx]\nenabled = true\n');
  return { root, src, out: join(root, 'out'), config };
}

beforeAll(() => ensureBuilt(), 120_000);

describe('launch-task EventExportByCourseTask (edX acceptance set)', () => {
  const ws = workspace('event-export-');
  afterAll(() => rmSync(ws.root, { recursive: true, force: true }));
  const args = (out: string) => ['EventExportByCourseTask', '--output-root', out, '--interval', '2014', '--source', JSON.stringify([ws.src]), '--n-reduce-tasks', '1'];

  it('with [ccx] enabled writes the 8 per-course-day files of edX, and counts the event with no course', async () => {
    const run = await launchTask([...args(ws.out), '--additional-config', ws.config]);
    expect(run.code, run.stderr).toBe(0);
    expect(actualExport(ws.out)).toEqual(expectedExport(true));
    expect(run.stdout + run.stderr).toMatch(/Event Export Discard Missing Or Invalid Course Id: 2\b/);
    expect(fg.sync('**/.*', { cwd: ws.out, dot: true })).toEqual([]);
  });

  it('a rerun finds the export done and rewrites nothing', async () => {
    const files = fg.sync('**/*.log.gz', { cwd: ws.out, absolute: true });
    const before = files.map((f) => statSync(f).mtimeMs);
    const run = await launchTask([...args(ws.out), '--additional-config', ws.config, '--runner', 'inline']);
    expect(run.code, run.stderr).toBe(0);
    expect(files.map((f) => statSync(f).mtimeMs)).toEqual(before);
  });

  it('without [ccx] enabled the two CCX courses are not courses: 6 files, the same bytes on every runner', async () => {
    const local = join(ws.root, 'no-ccx-local');
    const inline = join(ws.root, 'no-ccx-inline');
    const [a, b] = await Promise.all([launchTask(args(local)), launchTask([...args(inline), '--runner', 'inline'])]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(actualExport(local)).toEqual(expectedExport(false));
    expect(a.stdout + a.stderr).toMatch(/Event Export Discard Missing Or Invalid Course Id: 4\b/);
    const bytes = (root: string) => fg.sync('**/*.log.gz', { cwd: root }).sort().map((f) => [f, gunzipSync(readFileSync(join(root, f))).toString()]);
    expect(bytes(inline)).toEqual(bytes(local));
  });

  it('--course keeps only the named courses', async () => {
    const out = join(ws.root, 'one-course');
    const run = await launchTask([...args(out), '--course', '["edX/Open_DemoX/edx_demo_course"]', '--runner', 'inline']);
    expect(run.code, run.stderr).toBe(0);
    const files = fg.sync('**/*.log.gz', { cwd: out }).map((f) => relative('', f)).sort();
    expect(files).toEqual(
      ['2014-04-18', '2014-05-15', '2014-05-16'].map((d) => `edX_Open_DemoX_edx_demo_course/events/edX_Open_DemoX_edx_demo_course-events-${d}.log.gz`),
    );
    expect(existsSync(join(out, 'AcceptanceX_A101_T12014'))).toBe(false);
  });
});
