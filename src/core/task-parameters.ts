import { DefinitionError, UsageError } from './errors.js';
import { ParameterValueError, toKebab, type Parameter, type ParameterSpecs } from './parameters/parameter.js';
import { registry } from './registry.js';

/**
 * A task's parameter values, each from (highest first) the constructor
 * argument (the CLI passes its flags here), `[Family] snake_key` in the
 * config in force, or the declared default; all through the codec. A bad or
 * missing value is a one-line UsageError naming task, flag, value and what
 * was expected; an unknown name is a DefinitionError (the calling code is wrong).
 */
export function resolveParameters(family: string, specs: ParameterSpecs, given: Record<string, unknown>): Record<string, unknown> {
  for (const name of Object.keys(given))
    if (!(name in specs) && given[name] !== undefined)
      throw new DefinitionError(`${family} has no parameter '${name}' (known: ${Object.keys(specs).join(', ') || 'none'}).`);
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    try {
      if (given[name] !== undefined) values[name] = spec.normalize(given[name]);
      else {
        const fromConfig = registry.config.get(family, configKey(name));
        if (fromConfig !== undefined) values[name] = spec.parse(fromConfig);
        else if (spec.hasDefault) values[name] = normalizedDefault(family, name, spec);
        else throw new UsageError(`${family}: requires the parameter --${toKebab(name)} (${spec.typeName}).`);
      }
    } catch (error) {
      if (!(error instanceof ParameterValueError)) throw error;
      const shown = given[name] !== undefined ? JSON.stringify(given[name]) : describeConfigValue(family, name);
      throw new UsageError(`${family}: bad value ${shown} for --${toKebab(name)}: ${error.message}.`);
    }
  }
  return values;
}

/** `nReduceTasks` -> `n_reduce_tasks` (Config treats `-` and `_` alike). */
function configKey(name: string): string {
  return name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

/** Defaults go through normalize() like every other value (a JS user may write `default: '2014'` for an interval). */
function normalizedDefault(family: string, name: string, spec: Parameter): unknown {
  const value = spec.defaultValue;
  if (value === undefined || value === null) return value;
  try {
    return spec.normalize(value);
  } catch (error) {
    if (!(error instanceof ParameterValueError)) throw error;
    throw new DefinitionError(`${family}: the default ${JSON.stringify(value)} of --${toKebab(name)} is not valid: ${error.message}.`);
  }
}

/** `"abc" (from [Family] key in file.cfg)`, for errors about a value that came from config. */
function describeConfigValue(family: string, name: string): string {
  const key = configKey(name);
  const found = registry.config.lookup(family, key);
  return found ? `${JSON.stringify(found.value)} (from [${family}] ${key} in ${found.source})` : 'its default';
}

