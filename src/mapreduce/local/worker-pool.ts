import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DefinitionError, InputError, MissingInputError, UsageError, type CounterRecord } from '../../core/index.js';
import { JobFailedError, userFrame } from '../failure.js';
import type { TaskBlueprint } from './blueprint.js';
import type { SerializedError, WorkReply, WorkRequest } from './messages.js';
import type { Spill } from './map-output-buffer.js';

type Done = { spills: Spill[]; counters: CounterRecord };

interface Job {
  request: WorkRequest;
  resolve: (done: Done) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed number of worker threads, each running one job at a time. A job
 * that fails rejects its promise with the worker's error, rebuilt as a
 * one-line Pipewright error; close() ends every worker.
 */
export class WorkerPool {
  readonly #queue: Job[] = [];
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Job>();
  #nextId = 0;
  #closed = false;

  constructor(
    readonly size: number,
    readonly blueprint: TaskBlueprint,
    /** Called with the counters of every finished job, failed ones included. */
    readonly onCounters: (counters: CounterRecord) => void,
  ) {}

  run(request: WorkRequest): Promise<Done> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, resolve, reject });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('cancelled'));
    const all = [...this.#idle, ...this.#busy.keys()];
    this.#idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  #dispatch(): void {
    while (!this.#closed && this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#busy.size < this.size ? this.#spawn() : undefined);
      if (!worker) return;
      const job = this.#queue.shift()!;
      this.#busy.set(worker, job);
      worker.postMessage({ id: this.#nextId++, request: job.request });
    }
  }

  #spawn(): Worker {
    const worker = startWorker(this.blueprint);
    worker.on('message', (reply: WorkReply) => {
      const job = this.#busy.get(worker);
      if (!job) return;
      this.#busy.delete(worker);
      this.onCounters(reply.counters);
      if (reply.ok) job.resolve({ spills: reply.spills, counters: reply.counters });
      else job.reject(rebuildError(reply.error));
      this.#idle.push(worker);
      this.#dispatch();
    });
    const died = (why: string) => {
      const job = this.#busy.get(worker);
      this.#busy.delete(worker);
      if (job && !this.#closed) job.reject(new JobFailedError(`${this.blueprint.family}: a worker thread died (${why}) during the ${describe(job.request)}.`));
      this.#dispatch();
    };
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return worker;
  }
}

function describe(request: WorkRequest): string {
  return request.kind === 'map' ? `map task of ${request.split.path}` : `reduce task of partition ${request.partition}`;
}

function isTypeScript(url: string): boolean {
  return /\.[mc]?ts$/.test(url);
}

/** Start a worker; when it or the job's modules are TypeScript sources (tests, tsx users), load tsx in it first. */
function startWorker(blueprint: TaskBlueprint): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.ts' : './worker-entry.js', import.meta.url);
  if (!isTypeScript(entry.href) && !blueprint.modules.some(isTypeScript)) return new Worker(entry, { workerData: blueprint });
  let tsx: string;
  try {
    tsx = tsxEsmApi();
  } catch {
    throw new UsageError(`${blueprint.family} is defined in a TypeScript module; install tsx (npm install tsx) or build the module to JavaScript.`);
  }
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData: blueprint });
}

/** tsx's ESM register API (its CommonJS twin cannot register hooks from inside a worker). */
function tsxEsmApi(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api']!.import.default)).href;
}

const KNOWN: Record<string, new (message: string) => Error> = { InputError, UsageError, DefinitionError, MissingInputError };

/** Errors Pipewright raises on purpose keep their class; anything else is the job's bug, shown with where it was thrown. */
function rebuildError(error: SerializedError): Error {
  const Known = KNOWN[error.name];
  if (Known) return new Known(error.message);
  const frame = userFrame(error.stack);
  const failed = new JobFailedError(`${error.message}${frame ? ` (${error.name} at ${frame})` : ` (${error.name})`}`);
  failed.workerStack = error.stack;
  return failed;
}
