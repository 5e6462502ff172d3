import { Parameter, ParameterValueError, type ParameterOptions } from './parameter.js';

export class StringParameter extends Parameter<string> {
  readonly typeName: string = 'string';
  parse(text: string): string {
    return text;
  }
  override normalize(value: unknown): string {
    if (typeof value !== 'string') throw new ParameterValueError(`expected a string, got ${JSON.stringify(value)}`);
    return value;
  }
}

export class IntParameter extends Parameter<number> {
  readonly typeName = 'int';
  parse(text: string): number {
    const t = text.trim();
    if (!/^[-+]?\d+$/.test(t)) throw new ParameterValueError('expected a whole number');
    const n = Number(t);
    if (!Number.isSafeInteger(n)) throw new ParameterValueError('expected a whole number of reasonable size');
    return n;
  }
  override normalize(value: unknown): number {
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    if (typeof value === 'string') return this.parse(value);
    throw new ParameterValueError(`expected a whole number, got ${JSON.stringify(value)}`);
  }
  override serialize(value: number): string {
    return String(value);
  }
}

export class FloatParameter extends Parameter<number> {
  readonly typeName = 'float';
  parse(text: string): number {
    const t = text.trim();
    const n = Number(t);
    if (t === '' || !Number.isFinite(n)) throw new ParameterValueError('expected a number');
    return n;
  }
  override normalize(value: unknown): number {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string') return this.parse(value);
    throw new ParameterValueError(`expected a number, got ${JSON.stringify(value)}`);
  }
  override serialize(value: number): string {
    return String(value);
  }
}

const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);

/** `--x`, `--no-x`, `--x false`; config `x = true`. */
export class BoolParameter extends Parameter<boolean> {
  readonly typeName = 'bool';
  constructor(options: ParameterOptions<boolean> = {}) {
    super({ default: false, ...options });
  }
  parse(text: string): boolean {
    const t = text.trim().toLowerCase();
    if (TRUE.has(t)) return true;
    if (FALSE.has(t)) return false;
    throw new ParameterValueError('expected true or false');
  }
  override normalize(value: unknown): boolean {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string') return this.parse(value);
    throw new ParameterValueError(`expected true or false, got ${JSON.stringify(value)}`);
  }
  override serialize(value: boolean): string {
    return String(value);
  }
  override get isFlag(): boolean {
    return true;
  }
}

export class ChoiceParameter<C extends string> extends Parameter<C> {
  readonly typeName: string;
  constructor(readonly choices: readonly C[], options: ParameterOptions<C> = {}) {
    super(options);
    this.typeName = `one of ${choices.join('|')}`;
  }
  parse(text: string): C {
    if ((this.choices as readonly string[]).includes(text)) return text as C;
    throw new ParameterValueError(`expected one of ${this.choices.join(', ')}`);
  }
}

/**
 * A path, kept as given (relative paths resolve against the working directory when used).
 * The empty string is refused, since a task would quietly read or write the working
 * directory (luigi takes it, and `Path('')` is `.`). A parameter whose declared
 * default is '' uses empty to mean "none" (`--stats ''`), so there it is accepted.
 */
export class PathParameter extends StringParameter {
  override readonly typeName = 'path';
  override parse(text: string): string {
    if (text === '' && this.defaultValue !== '')
      throw new ParameterValueError("an empty path names no location; give a path (use '.' for the working directory)");
    return text;
  }
  override normalize(value: unknown): string {
    return this.parse(super.normalize(value));
  }
}

/** Any JSON value. */
export class JsonParameter<T = unknown> extends Parameter<T> {
  readonly typeName = 'json';
  parse(text: string): T {
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ParameterValueError('expected JSON');
    }
  }
  override normalize(value: unknown): T {
    return value as T;
  }
  override toIdentity(value: T): unknown {
    return value;
  }
}
