import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { Config } from '../../../src/core/config.js';
import { registry } from '../../../src/core/registry.js';

/** A fresh directory holding `files` (relative path -> content). */
export function makeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pipewright-selection-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Run the test with `[section] key = value` entries in force; the config is restored afterwards. */
export function useConfig(entries: [section: string, key: string, value: string][]): void {
  const config = new Config();
  for (const [section, key, value] of entries) config.set(section, key, value, 'test.cfg');
  registry.config = config;
}

afterEach(() => {
  registry.config = new Config();
});
