import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { familyOf, registry, UsageError, type TaskClass } from '../../core/index.js';
import type { MapReduceTask } from '../job.js';

/**
 * What a worker thread (or a Hadoop node) needs to rebuild a task: no
 * pickling, just the family, the parameters as text, the modules to import to
 * find the class, and the config in force.
 */
export interface TaskBlueprint {
  family: string;
  /** Each parameter serialized by its own codec; parse() reads it back. */
  params: Record<string, string>;
  /** Module URLs, imported in order until the family is found. */
  modules: string[];
  config: [section: string, key: string, value: string, source: string][];
}

/** The built-in task library, in the flavour (.ts source or built .js) this engine runs as. */
function builtinLibraryUrl(): string {
  return new URL(import.meta.url.endsWith('.ts') ? '../../tasks/index.ts' : '../../tasks/index.js', import.meta.url).href;
}

/** `--module` values are paths, URLs or package names; workers need something import() takes. */
export function moduleSpecifier(module: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(module)) return module;
  if (isAbsolute(module) || module.startsWith('.')) return pathToFileURL(resolve(module)).href;
  return module;
}

export function describeTask(task: MapReduceTask): TaskBlueprint {
  const cls = task.constructor as TaskClass & { moduleUrl?: string };
  const params: Record<string, string> = {};
  for (const [name, spec] of Object.entries(cls.parameters)) params[name] = spec.serialize(task.params[name]);
  // Only the class's own moduleUrl: a subclass elsewhere inherits its parent's.
  const own = Object.hasOwn(cls, 'moduleUrl') && cls.moduleUrl ? [cls.moduleUrl] : [];
  const modules = [...new Set([...own, ...registry.modules.map(moduleSpecifier), builtinLibraryUrl()])];
  const config: TaskBlueprint['config'] = [];
  for (const section of registry.config.sections())
    for (const [key, v] of registry.config.entries(section)) config.push([section, key, v.value, v.source]);
  return { family: task.family, params, modules, config };
}

/** In the worker: import modules until one registers or exports the family. */
export async function loadTaskClass(blueprint: TaskBlueprint): Promise<TaskClass<MapReduceTask>> {
  for (const [section, key, value, source] of blueprint.config) registry.config.set(section, key, value, source);
  for (const url of blueprint.modules) {
    const exports = (await import(url)) as Record<string, unknown>;
    const found = registry.get(blueprint.family) ?? Object.values(exports).find((v) => typeof v === 'function' && familyOf(v as TaskClass) === blueprint.family && 'parameters' in v);
    if (found) return found as TaskClass<MapReduceTask>;
  }
  throw new UsageError(
    `${blueprint.family} was not found in a worker thread after importing ${blueprint.modules.join(', ')}. ` +
      `Add \`static moduleUrl = import.meta.url\` to the class (and export it), or load its module with --module.`,
  );
}

export function instantiate(cls: TaskClass<MapReduceTask>, blueprint: TaskBlueprint): MapReduceTask {
  const params: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(blueprint.params)) params[name] = cls.parameters[name]!.parse(text);
  return new (cls as unknown as new (p: Record<string, unknown>) => MapReduceTask)(params);
}
