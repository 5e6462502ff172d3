import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../core/errors.js';
import { registry } from '../core/registry.js';
import { foreignTaskClasses } from './foreign-task-classes.js';

/**
 * Imports user modules that register tasks (`--module ./my-tasks.js`,
 * `--module my-package`, `[core] modules = a.js, b`). Each is recorded in
 * registry.modules as an absolute specifier so map/reduce worker threads
 * can import the same code.
 */
export async function loadUserModules(specs: readonly string[], cwd: string): Promise<void> {
  for (const spec of specs) {
    const specifier = resolveSpecifier(spec, cwd);
    if (registry.modules.includes(specifier)) continue;
    let namespace: Record<string, unknown>;
    try {
      namespace = await import(specifier);
    } catch (error) {
      throw new UsageError(describeLoadFailure(spec, error), { cause: error });
    }
    const foreign = foreignTaskClasses(namespace);
    if (foreign.length > 0)
      throw new UsageError(
        `--module ${spec}: ${foreign.join(', ')} extend${foreign.length === 1 ? 's' : ''} another copy of Pipewright's Task, so launch-task cannot see ${foreign.length === 1 ? 'it' : 'them'}; ` +
          'for TypeScript, add "type": "module" to the package.json beside it (without it tsx loads .ts files as CommonJS, each with its own copy).',
      );
    registry.modules.push(specifier);
  }
}

/** Paths become file URLs; package names resolve from the working directory first, like `require` would. */
export function resolveSpecifier(spec: string, cwd: string): string {
  if (/^(\.{1,2}[\\/]|\/)|\.(m?js|cjs|ts|mts)$/.test(spec) || spec.startsWith('file:')) {
    const path = spec.startsWith('file:') ? new URL(spec).pathname : resolve(cwd, spec);
    if (!existsSync(path)) throw new UsageError(`--module ${spec}: no such file (${path}).`);
    return pathToFileURL(path).href;
  }
  try {
    return pathToFileURL(createRequire(join(cwd, 'noop.js')).resolve(spec)).href;
  } catch {
    return spec; // ESM-only exports or a global install: let import() resolve it from here.
  }
}

function describeLoadFailure(spec: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (code === 'ERR_UNKNOWN_FILE_EXTENSION')
    return `--module ${spec}: Node cannot import TypeScript directly; compile it to .js (tsc) or run launch-task with \`node --import tsx\`.`;
  if (code === 'ERR_MODULE_NOT_FOUND') return `--module ${spec}: cannot find it (${message}); install the package or give a path like ./tasks.js.`;
  return `--module ${spec} failed while loading: ${message}`;
}
