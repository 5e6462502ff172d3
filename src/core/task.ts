import { Counters } from './counters.js';
import { DefinitionError, RetryableError } from './errors.js';
import { flatten, mapTree, type Tree } from './flatten.js';
import { taskId } from './identity.js';
import type { ParameterSpecs } from './parameters/parameter.js';
import { resolveParameters } from './task-parameters.js';
import type { RunResources } from './run-resources.js';
import { familyOf } from './registry.js';
import type { Target } from './target.js';

/** How the scheduler retries a failed run(). Only errors isRetryable() accepts are retried. */
export interface RetryPolicy {
  /** Total attempts, first included. 1 = never retry. */
  attempts: number;
  /** Delay before the first retry; doubles each time. */
  backoffMs: number;
}

/** What a running task tells the scheduler: progress and counters. */
export interface TaskReporter {
  progress(task: Task, info: ProgressInfo): void;
}

export interface ProgressInfo {
  done: number;
  total?: number;
  unit?: string;
  message?: string;
}

// `...args: any[]` is what TypeScript requires of a class a mixin extends; a task takes one params record.
export type TaskClass<T extends Task = Task> = (abstract new (...args: any[]) => T) & {
  readonly parameters: ParameterSpecs;
  readonly familyName?: string;
  readonly description?: string;
};

/**
 * A unit of work. Subclasses declare parameters, requires(), output() and run():
 *
 *     class CountWords extends Task {
 *       static parameters = { src: p.path(), minLength: p.int({ default: 1 }) };
 *       declare src: string;          // `declare`: the constructor sets it
 *       declare minLength: number;
 *       output() { return new LocalTarget(`out/words-${this.minLength}.tsv`); }
 *       async run() { ... }
 *     }
 *
 * Parameter values come from the constructor argument, then `[Family] key`
 * in the config in force, then the declared default.
 */
export abstract class Task {
  static parameters: ParameterSpecs = {};
  /** Overrides the class name as the family (the CLI name). */
  static familyName?: string;
  /** One paragraph for --help and --list. */
  static description?: string;

  readonly counters = new Counters();
  reporter: TaskReporter | null = null;
  /** What the run shares between its tasks (worker pools), lent by the scheduler while run() executes; null otherwise. */
  resources: RunResources | null = null;
  readonly #params: Record<string, unknown> = {};
  #id: string | undefined;

  constructor(params: Record<string, unknown> = {}) {
    const cls = this.constructor as TaskClass;
    const family = familyOf(cls);
    for (const [name, value] of Object.entries(resolveParameters(family, cls.parameters, params))) {
      this.#params[name] = value;
      Object.defineProperty(this, name, { value, enumerable: true, writable: false, configurable: true });
    }
  }

  get family(): string {
    return familyOf(this.constructor as TaskClass);
  }

  /** Parameter values by name (all of them, identity or not). */
  get params(): Readonly<Record<string, unknown>> {
    return this.#params;
  }

  /** Deterministic id: family + identity parameters. */
  get id(): string {
    if (this.#id === undefined) {
      const specs = (this.constructor as TaskClass).parameters;
      const identity: Record<string, unknown> = {};
      for (const [name, spec] of Object.entries(specs))
        if (spec.identity) {
          const value = this.#params[name];
          // An optional parameter left unset (default null/undefined) has no text form: it is null in the id.
          identity[name] = value === undefined || value === null ? null : spec.toIdentity(value);
        }
      this.#id = taskId(this.family, identity);
    }
    return this.#id;
  }

  toString(): string {
    return this.id;
  }

  /**
   * Another task built from this one's parameters (every parameter both
   * classes declare), with `overrides` on top: luigi's clone(), the usual way
   * a workflow passes its parameters to the tasks it requires.
   *
   *     requires() { return this.clone(ProblemCheckEvent, { dest: join(this.dest, 'events') }); }
   */
  clone<T extends Task>(cls: new (params: Record<string, unknown>) => T, overrides: Record<string, unknown> = {}): T {
    const wanted = (cls as unknown as TaskClass).parameters;
    const shared: Record<string, unknown> = {};
    for (const name of Object.keys(wanted)) if (name in this.#params && this.#params[name] !== undefined) shared[name] = this.#params[name];
    return new cls({ ...shared, ...overrides });
  }

  /** Tasks that must be complete before run(): a task, or arrays/records of tasks. */
  requires(): Tree<Task> {
    return [];
  }

  /** What run() produces. complete() is true when all of it exists. */
  output(): Tree<Target> {
    return [];
  }

  /** The outputs of requires(), in the same shape. */
  input(): Tree<Target> {
    return mapTree(this.requires(), (task: Task) => task.output() as never) as Tree<Target>;
  }

  async run(): Promise<void> {}

  /**
   * Checks a task that is going to run (it is not complete) can run, made
   * before any task of the run starts: settings run() only needs late, such
   * as the database it reads. Throw a UsageError naming the flag; the run
   * then stops before doing anything, instead of failing after hours of
   * other work (a nightly run that loaded half its tables). Keep it cheap
   * and free of side effects.
   */
  preflight(): void {}

  async complete(): Promise<boolean> {
    const outputs = flatten(this.output());
    if (outputs.length === 0)
      throw new DefinitionError(`${this.family} has no output() and no complete(): it would run forever. Give it an output or a complete() method.`);
    for (const target of outputs) if (!(await target.exists())) return false;
    return true;
  }

  retryPolicy(): RetryPolicy {
    return { attempts: 1, backoffMs: 1000 };
  }

  /** Whether a failure of run() is worth retrying. Default: errors the task marks RetryableError. */
  isRetryable(error: unknown): boolean {
    if (error instanceof RetryableError) return true;
    // Subclasses count too, and so does a RetryableError from a second copy of this module.
    for (let proto = error instanceof Error ? Object.getPrototypeOf(error) : null; proto; proto = Object.getPrototypeOf(proto))
      if (proto.constructor?.name === 'RetryableError') return true;
    return false;
  }

  /** Add to a named counter; counters reach the run summary. */
  incrementCounter(group: string, name: string, amount = 1): void {
    this.counters.add(group, name, amount);
  }

  /** Tell the scheduler how far run() has got (shown live on a TTY, logged otherwise). */
  reportProgress(info: ProgressInfo): void {
    this.reporter?.progress(this, info);
  }
}

/** A task that only gathers others: complete when all it requires is complete. */
export abstract class WrapperTask extends Task {
  override async complete(): Promise<boolean> {
    for (const task of flatten(this.requires())) if (!(await task.complete())) return false;
    return true;
  }
}

/** Data made outside Pipewright. Never run: if its output is missing, the run stops with "missing input" (exit 2). */
export abstract class ExternalTask extends Task {
  override async run(): Promise<void> {
    throw new DefinitionError(`${this.family} is external: it is never run.`);
  }
}
