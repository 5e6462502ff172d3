import { Config } from './config.js';
import { DefinitionError } from './errors.js';
import type { TaskClass } from './task.js';

/**
 * The one piece of global state: which task families exist (so the CLI can
 * find `launch-task AnswerDistributionPerCourse`, and a worker thread can
 * rebuild a task from its family and parameters), which config sections are
 * known, and the config in force for this process.
 */
export class Registry {
  readonly #families = new Map<string, TaskClass>();
  readonly #sections = new Map<string, Set<string>>();
  /** Modules loaded with --module / [core] modules, so worker processes can load them too. */
  readonly modules: string[] = [];
  config = new Config();

  /** Register a task class under its family name. Re-registering the same class is a no-op. */
  register<C extends TaskClass>(cls: C): C {
    const family = familyOf(cls);
    const existing = this.#families.get(family);
    if (existing && existing !== cls)
      throw new DefinitionError(`Two task classes are both named ${family}; rename one or set static familyName.`);
    this.#families.set(family, cls);
    return cls;
  }

  get(family: string): TaskClass | undefined {
    return this.#families.get(family);
  }

  families(): string[] {
    return [...this.#families.keys()].sort();
  }

  /** Declare a non-task config section (`[event-logs]`) and the keys it accepts. */
  declareSection(section: string, keys: readonly string[]): void {
    let known = this.#sections.get(section);
    if (!known) this.#sections.set(section, (known = new Set()));
    for (const k of keys) known.add(k.replace(/-/g, '_').toLowerCase());
  }

  sectionKeys(section: string): ReadonlySet<string> | undefined {
    return this.#sections.get(section);
  }

  /** Config sections declared with declareSection(). */
  sectionNames(): string[] {
    return [...this.#sections.keys()].sort();
  }
}

export function familyOf(cls: TaskClass): string {
  return cls.familyName ?? cls.name;
}

export const registry = new Registry();

/** Class decorator-style helper: `export const MyTask = registerTask(class MyTask extends Task {...})`. */
export function registerTask<C extends TaskClass>(cls: C): C {
  return registry.register(cls);
}
