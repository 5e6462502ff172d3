/**
 * A Parameter is a typed codec. One declaration drives the task constructor,
 * the CLI flag (`nReduceTasks` <-> `--n-reduce-tasks`), the config key
 * (`[Family] n_reduce_tasks` or `n-reduce-tasks`), the task id and help text.
 *
 * Subclasses implement parse() (text from the CLI or a config file) and may
 * override normalize() (a value given in code) and serialize().
 */

/** Thrown by parse()/normalize(): the message says what was expected, e.g. "expected a whole number". */
export class ParameterValueError extends Error {}

export interface ParameterOptions<T> {
  /** Value used when neither the CLI, the config nor the constructor gives one. Omit to make the parameter required. */
  default?: T;
  /** One line for `launch-task <Family> --help`. */
  description?: string;
  /** false leaves the parameter out of the task id (luigi's significant=False). Default true. */
  identity?: boolean;
  /**
   * What --help shows as the default, instead of "required" or the literal
   * value: where a mixin fills the value in (a config section), or a default
   * that depends on the machine (the core count).
   */
  defaultText?: string;
}

export abstract class Parameter<T = unknown> {
  /** Shown in --help, e.g. "int", "date interval". */
  abstract readonly typeName: string;
  readonly description: string;
  readonly identity: boolean;
  readonly hasDefault: boolean;
  readonly defaultValue: T | undefined;
  readonly defaultText: string | undefined;

  constructor(options: ParameterOptions<T> = {}) {
    this.defaultText = options.defaultText;
    this.description = options.description ?? '';
    this.identity = options.identity ?? true;
    this.hasDefault = 'default' in options;
    this.defaultValue = options.default;
  }

  /** Text (CLI, config) -> value. Throw ParameterValueError saying what was expected. */
  abstract parse(text: string): T;

  /** A value given in code (constructor, mixin default). Strings go through parse(). */
  normalize(value: unknown): T {
    if (typeof value === 'string') return this.parse(value);
    return value as T;
  }

  /** Value -> text that parse() reads back. */
  serialize(value: T): string {
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  /** Value -> JSON used in the task id. Must be deterministic. */
  toIdentity(value: T): unknown {
    return this.serialize(value);
  }

  /** A value only a flag needs no argument for (bool). */
  get isFlag(): boolean {
    return false;
  }
}

/** The parameters a task declares, by camelCase name. */
export type ParameterSpecs = Record<string, Parameter<any>>;

/** `nReduceTasks` -> `n-reduce-tasks`. */
export function toKebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

/** `n-reduce-tasks` or `n_reduce_tasks` -> `nReduceTasks`. */
export function toCamel(name: string): string {
  return name.replace(/[-_]([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
