import { Task } from '../core/task.js';

/**
 * The classes a loaded module exports that derive from a Task other than
 * ours: a second copy of Pipewright, whose registry launch-task never sees.
 * It happens to a TypeScript module in a package without "type": "module",
 * which tsx loads as CommonJS with its own copy of every ESM package it
 * imports; the tasks then register elsewhere and the family is "unknown".
 */
export function foreignTaskClasses(namespace: Record<string, unknown>): string[] {
  const exported = [...Object.values(namespace), ...(isObject(namespace.default) ? Object.values(namespace.default) : [])];
  const names = new Set<string>();
  for (const value of exported)
    if (typeof value === 'function' && !(value.prototype instanceof Task) && derivesFromATaskByName(value)) names.add(value.name);
  return [...names];
}

function derivesFromATaskByName(cls: Function): boolean {
  for (let parent = Object.getPrototypeOf(cls); parent && parent !== Function.prototype; parent = Object.getPrototypeOf(parent))
    if (parent.name === 'Task') return true;
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
