/**
 * Configuration values by section and key, with where each came from.
 * Keys are matched with `-` and `_` treated alike (`n-reduce-tasks` = `n_reduce_tasks`).
 * Later layers override earlier ones; loading INI files is src/core/config-files.ts.
 */
export interface ConfigValue {
  value: string;
  /** The file (or "built-in defaults", "--additional-config x.cfg") that set it. */
  source: string;
}

export function normalizeKey(key: string): string {
  return key.trim().replace(/-/g, '_').toLowerCase();
}

export class Config {
  readonly #sections = new Map<string, Map<string, ConfigValue>>();
  readonly #consumed = new Set<string>();

  set(section: string, key: string, value: string, source = 'code'): void {
    let keys = this.#sections.get(section);
    if (!keys) this.#sections.set(section, (keys = new Map()));
    keys.set(normalizeKey(key), { value, source });
  }

  /** The value, marking the key as consumed (unconsumed keys are reported as errors). */
  get(section: string, key: string): string | undefined {
    return this.lookup(section, key)?.value;
  }

  lookup(section: string, key: string): ConfigValue | undefined {
    const k = normalizeKey(key);
    const found = this.#sections.get(section)?.get(k);
    if (found) this.#consumed.add(`${section}\u0000${k}`);
    return found;
  }

  has(section: string, key: string): boolean {
    return this.#sections.get(section)?.has(normalizeKey(key)) ?? false;
  }

  sections(): string[] {
    return [...this.#sections.keys()];
  }

  entries(section: string): [string, ConfigValue][] {
    return [...(this.#sections.get(section)?.entries() ?? [])];
  }

  isConsumed(section: string, key: string): boolean {
    return this.#consumed.has(`${section}\u0000${normalizeKey(key)}`);
  }

  /** A copy with `other`'s values laid over this one's. */
  overlay(other: Config): Config {
    const out = new Config();
    for (const source of [this, other])
      for (const section of source.sections())
        for (const [key, v] of source.entries(section)) out.set(section, key, v.value, v.source);
    return out;
  }
}
