import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BatchingFileBackend,
  legacyFieldMapping,
  RotatingLogFile,
  RoutingBackend,
  Tracker,
} from '../../src/tracking/index.js';
import { Collector, trackerListener, PIXEL_GIF, type CollectorOptions } from '../../src/tracking/collector/index.js';
import { GatedWriter, readAllRecords, tempDir } from './support.js';

let open: { collector: Collector; file: BatchingFileBackend; gate?: GatedWriter }[] = [];

async function start(options: Partial<CollectorOptions> & { paused?: boolean; maxQueueEvents?: number; trust?: boolean } = {}) {
  const dir = await tempDir();
  const gate = options.paused ? new GatedWriter(await RotatingLogFile.open({ dir })) : undefined;
  const file = gate
    ? new BatchingFileBackend(gate, { maxQueueEvents: options.maxQueueEvents })
    : await BatchingFileBackend.open({ dir, maxEventBytes: 4000 });
  const logs = new RoutingBackend({ processors: [legacyFieldMapping], backends: { file }, failures: 'throw' });
  const tracker = new Tracker({ backends: { logs }, failures: 'throw', maxEventBytes: 4000 });
  const collector = new Collector({ listeners: [trackerListener(tracker, { trustClientContext: options.trust })], ...options });
  const { port } = await collector.listen();
  open.push({ collector, file, gate });
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url(path), {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  return { dir, url, post, file, tracker, collector, gate };
}

afterEach(async () => {
  for (const { collector, gate } of open) {
    gate?.open();
    await collector.close().catch(() => {});
  }
  open = [];
});

describe('collector', () => {
  it('accepts POST /{service}/{name} as an edX line, with request facts in place', async () => {
    const c = await start({ trust: true });
    const response = await c.post('/track/problem_check', { data: { answers: { q1: 'a' } }, context: { course_id: 'edX/E929/2014_T2', event_source: 'server' } }, { 'user-agent': 'test-agent/1', referer: 'http://lms/x' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; key: string };
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), key: 'in.gen.track.problem_check' });
    await c.tracker.flush();
    const [record] = await readAllRecords(c.dir);
    expect(record).toMatchObject({
      event_type: 'problem_check',
      event_source: 'server',
      event: { answers: { q1: 'a' } },
      agent: 'test-agent/1',
      ip: '127.0.0.1',
      page: 'http://lms/x',
      context: { course_id: 'edX/E929/2014_T2', event_id: body.id, collector: { key: 'in.gen.track.problem_check', service: 'track', channel: 'http' } },
    });
    expect(record.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
  });

  it('ignores client context unless trusted; GET query becomes data; service and name may come from the body', async () => {
    const c = await start();
    expect((await fetch(c.url('/track/page?x=1&y=two'))).status).toBe(200);
    expect((await c.post('/', { service: 'track', name: 'edx.ui.click', context: { username: 'mallory' }, n: 2 })).status).toBe(200);
    await c.tracker.flush();
    const records = await readAllRecords(c.dir);
    expect(records.map((r) => [r.event_type, r.event_source, r.username])).toEqual([
      ['page', 'browser', ''],
      ['edx.ui.click', 'browser', ''],
    ]);
    expect(JSON.parse(records[0]!.event)).toEqual({ x: '1', y: 'two' });
    expect(JSON.parse(records[1]!.event)).toEqual({ n: 2 });
    // A client-chosen id survives as context.event_id, so a retried request can be deduplicated.
    const retried = await c.post('/track/edx.ui.click', { id: 'a1b2c3d4-retry', n: 3 });
    expect(((await retried.json()) as any).id).toBe('a1b2c3d4-retry');
    await c.tracker.flush();
    expect((await readAllRecords(c.dir))[2]!.context.event_id).toBe('a1b2c3d4-retry');
    expect((await c.post('/track/x', { id: 'no spaces allowed' })).status).toBe(400);
  });

  it('answers a pixel for .gif and the pixel service, and redirects only to allow-listed hosts', async () => {
    const c = await start({ redirectHosts: ['example.org'] });
    for (const path of ['/track/open.gif', '/gif/open']) {
      const response = await fetch(c.url(path));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/gif');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(PIXEL_GIF);
    }
    const ok = await fetch(c.url('/redir/out?to=' + encodeURIComponent('https://example.org/a')), { redirect: 'manual' });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('https://example.org/a');
    const evil = await fetch(c.url('/away/out?to=' + encodeURIComponent('https://evil.test/')), { redirect: 'manual' });
    expect(evil.status).toBe(400);
    expect(((await evil.json()) as any).error).toMatch(/redirect host 'evil.test' is not allowed/);
    await c.tracker.flush();
    expect((await readAllRecords(c.dir)).map((r) => r.context.collector.channel)).toEqual(['pixel', 'pixel', 'redirect']);
  });

  it('refuses bad requests with the right status and records nothing', async () => {
    const c = await start({ bodyLimit: 1000 });
    const cases: [Promise<Response>, number, RegExp][] = [
      [c.post('/track/x', '{"broken'), 400, /not valid JSON/],
      [c.post('/track/x', '[1]'), 400, /must be a JSON object/],
      [c.post('/track/x', { data: 'str' }), 400, /body.data must be an object/],
      [c.post('/track/x', { pad: 'x'.repeat(2000) }), 413, /over the limit of 1000/],
      [c.post('/track/bad name!', {}), 400, /event name 'bad%20name!' must match/],
      [c.post('/a/b/c', {}), 404, /no route/],
      [fetch(c.url('/track/x'), { method: 'PUT' }), 405, /method PUT is not allowed/],
    ];
    for (const [request, status, message] of cases) {
      const response = await request;
      expect(response.status).toBe(status);
      expect(((await response.json()) as any).error).toMatch(message);
    }
    expect((await fetch(c.url('/track/x'), { method: 'OPTIONS' })).status).toBe(204);
    expect(c.file.counters.get('Accepted', 'events')).toBe(0);
  });

  it('answers 413 for an event over maxEventBytes that fits the body limit', async () => {
    const c = await start();
    const response = await c.post('/track/big', { pad: 'x'.repeat(5000) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).error).toMatch(/over the limit of 4000/);
  });

  it('answers 503 with Retry-After when the queue is full and after shutdown, never 200', async () => {
    const c = await start({ paused: true, maxQueueEvents: 3, retryAfterSeconds: 7 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await c.post('/track/n', { i });
      statuses.push(response.status);
      if (response.status === 503) expect(response.headers.get('retry-after')).toBe('7');
    }
    expect(statuses).toEqual([200, 200, 200, 503, 503, 503]);
    c.gate!.open();
    await c.tracker.flush();
    expect((await readAllRecords(c.dir)).map((r) => JSON.parse(r.event).i)).toEqual([0, 1, 2]);
    await c.tracker.close();
    const late = await c.post('/track/n', { i: 9 });
    expect(late.status).toBe(503);
  });

  it('runs enrichers on key prefixes, skipping (and counting) a late one', async () => {
    const c = await start({
      enrichers: {
        'in.gen.track': { geo: (m) => ({ country: m.td.ip === '127.0.0.1' ? 'local' : '?' }) },
        'in.gen.track.slow': { slow: () => new Promise((r) => setTimeout(() => r({ never: true }), 500)) },
        'in.gen.other': { other: () => ({ wrong: true }) },
      },
      enricherTimeoutMs: 30,
      ack: 'durable',
    });
    expect((await c.post('/track/slow', {})).status).toBe(200);
    const [record] = await readAllRecords(c.dir); // ack 'durable': already written
    expect(record!.context.enrich).toEqual({ geo: { country: 'local' } });
    expect(c.collector.counters.get('Enricher timeouts', 'slow')).toBe(1);
  });
});
