import type { Config } from '../core/config.js';
import type { Registry } from '../core/registry.js';

/**
 * luigi's class-level flags: `--ProblemCheckEvent-n-reduce-tasks 4` sets a
 * parameter of a task that is not the root (one the root requires). They are
 * taken out of argv and laid over the config as the highest layer, so they
 * beat every config file and are checked like config keys.
 * Returns argv without them.
 */
export function applyFamilyFlags(argv: readonly string[], registry: Registry, config: Config): string[] {
  const families = registry.families().sort((a, b) => b.length - a.length);
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const match = token.startsWith('--') ? matchFamilyFlag(token.slice(2), families) : undefined;
    if (!match) {
      rest.push(token);
      continue;
    }
    const value = match.inline ?? (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--') ? argv[++i] : 'true');
    config.set(match.family, match.key, value!, `the command line (${token.split('=')[0]})`);
  }
  return rest;
}

function matchFamilyFlag(flag: string, families: readonly string[]): { family: string; key: string; inline?: string } | undefined {
  const eq = flag.indexOf('=');
  const name = eq >= 0 ? flag.slice(0, eq) : flag;
  const family = families.find((f) => name.startsWith(`${f}-`) && name.length > f.length + 1);
  if (!family) return undefined;
  return { family, key: name.slice(family.length + 1), inline: eq >= 0 ? flag.slice(eq + 1) : undefined };
}
