import { afterEach, describe, expect, it } from 'vitest';
import { Config, registry } from '../../../src/core/index.js';
import { checkConfigKeys } from '../../../src/core/config-check.js';
import { ModuleEngagementDataTask, ModuleEngagementWorkflowTask } from '../../../src/tasks/module-engagement/index.js';

const saved = registry.config;
afterEach(() => {
  registry.config = saved;
});

/** The days the workflow loads, each marked when it is recomputed from the logs. */
function days(params: Record<string, unknown> = {}): string[] {
  const task = new ModuleEngagementWorkflowTask({ date: '2015-04-17', warehousePath: '/warehouse', source: ['/logs'], ...params });
  return task.requires().map((day) => `${day.date}${day.overwriteHive ? ' recomputed' : ''}`);
}

function configured(section: string, value: string): void {
  const config = new Config();
  config.set(section, 'overwrite_n_days', value, 'test.cfg');
  checkConfigKeys(config, registry);
  registry.config = config;
}

describe('ModuleEngagementWorkflowTask days, as edX (summaries of the week before --date and the week before that)', () => {
  it('the 14 days before --date, newest first, the last 3 recomputed', () => {
    const all = days();
    expect(all).toHaveLength(14);
    expect(all.slice(0, 4)).toEqual(['2015-04-16 recomputed', '2015-04-15 recomputed', '2015-04-14 recomputed', '2015-04-13']);
    expect(all.at(-1)).toBe('2015-04-03');
  });

  it('--overwrite-n-days 0 recomputes no day', () => {
    expect(days({ overwriteNDays: 0 }).some((d) => d.endsWith('recomputed'))).toBe(false);
  });

  it("reads overwrite_n_days from edX's own section [module_engagement] (underscore) as well as [module-engagement]", () => {
    configured('module_engagement', '1');
    expect(days().filter((d) => d.endsWith('recomputed'))).toEqual(['2015-04-16 recomputed']);
    configured('module-engagement', '2');
    expect(days().filter((d) => d.endsWith('recomputed'))).toHaveLength(2);
  });
});

describe('a bad overwrite_n_days is a one-line usage error', () => {
  it.each(['abc', '2.5'])('--overwrite-n-days %s', (value) => {
    expect(() => days({ overwriteNDays: value })).toThrow(/--overwrite-n-days.*whole number/);
  });

  it('[module-engagement] overwrite_n_days abc (was a RangeError from the date arithmetic)', () => {
    configured('module-engagement', 'abc');
    expect(() => days()).toThrow(/\[module-engagement\] overwrite_n_days "abc" is not a whole number/);
  });
});

describe('--store-anonymous-username', () => {
  it('is measured in characters, as the username column and edX measure it', () => {
    const task = (name: string) => new ModuleEngagementDataTask({ date: '2015-04-17', warehousePath: '/warehouse', source: ['/logs'], storeAnonymousUsername: name });
    expect(task('\u{1F600}'.repeat(30)).storeAnonymousUsername).toHaveLength(60);
    expect(() => task('\u{1F600}'.repeat(31))).toThrow(/longer than the username column's 30 characters/);
  });
});
