import { afterEach, describe, expect, it } from 'vitest';
import { Config, p, registry, Task, UsageError } from '../../src/core/index.js';

class WritesSomewhere extends Task {
  static override parameters = {
    dest: p.path({ description: 'where the output goes' }),
    stats: p.path({ default: '', description: 'optional; empty means none' }),
  };
}

afterEach(() => {
  registry.config = new Config();
});

describe('path parameters', () => {
  it('refuse an empty path, naming the flag and the fix, whether given on the command line or in code', () => {
    const expected = `WritesSomewhere: bad value "" for --dest: an empty path names no location; give a path (use '.' for the working directory).`;
    expect(() => new WritesSomewhere({ dest: '' })).toThrow(new UsageError(expected));
    expect(() => p.path().parse('')).toThrow("give a path (use '.' for the working directory)");
  });

  it('refuse an empty path from the config, naming the file', () => {
    registry.config.set('WritesSomewhere', 'dest', '', 'site.cfg');
    expect(() => new WritesSomewhere()).toThrow(`bad value "" (from [WritesSomewhere] dest in site.cfg) for --dest: an empty path names no location`);
  });

  it('accept empty where the declared default is empty, i.e. empty means "none"', () => {
    const task = new WritesSomewhere({ dest: 'out', stats: '' });
    expect(task.params).toMatchObject({ dest: 'out', stats: '' });
    expect(new WritesSomewhere({ dest: '.' }).params.dest).toBe('.');
  });

  it('refuse empty where the default is a real path', () => {
    expect(() => p.path({ default: 'warehouse' }).parse('')).toThrow('an empty path names no location');
  });
});
