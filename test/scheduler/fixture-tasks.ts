/** Tiny tasks for scheduler tests: each writes a file into a temp dir and records that it ran. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ExternalTask, RetryableError, Task, p, type RetryPolicy } from '../../src/core/index.js';
import { LocalTarget } from '../../src/targets/index.js';

export const ran: string[] = [];

export class Step extends Task {
  static override parameters = {
    dir: p.path(),
    name: p.string(),
    graph: p.json<Record<string, string[]>>({ default: {}, description: 'name -> names it requires, for every task' }),
    broken: p.list(p.string(), { default: [], description: 'names that always throw' }),
    failTimes: p.int({ default: 0, description: 'throw this many times before succeeding' }),
    retryable: p.bool(),
    attempts: p.int({ default: 1 }),
    external: p.list(p.string(), { default: [] }),
  };
  declare dir: string;
  declare name: string;
  declare graph: Record<string, string[]>;
  declare broken: string[];
  declare failTimes: number;
  declare retryable: boolean;
  declare attempts: number;
  declare external: string[];
  calls = 0;

  get deps(): string[] {
    return this.graph[this.name] ?? [];
  }
  override requires(): Task | Task[] {
    return [...this.deps.map((name) => new Step({ dir: this.dir, name, graph: this.graph, broken: this.broken })), ...this.external.map((name) => new Raw({ path: join(this.dir, name) }))];
  }
  override output() {
    return new LocalTarget(join(this.dir, `${this.name}.txt`));
  }
  override retryPolicy(): RetryPolicy {
    return { attempts: this.attempts, backoffMs: 1 };
  }
  override async run() {
    this.calls++;
    ran.push(this.name);
    if (this.broken.includes(this.name)) throw new Error(`${this.name} broke`);
    if (this.calls <= this.failTimes) throw this.retryable ? new RetryableError(`${this.name} flaked`) : new Error(`${this.name} broke`);
    for (const dep of this.deps) if (!existsSync(join(this.dir, `${dep}.txt`))) throw new Error(`ran before ${dep}`);
    await this.output().writeText(this.name);
  }
}

export class Raw extends ExternalTask {
  static override parameters = { path: p.path() };
  declare path: string;
  override output() {
    return new LocalTarget(this.path);
  }
}
