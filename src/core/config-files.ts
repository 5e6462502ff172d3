import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'ini';
import { Config } from './config.js';
import { UsageError } from './errors.js';

/**
 * Config files are INI, as in luigi and edX:
 *
 *     [core]
 *     modules = ./my-tasks.js
 *     [AnswerDistributionWorkflow]
 *     n_reduce_tasks = 4
 *     [event-logs]
 *     pattern = [".*tracking.log-(?P<date>\d{8}).*\.gz"]
 *
 * Layers, later wins key by key: built-in defaults, the file named by
 * PIPEWRIGHT_CONFIG, ./override.cfg (if present), then each
 * --additional-config file in order. Values stay text; each parameter's
 * codec parses them, so JSON lists and regexes pass through untouched.
 */
export interface ConfigLayerOptions {
  /** Where ./override.cfg is looked for. Default: process.cwd(). */
  cwd?: string;
  /** Environment read for PIPEWRIGHT_CONFIG. Default: process.env. */
  env?: Record<string, string | undefined>;
  /** `--additional-config` files, in command-line order. */
  additional?: readonly string[];
  /** The lowest layer. */
  defaults?: Config;
}

export function loadConfigLayers(options: ConfigLayerOptions = {}): Config {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  let config = options.defaults ?? new Config();
  const fromEnv = env.PIPEWRIGHT_CONFIG;
  if (fromEnv) config = config.overlay(readConfigFile(resolve(cwd, fromEnv), 'PIPEWRIGHT_CONFIG'));
  const override = resolve(cwd, 'override.cfg');
  if (existsSync(override)) config = config.overlay(readConfigFile(override));
  for (const file of options.additional ?? []) config = config.overlay(readConfigFile(resolve(cwd, file), '--additional-config'));
  return config;
}

/** One INI file as a Config whose values name the file as their source. */
export function readConfigFile(path: string, namedBy?: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const by = namedBy ? ` (named by ${namedBy})` : '';
    throw new UsageError(`Cannot read config file ${path}${by}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  return parseConfigText(text, path);
}

export function parseConfigText(text: string, source: string): Config {
  const config = new Config();
  const addSection = (section: string, values: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(values)) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        // `ini` splits `[a.b]` into nested objects; keep the dotted name.
        addSection(section ? `${section}.${key}` : key, value as Record<string, unknown>);
        continue;
      }
      if (section === '') throw new UsageError(`${source}: the key "${key}" is outside any [section]; put it under one, e.g. [core].`);
      config.set(section, key, Array.isArray(value) ? JSON.stringify(value) : String(value), source);
    }
  };
  addSection('', parse(text) as Record<string, unknown>);
  return config;
}
