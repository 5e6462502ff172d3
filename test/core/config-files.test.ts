import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Config, Registry, Task, UsageError, checkConfigKeys, loadConfigLayers, p, registry } from '../../src/core/index.js';

class ConfiguredTask extends Task {
  static override parameters = { nReduceTasks: p.int({ default: 1 }), name: p.string({ default: 'default' }), pattern: p.list(p.string(), { default: [] }) };
  declare nReduceTasks: number;
  declare name: string;
  declare pattern: string[];
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipewright-config-'));
});
afterEach(async () => {
  registry.config = new Config();
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  await writeFile(join(dir, name), text);
  return join(dir, name);
}

describe('config layers', () => {
  it('when every layer sets a value then the later layer wins and the constructor wins over all', async () => {
    const defaults = new Config();
    defaults.set('ConfiguredTask', 'name', 'from-defaults', 'built-in defaults');
    defaults.set('ConfiguredTask', 'n_reduce_tasks', '2', 'built-in defaults');
    const envFile = await file('env.cfg', '[ConfiguredTask]\nname = from-env\nn-reduce-tasks = 3\n');
    await file('override.cfg', '[ConfiguredTask]\nname = from-override\n');
    const extra = await file('extra.cfg', '[ConfiguredTask]\nname = from-extra\n');
    registry.config = loadConfigLayers({ cwd: dir, env: { PIPEWRIGHT_CONFIG: envFile }, additional: [extra], defaults });

    expect(registry.config.lookup('ConfiguredTask', 'name')).toEqual({ value: 'from-extra', source: extra });
    const fromConfig = new ConfiguredTask();
    expect(fromConfig.name).toBe('from-extra');
    expect(fromConfig.nReduceTasks).toBe(3);
    expect(new ConfiguredTask({ name: 'from-cli' }).name).toBe('from-cli');
  });

  it("keeps edX's JSON list of regexes intact", async () => {
    await file('override.cfg', '[ConfiguredTask]\npattern = [".*tracking.log-(?P<date>\\d{8}).*\\.gz"]\n');
    registry.config = loadConfigLayers({ cwd: dir, env: {} });
    expect(new ConfiguredTask().pattern).toEqual(['.*tracking.log-(?P<date>\\d{8}).*\\.gz']);
  });

  it('when an --additional-config file is missing then the error names it', () => {
    expect(() => loadConfigLayers({ cwd: dir, env: {}, additional: ['nope.cfg'] })).toThrow(
      new UsageError(`Cannot read config file ${join(dir, 'nope.cfg')} (named by --additional-config): ENOENT.`),
    );
  });
});

describe('unconsumed config keys', () => {
  const known = new Registry();
  known.register(ConfiguredTask);
  known.declareSection('event-logs', ['pattern', 'source', 'expand_interval']);

  it('accepts parameters of task families and declared keys', async () => {
    const path = await file('ok.cfg', '[ConfiguredTask]\nn_reduce_tasks = 4\n[event-logs]\nexpand-interval = 2 days\n');
    expect(() => checkConfigKeys(loadConfigLayers({ cwd: dir, env: {}, additional: [path] }), known)).not.toThrow();
  });

  it('when a task section has a misspelt key then the error names file, section and key and suggests the fix', async () => {
    const path = await file('typo.cfg', '[ConfiguredTask]\nn_reduce_taks = 4\n');
    const config = loadConfigLayers({ cwd: dir, env: {}, additional: [path] });
    expect(() => checkConfigKeys(config, known)).toThrow(UsageError);
    expect(() => checkConfigKeys(config, known)).toThrow(`${path}: [ConfiguredTask] n_reduce_taks is not read by anything (known keys: n_reduce_tasks, name, pattern); did you mean n_reduce_tasks?`);
  });

  it('when a section is unknown then the error names it and the nearest section', async () => {
    const path = await file('section.cfg', '[event-log]\nsource = []\n');
    expect(() => checkConfigKeys(loadConfigLayers({ cwd: dir, env: {}, additional: [path] }), known)).toThrow(
      `${path}: [event-log] is neither a task family nor a known config section (key source); did you mean [event-logs]?`,
    );
  });

  it('checks declared sections against their declared keys', async () => {
    const path = await file('declared.cfg', '[event-logs]\nsauce = []\n');
    expect(() => checkConfigKeys(loadConfigLayers({ cwd: dir, env: {}, additional: [path] }), known)).toThrow(/\[event-logs\] sauce is not read by anything .*did you mean source\?/);
  });
});

describe('bad config values', () => {
  it('when a config value does not parse then the error names the value, section, key and file', async () => {
    const path = await file('bad.cfg', '[ConfiguredTask]\nn_reduce_tasks = many\n');
    registry.config = loadConfigLayers({ cwd: dir, env: {}, additional: [path] });
    expect(() => new ConfiguredTask()).toThrow(
      `ConfiguredTask: bad value "many" (from [ConfiguredTask] n_reduce_tasks in ${path}) for --n-reduce-tasks: expected a whole number.`,
    );
  });
});
