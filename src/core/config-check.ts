import type { Config } from './config.js';
import { normalizeKey } from './config.js';
import { UsageError } from './errors.js';
import { closestMatch } from './suggest.js';
import type { Registry } from './registry.js';

/**
 * Every key in the config must be something that reads it: a parameter of
 * the task family the section is named after, or a key declared with
 * registry.declareSection(). luigi only warns about unused keys, so a typo
 * in a cron box's config silently runs with the default; here it stops the
 * run before anything starts, naming file, section and key.
 */
export function checkConfigKeys(config: Config, registry: Registry): void {
  for (const section of config.sections()) {
    const known = knownKeys(section, registry);
    for (const [key, { source }] of config.entries(section)) {
      if (known === undefined) {
        const hint = closestMatch(section, [...registry.families(), ...registry.sectionNames()]);
        throw new UsageError(
          `${source}: [${section}] is neither a task family nor a known config section (key ${key})${hint ? `; did you mean [${hint}]?` : '; load the module that defines it with --module, or remove the section.'}`,
        );
      }
      if (!known.has(key)) {
        const hint = closestMatch(key, [...known]);
        throw new UsageError(
          `${source}: [${section}] ${key} is not read by anything (known keys: ${[...known].sort().join(', ') || 'none'})${hint ? `; did you mean ${hint}?` : '.'}`,
        );
      }
    }
  }
}

function knownKeys(section: string, registry: Registry): ReadonlySet<string> | undefined {
  const cls = registry.get(section);
  const declared = registry.sectionKeys(section);
  if (!cls) return declared;
  const keys = new Set(declared ?? []);
  for (const name of Object.keys(cls.parameters)) keys.add(normalizeKey(name.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())));
  return keys;
}
