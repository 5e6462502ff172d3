/** Small checks for plain-data config; each failure names the config path. */
import { TrackingConfigError } from '../errors.js';
import { isPlainObject } from '../event.js';

export type Node = Record<string, unknown>;

export function object(value: unknown, path: string): Node {
  if (!isPlainObject(value)) throw new TrackingConfigError(path, `must be an object, got ${JSON.stringify(value) ?? typeof value}`);
  return value;
}

/** Refuses keys outside `allowed`: a typo must not silently fall back to a default. */
export function onlyKeys(node: Node, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(node))
    if (!allowed.includes(key))
      throw new TrackingConfigError(`${path}.${key}`, `unknown key; expected one of: ${allowed.join(', ') || '(none)'}`);
}

export function optionalNumber(node: Node, key: string, path: string, min = 0): number | undefined {
  const value = node[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min)
    throw new TrackingConfigError(`${path}.${key}`, `must be a number >= ${min}, got ${JSON.stringify(value)}`);
  return value;
}

export function optionalString(node: Node, key: string, path: string): string | undefined {
  const value = node[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new TrackingConfigError(`${path}.${key}`, `must be a non-empty string`);
  return value;
}

export function requiredString(node: Node, key: string, path: string): string {
  const value = optionalString(node, key, path);
  if (value === undefined) throw new TrackingConfigError(`${path}.${key}`, 'is required');
  return value;
}

export function optionalBoolean(node: Node, key: string, path: string): boolean | undefined {
  const value = node[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new TrackingConfigError(`${path}.${key}`, `must be true or false`);
  return value;
}

export function optionalChoice<T extends string>(node: Node, key: string, path: string, choices: readonly T[]): T | undefined {
  const value = node[key];
  if (value === undefined) return undefined;
  if (!choices.includes(value as T))
    throw new TrackingConfigError(`${path}.${key}`, `must be one of ${choices.map((c) => `'${c}'`).join(', ')}`);
  return value as T;
}

export function stringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new TrackingConfigError(path, 'must be a list of strings');
  return value as string[];
}

/** `{engine, options}` (edX's `ENGINE`/`OPTIONS` spelling accepted too). */
export function engineNode(value: unknown, path: string): { engine: string; options: Node; optionsPath: string } {
  const node = object(value, path);
  onlyKeys(node, ['engine', 'options', 'ENGINE', 'OPTIONS'], path);
  const engine = node.engine ?? node.ENGINE;
  if (typeof engine !== 'string') throw new TrackingConfigError(`${path}.engine`, 'is required (a string naming the engine)');
  const optionsKey = 'OPTIONS' in node ? 'OPTIONS' : 'options';
  const options = node[optionsKey] === undefined ? {} : object(node[optionsKey], `${path}.${optionsKey}`);
  return { engine, options, optionsPath: `${path}.${optionsKey}` };
}
