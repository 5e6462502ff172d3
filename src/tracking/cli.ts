/**
 * `track-collector`: the HTTP collector (`serve`, the default) writing edX
 * tracking logs and/or publishing to RabbitMQ, and the RabbitMQ `consume`r that
 * writes them. Both drain and exit 0 on SIGTERM/SIGINT (1 if anything was lost).
 */
import { readFile } from 'node:fs/promises';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ExitCode, isUserFacing, UsageError } from '../core/errors.js';
import { BrokerBackend } from './broker/broker-backend.js';
import { BrokerConsumer } from './broker/broker-consumer.js';
import { Collector } from './collector/collector.js';
import { trackerListener } from './collector/listeners.js';
import { buildTracker } from './config/build-tracker.js';
import type { Backend } from './event.js';
import { BatchingFileBackend } from './file/batching-file-backend.js';
import { legacyFieldMapping } from './processors/legacy-field-mapping.js';
import { RoutingBackend } from './routing-backend.js';
import { installShutdownHooks } from './shutdown.js';
import { Tracker } from './tracker.js';

const count = (flag: string, min = 1) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${flag} must be a whole number >= ${min}, got '${value}'`);
  return n;
};

interface ServeOptions {
  host: string;
  port: number;
  dir?: string;
  amqpUrl?: string;
  exchange?: string;
  queue?: string;
  config?: string;
  bodyLimit: number;
  redirectHost: string[];
  trustClientContext: boolean;
  ack: 'queued' | 'durable';
  batchSize: number;
  flushIntervalMs: number;
  maxQueueEvents: number;
}

async function collectorTracker(o: ServeOptions): Promise<Tracker> {
  if (o.config) {
    const text = await readFile(o.config, 'utf8').catch(() => {
      throw new UsageError(`--config ${o.config}: cannot read it; check the path`);
    });
    let config: unknown;
    try {
      config = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`--config ${o.config}: not valid JSON (${(error as Error).message})`);
    }
    return buildTracker({ failures: 'throw', eventIds: true, ...(config as object) });
  }
  const backends: Record<string, Backend> = {};
  if (o.dir) {
    const file = { dir: o.dir, batchSize: o.batchSize, flushIntervalMs: o.flushIntervalMs, maxQueueEvents: o.maxQueueEvents };
    backends.file = await BatchingFileBackend.open(file);
  }
  if (o.amqpUrl) backends.broker = await BrokerBackend.open({ url: o.amqpUrl, exchange: o.exchange, queue: o.queue });
  if (Object.keys(backends).length === 0) throw new UsageError('nowhere to send events: pass --dir, --amqp-url or --config');
  const logs = new RoutingBackend({ processors: [legacyFieldMapping], backends, failures: 'throw' });
  return new Tracker({ backends: { logs }, failures: 'throw', eventIds: true });
}

async function serve(o: ServeOptions, log: (line: string) => void): Promise<void> {
  const tracker = await collectorTracker(o);
  const collector = new Collector({
    listeners: [trackerListener(tracker, { trustClientContext: o.trustClientContext })],
    host: o.host,
    port: o.port,
    bodyLimit: o.bodyLimit,
    redirectHosts: o.redirectHost,
    ack: o.ack,
  });
  const address = await collector.listen().catch(async (error: NodeJS.ErrnoException) => {
    await tracker.close();
    throw new UsageError(`cannot listen on ${o.host}:${o.port} (${error.code ?? error.message}); pick another --port`);
  });
  installShutdownHooks([collector]);
  log(`track-collector: listening on http://${address.address}:${address.port}; backends: ${tracker.routing.backendNames.join(', ')}`);
}

interface ConsumeOptions {
  amqpUrl: string;
  queue: string;
  exchange?: string;
  dir: string;
  batchSize: number;
  flushIntervalMs: number;
}

async function consume(o: ConsumeOptions, log: (line: string) => void): Promise<void> {
  const file = await BatchingFileBackend.open({ dir: o.dir, batchSize: o.batchSize, flushIntervalMs: o.flushIntervalMs });
  const consumer = await BrokerConsumer.start({
    url: o.amqpUrl,
    queue: o.queue,
    exchange: o.exchange,
    backend: file,
    batchSize: o.batchSize,
    flushIntervalMs: o.flushIntervalMs,
    onError: (error) => log(`track-collector consume: ${(error as Error).message ?? error}`),
    onConnectionLost: (error) => {
      // Unacked messages are back in the queue; exit non-zero so a supervisor restarts us.
      log(`track-collector consume: lost the RabbitMQ connection${error ? ` (${error.message})` : ''}; exiting`);
      void file.close().finally(() => process.exit(1));
    },
  });
  installShutdownHooks([consumer, file]);
  log(`track-collector consume: ${o.queue} -> ${o.dir}/tracking.log`);
}

/** Resolves with an exit code when it fails to start; with undefined once running. */
export async function main(argv: string[], log = (line: string) => void process.stderr.write(`${line}\n`)): Promise<number | undefined> {
  const program = new Command('track-collector').exitOverride().configureOutput({ writeErr: () => {} });
  program
    .command('serve', { isDefault: true })
    .description('HTTP collector: GET|POST /{service}/{name} -> edX tracking log lines (and/or RabbitMQ)')
    .option('--host <host>', 'address to bind (public exposure is your choice, not the default)', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port, printed at start)', count('--port', 0), 8080)
    .option('--dir <dir>', 'write tracking.log (rotated, gzipped) in this directory')
    .option('--amqp-url <url>', 'also publish every event to RabbitMQ')
    .option('--exchange <name>', 'RabbitMQ exchange (default pipewright.tracking)')
    .option('--queue <name>', 'durable queue to declare and bind, so events wait for the consumer')
    .option('--config <file.json>', 'tracker config as JSON (backends/processors), instead of --dir/--amqp-url')
    .option('--body-limit <bytes>', 'largest request body', count('--body-limit'), 64 * 1024)
    .option('--redirect-host <host...>', 'hosts the redirect handler may send clients to', [])
    .option('--trust-client-context', "merge the body's context into events (trusted producers only)", false)
    .addOption(new Option('--ack <when>', "answer once events are 'queued' or 'durable'").choices(['queued', 'durable']).default('queued'))
    .option('--batch-size <n>', 'events per write', count('--batch-size'), 100)
    .option('--flush-interval-ms <ms>', 'longest wait before a partial batch is written', count('--flush-interval-ms'), 1000)
    .option('--max-queue-events <n>', 'queue bound; beyond it requests get 503 + Retry-After', count('--max-queue-events'), 10_000)
    .action((o: ServeOptions) => serve(o, log));
  program
    .command('consume')
    .description('RabbitMQ consumer: queue -> edX tracking logs, acking only durable batches')
    .requiredOption('--amqp-url <url>', 'RabbitMQ URL, e.g. amqp://guest:guest@127.0.0.1:5672')
    .requiredOption('--queue <name>', 'queue to read')
    .requiredOption('--dir <dir>', 'directory for tracking.log')
    .option('--exchange <name>', 'exchange to bind the queue to (default pipewright.tracking)')
    .option('--batch-size <n>', 'events per write and ack', count('--batch-size'), 100)
    .option('--flush-interval-ms <ms>', 'longest wait before a partial batch is written and acked', count('--flush-interval-ms'), 1000)
    .action((o: ConsumeOptions) => consume(o, log));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      log(`track-collector: ${error.message.replace(/^error: /, '')}`);
      return ExitCode.usage;
    }
    if (isUserFacing(error)) {
      log(`track-collector: ${error.message}`);
      return error.exitCode;
    }
    const e = error as NodeJS.ErrnoException;
    log(`track-collector: ${e.code === 'ECONNREFUSED' ? `cannot reach RabbitMQ (${e.message}); is it running?` : e.message}`);
    return ExitCode.taskFailed;
  }
}
