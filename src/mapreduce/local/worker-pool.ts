import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DefinitionError, InputError, MissingInputError, UsageError, type CounterRecord } from '../../core/index.js';
import { JobFailedError, userFrame } from '../failure.js';
import type { TaskBlueprint } from './blueprint.js';
import type { SerializedError, WorkMessage, WorkReply, WorkRequest } from './messages.js';
import type { Spill } from './map-output-buffer.js';

type Done = { spills: Spill[]; counters: CounterRecord };

/** The jobs of one map/reduce task on a pool: same blueprint, same counters, cancelled together. */
export interface JobGroup {
  readonly size: number;
  run(request: WorkRequest): Promise<Done>;
  /** Drops this group's queued jobs and stops the threads running its others (the pool starts new ones as needed). */
  cancel(): Promise<void>;
}

interface Job {
  group: object;
  blueprint: TaskBlueprint;
  request: WorkRequest;
  /** Called with the counters of the finished job, failed ones included. */
  onCounters: (counters: CounterRecord) => void;
  resolve: (done: Done) => void;
  reject: (error: Error) => void;
}

/**
 * Up to `size` worker threads, each running one job at a time, for as many
 * map/reduce tasks as use it: a worker loads the task class each request
 * names (once per class) and builds a fresh instance per job, so threads,
 * their loaded modules and their JIT-compiled code outlive one task. A job
 * that fails rejects with the worker's error, rebuilt as a one-line
 * Pipewright error. Idle threads do not keep the process alive; close() ends
 * them all.
 */
export class WorkerPool {
  readonly #queue: Job[] = [];
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Job>();
  #nextId = 0;
  #closed = false;

  /** `typeScript`: load tsx in each thread first (the engine or a task module is TypeScript source). */
  constructor(
    readonly size: number,
    readonly typeScript: boolean,
  ) {}

  group(blueprint: TaskBlueprint, onCounters: (counters: CounterRecord) => void): JobGroup {
    const group = {};
    return {
      size: this.size,
      run: (request) =>
        new Promise<Done>((resolve, reject) => {
          if (this.#closed) return reject(new Error('the worker pool is closed'));
          this.#queue.push({ group, blueprint, request, onCounters, resolve, reject });
          this.#dispatch();
        }),
      cancel: () => this.#cancel(group),
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('cancelled'));
    const all = [...this.#idle, ...this.#busy.keys()];
    this.#idle.length = 0;
    this.#busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  async #cancel(group: object): Promise<void> {
    for (let i = this.#queue.length - 1; i >= 0; i--) if (this.#queue[i]!.group === group) this.#queue.splice(i, 1)[0]!.reject(new Error('cancelled'));
    const stopping: Worker[] = [];
    for (const [worker, job] of this.#busy)
      if (job.group === group) {
        this.#busy.delete(worker);
        job.reject(new Error('cancelled'));
        stopping.push(worker);
      }
    await Promise.all(stopping.map((w) => w.terminate()));
    this.#dispatch();
  }

  #dispatch(): void {
    while (!this.#closed && this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#busy.size < this.size ? this.#spawn() : undefined);
      if (!worker) return;
      const job = this.#queue.shift()!;
      this.#busy.set(worker, job);
      worker.ref();
      worker.postMessage({ id: this.#nextId++, blueprint: job.blueprint, request: job.request } satisfies WorkMessage);
    }
  }

  #spawn(): Worker {
    const worker = startWorker(this.typeScript);
    worker.on('message', (reply: WorkReply) => {
      const job = this.#busy.get(worker);
      if (!job) return;
      this.#busy.delete(worker);
      job.onCounters(reply.counters);
      if (reply.ok) job.resolve({ spills: reply.spills, counters: reply.counters });
      else job.reject(rebuildError(reply.error));
      this.#idle.push(worker);
      this.#dispatch();
      if (this.#idle.includes(worker)) {
        // Nothing more to do for now: give back the map buffer, and do not hold the process open.
        worker.postMessage({ release: true } satisfies WorkMessage);
        worker.unref();
      }
    });
    const died = (why: string) => {
      const job = this.#busy.get(worker);
      this.#busy.delete(worker);
      const idle = this.#idle.indexOf(worker);
      if (idle >= 0) this.#idle.splice(idle, 1);
      if (job && !this.#closed) job.reject(new JobFailedError(`${job.blueprint.family}: a worker thread died (${why}) during the ${describe(job.request)}.`));
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

const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.ts' : './worker-entry.js', import.meta.url);

/** Whether a worker for this task must load tsx: the engine or one of the task's modules is TypeScript source (tests, tsx users). */
export function needsTypeScript(blueprint: TaskBlueprint): boolean {
  if (!isTypeScript(ENTRY.href) && !blueprint.modules.some(isTypeScript)) return false;
  try {
    tsxEsmApi();
  } catch {
    throw new UsageError(`${blueprint.family} is defined in a TypeScript module; install tsx (npm install tsx) or build the module to JavaScript.`);
  }
  return true;
}

function startWorker(typeScript: boolean): Worker {
  if (!typeScript) return new Worker(ENTRY);
  const boot = `import(${JSON.stringify(tsxEsmApi())}).then((api) => { api.register(); return import(${JSON.stringify(ENTRY.href)}); });`;
  return new Worker(boot, { eval: true });
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
