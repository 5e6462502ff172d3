/**
 * Throughput of the producer side, for `npm run bench`: events/second for emit()
 * into the batching file backend (legacy mapping included, fsync per batch), and
 * through the HTTP collector under a bounded loopback load (a fixed number of
 * keep-alive clients, each waiting for its answer before sending the next).
 */
import { Agent, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { QueueFullError } from './errors.js';
import { BatchingFileBackend } from './file/batching-file-backend.js';
import { legacyFieldMapping } from './processors/legacy-field-mapping.js';
import { RoutingBackend } from './routing-backend.js';
import { Tracker } from './tracker.js';
import { Collector } from './collector/collector.js';
import { trackerListener } from './collector/listeners.js';

export interface BenchResult {
  name: string;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Refusals met on the way (queue full -> retried; the collector's 503s). */
  refused: number;
}

async function edxFileTracker(dir: string, batchSize: number, fsync: boolean) {
  const file = await BatchingFileBackend.open({ dir, batchSize, fsync, maxBytes: 64 * 1024 * 1024, rotateOnClose: true });
  const logs = new RoutingBackend({ processors: [legacyFieldMapping], backends: { file }, failures: 'throw' });
  return new Tracker({ backends: { logs }, failures: 'throw' });
}

const sampleData = (i: number) => ({
  problem_id: `block-v1:edX+DemoX+Demo+type@problem+block@${i % 97}`,
  answers: { [`p${i % 97}_2_1`]: `choice_${i % 4}` },
  grade: i % 2,
  max_grade: 1,
});

/** emit() -> legacy mapping -> BatchingFileBackend -> tracking.log (+ rotation and gzip at close). */
export async function benchEmitToFile(options: { events?: number; batchSize?: number; fsync?: boolean } = {}): Promise<BenchResult> {
  const events = options.events ?? 100_000;
  const dir = await mkdtemp(join(tmpdir(), 'pw-bench-emit-'));
  try {
    const tracker = await edxFileTracker(dir, options.batchSize ?? 100, options.fsync ?? true);
    tracker.enterContext('bench', { course_id: 'course-v1:edX+DemoX+Demo', username: 'bench', event_source: 'server' });
    let refused = 0;
    const started = process.hrtime.bigint();
    for (let i = 0; i < events; ) {
      try {
        tracker.emit('problem_check', sampleData(i));
        i++;
      } catch (error) {
        if (!(error instanceof QueueFullError)) throw error;
        refused++;
        await yieldToLoop(); // back-pressure: let the writer drain
      }
      if (i % 1000 === 0) await yieldToLoop();
    }
    await tracker.close();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { name: 'tracking: emit -> batching file backend', events, seconds, eventsPerSecond: events / seconds, refused };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function post(agent: Agent, port: number, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `concurrency` keep-alive clients POSTing to a collector that writes through the batching file backend. */
export async function benchCollector(options: { events?: number; concurrency?: number } = {}): Promise<BenchResult> {
  const events = options.events ?? 20_000;
  const concurrency = options.concurrency ?? 16;
  const dir = await mkdtemp(join(tmpdir(), 'pw-bench-collector-'));
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const tracker = await edxFileTracker(dir, 100, true);
    const collector = new Collector({ listeners: [trackerListener(tracker)] });
    const { port } = await collector.listen();
    let next = 0;
    let refused = 0;
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let i = next++; i < events; i = next++) {
          const status = await post(agent, port, '/track/problem_check', JSON.stringify({ data: sampleData(i) }));
          if (status === 503) refused++;
          else if (status !== 200) throw new Error(`collector answered ${status} during the benchmark`);
        }
      }),
    );
    await collector.close();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { name: `tracking: HTTP collector (${concurrency} clients)`, events, seconds, eventsPerSecond: events / seconds, refused };
  } finally {
    agent.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Both, smaller when `quick`. */
export async function runTrackingBenchmarks(quick = false): Promise<BenchResult[]> {
  return [
    await benchEmitToFile({ events: quick ? 20_000 : 200_000 }),
    await benchCollector({ events: quick ? 5_000 : 30_000 }),
  ];
}
