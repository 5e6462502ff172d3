/**
 * Done means: events produced by Pipewright (through the tracker, the HTTP
 * collector, and RabbitMQ) land in rotated gzip logs that
 * AnswerDistributionToMySQLTaskWorkflow reads, giving edX's expected rows.
 * The events are edX's own acceptance log, replayed through each producer path.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { queryRows } from '../../src/sql/index.js';
import { BatchingFileBackend, legacyFieldMapping, RoutingBackend, Tracker, type Backend } from '../../src/tracking/index.js';
import { Collector, trackerListener } from '../../src/tracking/collector/index.js';
import { BrokerBackend, BrokerConsumer } from '../../src/tracking/broker/index.js';
import { REPO_ROOT } from '../support/paths.js';
import { AMQP_TEST_URL, describeRabbit } from '../support/services.js';
import { expectedMysqlRows, launchTask, renderDbRows, SELECT_ROWS } from '../tasks/answer-distribution/support/cli.js';
import { inputLines } from '../tasks/answer-distribution/support/conformance.js';
import { PIPELINE_PATTERN, tempDir } from './support.js';
import { replayRecord, type Emission } from './replay.js';

const BUILT = existsSync(join(REPO_ROOT, 'dist/cli/main.js'));

function emissions(): { events: Emission[]; skipped: number } {
  const events: Emission[] = [];
  let skipped = 0;
  for (const line of inputLines()) {
    const emission = replayRecord(JSON.parse(line));
    if (emission) events.push(emission);
    else skipped++;
  }
  return { events, skipped };
}

/** The edX tracking-log shape: legacy mapping, then the given backend. */
function edxTracker(backend: Backend): Tracker {
  const logs = new RoutingBackend({ processors: [legacyFieldMapping], backends: { backend }, failures: 'throw' });
  return new Tracker({ backends: { logs }, failures: 'throw', eventIds: true });
}

function emitAll(tracker: Tracker, events: Emission[]): void {
  for (const { name, data, context } of events) tracker.withContext('replay', context, () => tracker.emit(name, data));
}

/** Runs the workflow over `<root>/logs/**` gz files and returns the rows it loaded. */
async function answerDistributionRows(root: string): Promise<string[]> {
  const logs = join(root, 'logs');
  const gz = (await readdir(logs, { recursive: true })).map(String).filter((f) => PIPELINE_PATTERN.test(f));
  expect(gz.length).toBeGreaterThan(1); // rotated by size: several files, all read
  const db = `sqlite:${join(root, 'ad.sqlite')}`;
  const result = await launchTask([
    'AnswerDistributionToMySQLTaskWorkflow',
    '--src', logs, '--include', '["*tracking.log-*.gz"]', '--dest', join(root, 'dest'),
    '--database-url', db, '--name', 'roundtrip', '--n-reduce-tasks', '1',
  ]);
  expect(result.code, result.stderr.trim().split('\n').slice(-5).join('\n')).toBe(0);
  return renderDbRows(await queryRows(db, SELECT_ROWS));
}

async function fileBackend(root: string, server: string, maxBytes = 256 * 1024): Promise<BatchingFileBackend> {
  const dir = join(root, 'logs', server);
  await mkdir(dir, { recursive: true });
  return BatchingFileBackend.open({ dir, maxBytes, batchSize: 100, rotateOnClose: true });
}

describe.runIf(BUILT)('round trip into AnswerDistributionToMySQLTaskWorkflow', () => {
  const { events, skipped } = emissions();

  it('replays all but the url-encoded browser events', () => {
    expect(events.length + skipped).toBe(inputLines().length);
    expect(events.length).toBeGreaterThan(500);
    expect(skipped).toBeLessThan(150);
  });

  it('tracker -> batching file backend -> rotated gzip -> expected rows', async () => {
    const root = await tempDir('pw-roundtrip-');
    const tracker = edxTracker(await fileBackend(root, 'server1'));
    emitAll(tracker, events);
    await tracker.close();
    expect(await answerDistributionRows(root)).toEqual(expectedMysqlRows());
  }, 60_000);

  it('HTTP collector -> batching file backend -> rotated gzip -> expected rows', async () => {
    const root = await tempDir('pw-roundtrip-');
    const tracker = edxTracker(await fileBackend(root, 'collector1', 64 * 1024));
    const collector = new Collector({ listeners: [trackerListener(tracker, { trustClientContext: true })] });
    const { port } = await collector.listen();
    const post = (path: string, body: unknown) =>
      fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const send = async ({ name, data, context }: Emission) => {
      // Path-style names (/courses/...) do not fit the URL route; they travel in the body's context.
      const response = /^[\w.-]+$/.test(name)
        ? await post(`/track/${name}`, { data, context })
        : await post('/', { service: 'track', name: 'edx.path_event', data, context: { ...context, event_type: name } });
      expect(response.status).toBe(200);
    };
    // Only events mentioning problem_check (the workflow's own first filter drops the rest
    // unread), which keeps this test fast while still covering path-style names and browser
    // events. Eight clients at a time; order does not matter, the events carry their own times.
    const queue = events.filter((e) => JSON.stringify(e).includes('problem_check'));
    expect(queue.length).toBeGreaterThan(100);
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await send(next);
    }));
    await collector.close();
    expect(await answerDistributionRows(root)).toEqual(expectedMysqlRows());
  }, 60_000);
});

describeRabbit('round trip through RabbitMQ', () => {
  it.runIf(BUILT)('tracker -> broker -> consumer -> batching file backend -> rotated gzip -> expected rows', async () => {
    const { events } = emissions();
    const topology = { exchange: `pw.roundtrip.${process.pid}.${Date.now()}`, queue: `pw.roundtrip.${process.pid}.${Date.now()}` };
    const root = await tempDir('pw-roundtrip-');
    const file = await fileBackend(root, 'consumer1');
    const consumer = await BrokerConsumer.start({ url: AMQP_TEST_URL, ...topology, backend: file, batchSize: 100, flushIntervalMs: 20 });
    const tracker = edxTracker(await BrokerBackend.open({ url: AMQP_TEST_URL, ...topology }));
    emitAll(tracker, events);
    await tracker.close(); // waits for every publisher confirm
    await expect.poll(() => consumer.counters.get('Acked', 'messages'), { timeout: 20_000 }).toBe(events.length);
    await consumer.close();
    await file.close();
    expect(await answerDistributionRows(root)).toEqual(expectedMysqlRows());
  }, 60_000);
});
