import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_KINDS, generateLogs, SUMMARY_FILE, type GenerateSummary } from '../../../src/eventlog/generator/index.js';
import { forEachLine, readLineChunks } from '../../../src/eventlog/reader/index.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'pipewright-gen-'));

/** Kinds of damage that leave a line JSON.parse cannot read (the others are valid JSON with wrong content). */
const UNPARSEABLE = ['truncated', 'malformedJson', 'syslogPrefix', 'bom', 'nanLiteral', 'blank'];

describe('generateLogs', () => {
  let dir: string;
  let summary: GenerateSummary;
  let lines: string[];
  beforeAll(async () => {
    dir = scratch();
    summary = await generateLogs({ out: dir, bytes: 3_000_000, days: 3, seed: 11, badRate: 0.03, start: '2024-02-28' });
    lines = summary.files.flatMap((f) => readFileSync(f.path, 'utf8').split('\n').slice(0, -1));
  });

  it('writes one file per day, named by the day, plus a summary the input selection skips', () => {
    expect(readdirSync(dir).sort()).toEqual([SUMMARY_FILE, 'tracking.log-20240228', 'tracking.log-20240229', 'tracking.log-20240301']);
    expect(JSON.parse(readFileSync(join(dir, SUMMARY_FILE), 'utf8')).lines).toBe(summary.lines);
    expect(lines).toHaveLength(summary.lines);
    summary.files.forEach((f) => expect(Math.abs(f.bytes - 1_000_000)).toBeLessThan(20_000));
  });

  it('writes valid JSON on every line except the ones damaged on purpose, and every kind of damage', () => {
    for (const kind of BAD_KINDS) expect(summary.bad[kind] ?? 0, kind).toBeGreaterThan(0);
    const unparseable = lines.filter((line) => {
      try {
        JSON.parse(line);
        return false;
      } catch {
        return true;
      }
    });
    expect(unparseable.length).toBe(UNPARSEABLE.reduce((n, k) => n + (summary.bad[k] ?? 0), 0));
    const raw = Buffer.concat(summary.files.map((f) => readFileSync(f.path)));
    expect(raw.toString('utf8')).toContain('\ufffd'); // invalid UTF-8 bytes are really there
    expect(lines.some((l) => l.endsWith('}\r'))).toBe(true);
  });

  it('has realistic proportions: server problem_check 5-10% of lines, all edX event families, every course-id form', () => {
    const events = lines.flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
    const count = (pred: (e: any) => boolean) => events.filter((e) => e && typeof e === 'object' && pred(e)).length;
    const serverChecks = count((e) => e.event_type === 'problem_check' && e.event_source === 'server');
    expect(serverChecks / lines.length).toBeGreaterThan(0.05);
    expect(serverChecks / lines.length).toBeLessThan(0.1);
    expect(count((e) => e.event_type === 'problem_check' && e.event_source === 'browser')).toBeGreaterThan(0);
    expect(count((e) => e.event_type === 'problem_check' && e.event_source === 'server' && e.event?.submission === undefined)).toBeGreaterThan(0);
    expect(count((e) => Object.keys(e.event?.answers ?? {}).some((k) => k.endsWith('_dynamath')))).toBeGreaterThan(0);
    for (const type of ['problem_graded', 'play_video', 'pause_video', 'seek_video', 'stop_video', 'edx.course.enrollment.activated', 'edx.course.enrollment.deactivated', 'edx.course.enrollment.mode_changed', 'edx.forum.thread.created', 'textbook.pdf.page.navigated', 'page_close'])
      expect(count((e) => e.event_type === type), type).toBeGreaterThan(0);
    expect(count((e) => typeof e.event_type === 'string' && e.event_type.endsWith('/problem_check'))).toBeGreaterThan(0);
    const courseIds = new Set(events.map((e) => e?.context?.course_id).filter((c) => typeof c === 'string' && c !== ''));
    expect([...courseIds].some((c) => c.startsWith('course-v1:'))).toBe(true);
    expect([...courseIds].some((c) => c.startsWith('slashes:'))).toBe(true);
    expect([...courseIds].some((c) => /^[^:/]+\/[^/]+\/[^/]+$/.test(c))).toBe(true);
  });

  it('brings learners back to the same problem, so first and last attempts differ', () => {
    const attempts = new Map<string, number>();
    for (const line of lines) {
      if (!line.includes('"problem_check"')) continue;
      try {
        const e = JSON.parse(line);
        if (e.event_source !== 'server' || e.event_type !== 'problem_check') continue;
        const key = `${e.context.course_id}|${e.event.problem_id}|${e.username}`;
        attempts.set(key, (attempts.get(key) ?? 0) + 1);
      } catch {
        // damaged on purpose
      }
    }
    const repeated = [...attempts.values()].filter((n) => n > 1).length;
    expect(repeated / attempts.size).toBeGreaterThan(0.15);
  });

  it('plays videos in sessions: most plays are followed by a pause, seek or stop of the same video further on', () => {
    const playing = new Map<string, number>(); // user|video -> where the last play started
    let plays = 0;
    let viewings = 0;
    for (const line of lines) {
      if (!line.includes('_video"')) continue;
      try {
        const e = JSON.parse(line);
        if (e.event_source !== 'browser') continue;
        const data = JSON.parse(e.event);
        const key = `${e.username}|${data.id}`;
        if (e.event_type === 'play_video') {
          plays++;
          playing.set(key, data.currentTime);
        } else if (['pause_video', 'stop_video', 'seek_video'].includes(e.event_type) && playing.has(key)) {
          const reached = e.event_type === 'seek_video' ? data.old_time : data.currentTime;
          if (reached > playing.get(key)!) viewings++;
          playing.delete(key);
        }
      } catch {
        // damaged on purpose
      }
    }
    expect(plays).toBeGreaterThan(100);
    expect(viewings / plays).toBeGreaterThan(0.4);
  });

  it('puts a few late events from the previous evening at the start of a day', () => {
    const second = readFileSync(summary.files[1]!.path, 'utf8').split('\n').slice(0, 400);
    expect(second.some((l) => l.includes('"time": "2024-02-28T23:5'))).toBe(true);
  });

  it('is deterministic: same seed, same bytes (gzip or not, in worker threads or not); another seed, other bytes', async () => {
    const again = await generateLogs({ out: scratch(), bytes: 3_000_000, days: 3, seed: 11, badRate: 0.03, start: '2024-02-28', gzip: true, jobs: 2 });
    again.files.forEach((f, i) => {
      expect(f.path.endsWith('.gz')).toBe(true);
      expect(gunzipSync(readFileSync(f.path)).equals(readFileSync(summary.files[i]!.path))).toBe(true);
    });
    const other = await generateLogs({ out: scratch(), bytes: 100_000, days: 1, seed: 12, start: '2024-02-28' });
    expect(readFileSync(other.files[0]!.path).subarray(0, 5000).equals(readFileSync(summary.files[0]!.path).subarray(0, 5000))).toBe(false);
  });

  it('is read back whole by the reader, line for line, gzip included', async () => {
    const gz = await generateLogs({ out: scratch(), bytes: 400_000, days: 1, seed: 5, gzip: true });
    let count = 0;
    for await (const chunk of readLineChunks(gz.files[0]!.path, { chunkSize: 64 * 1024 })) forEachLine(chunk, () => count++);
    expect(count).toBe(gz.lines);
  });

  it('rejects impossible options with one line naming the option', async () => {
    await expect(generateLogs({ out: scratch(), bytes: 10, days: 0, seed: 1 })).rejects.toThrow(/--days 0/);
    await expect(generateLogs({ out: scratch(), bytes: 10, days: 1, seed: 1, badRate: 2 })).rejects.toThrow(/--bad-rate 2/);
    await expect(generateLogs({ out: scratch(), bytes: 10, days: 1, seed: 1, start: '2024-02-30' })).rejects.toThrow(/--start 2024-02-30/);
    await expect(generateLogs({ out: scratch(), bytes: 10, days: 1, seed: 1, jobs: 0 })).rejects.toThrow(/--jobs 0/);
  });
});
