/**
 * Input rules at emit(). Every violation is a TrackingInputError naming the JSON
 * path, thrown synchronously: a programmer error shows up at the call, not as a
 * missing line three hours later.
 */
import { TrackingInputError } from './errors.js';
import { isPlainObject, type JsonObject } from './event.js';

export const MAX_NAME_LENGTH = 255;

/** `namespace.object.action` or a path-style name (`/courses/...`), as edX emits both. */
export function validateEventName(name: unknown): string {
  if (typeof name !== 'string')
    throw new TrackingInputError(`event name must be a string, got ${describe(name)}`, 'name');
  if (name.trim() === '')
    throw new TrackingInputError('event name is empty: use namespace.object.action, e.g. edx.video.stop', 'name');
  if (name.length > MAX_NAME_LENGTH)
    throw new TrackingInputError(`event name is ${name.length} characters, over the limit of ${MAX_NAME_LENGTH}`, 'name');
  // Control characters would survive JSON but break every grep and log viewer downstream.
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new TrackingInputError(`event name ${JSON.stringify(name)} contains a control character`, 'name');
  return name;
}

/** `data` must be a plain object (or omitted) whose every value JSON can carry unchanged. */
export function validateEventData(data: unknown, root = 'data'): JsonObject {
  if (data === undefined) return {};
  if (!isPlainObject(data))
    throw new TrackingInputError(`${root} must be a plain object, got ${describe(data)}`, root);
  checkJson(data, root, new Set());
  return data as JsonObject;
}

function checkJson(value: unknown, path: string, seen: Set<object>): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value))
        throw new TrackingInputError(`${path} is ${value}, which JSON cannot carry: send null or a finite number`, path);
      return;
    case 'object':
      break;
    default:
      throw new TrackingInputError(`${path} is ${describe(value)}, which JSON cannot carry`, path);
  }
  if (value === null) return;
  if (seen.has(value)) throw new TrackingInputError(`${path} refers back to itself (a cycle)`, path);
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkJson(item, `${path}[${i}]`, seen));
  } else if (value instanceof Date) {
    // JSON.stringify would turn it into a string silently; make the caller choose the format.
    throw new TrackingInputError(`${path} is a Date: send it as an ISO-8601 string`, path);
  } else if (!isPlainObject(value)) {
    throw new TrackingInputError(`${path} is ${describe(value)}: send a plain object`, path);
  } else {
    for (const [key, item] of Object.entries(value)) checkJson(item, childPath(path, key), seen);
  }
  seen.delete(value);
}

function childPath(parent: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'bigint') return `a BigInt (${value}n)`;
  if (typeof value === 'object') return `an instance of ${value.constructor?.name ?? 'an unknown class'}`;
  return `a ${typeof value}`;
}
