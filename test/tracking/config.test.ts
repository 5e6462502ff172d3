import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TrackingConfigError } from '../../src/tracking/index.js';
import { buildTracker } from '../../src/tracking/config/index.js';
import { readAllRecords, tempDir } from './support.js';

describe('buildTracker (EVENT_TRACKING_BACKENDS as plain data)', () => {
  it('builds a nested tree that writes edX lines and filters by name', async () => {
    const dir = await tempDir();
    const tracker = await buildTracker({
      backends: {
        tracking_logs: {
          ENGINE: 'routing',
          OPTIONS: {
            backends: { file: { engine: 'file', options: { dir, batchSize: 10 } } },
            processors: [
              { engine: 'regex-filter', options: { filter_type: 'blocklist', regular_expressions: ['edx\\.bi\\.'] } },
              { engine: 'legacy-fields' },
            ],
          },
        },
        debug: { engine: 'memory' },
      },
      processors: [{ engine: 'geo' }],
      eventIds: true,
    }, { geoLookup: () => ({ country: 'NZ' }) });
    tracker.withContext('request', { ip: '10.0.0.1', username: 'u1' }, () => {
      tracker.emit('edx.bi.user.created', { a: 1 });
      tracker.emit('edx.video.stop', { t: 2 });
    });
    await tracker.close();
    const [record, ...rest] = await readAllRecords(dir);
    expect(rest).toEqual([]);
    expect(record).toMatchObject({ event_type: 'edx.video.stop', username: 'u1', ip: '10.0.0.1', event: { t: 2 }, context: { enrich: { geo: { country: 'NZ' } } } });
    expect(tracker.routing.backendNames).toEqual(['debug', 'tracking_logs']);
  });

  const bad: [string, unknown, RegExp][] = [
    ['no backends', {}, /tracking config tracking.backends: is required/],
    ['an unknown top-level key', { backends: {}, procesors: [] }, /tracking.procesors: unknown key/],
    ['an unknown engine', { backends: { x: { engine: 'kafka' } } }, /tracking.backends.x.engine: unknown backend engine 'kafka'; known: routing, file/],
    ['a file backend without dir', { backends: { f: { engine: 'file', options: {} } } }, /tracking.backends.f.options.dir: is required/],
    ['a bad batch size', { backends: { f: { engine: 'file', options: { dir: '/tmp/x', batchSize: 0 } } } }, /options.batchSize: must be a number >= 1, got 0/],
    [
      'a bad regex deep in a routing tree',
      { backends: { r: { engine: 'routing', options: { processors: [{ engine: 'legacy-fields' }, { engine: 'regex-filter', options: { filterType: 'allowlist', regularExpressions: ['ok', '('] } }] } } } },
      /tracking.backends.r.options.processors\[1\].options.regular_expressions: invalid patterns: \[1\] "\("/,
    ],
    ['a whitelist given a string', { backends: {}, processors: [{ engine: 'name-whitelist', options: { whitelist: 'edx.a' } }] }, /processors\[0\].options.whitelist: must be a list of strings/],
    ['geo without a lookup', { backends: {}, processors: [{ engine: 'geo' }] }, /processors\[0\]: engine 'geo' needs a lookup/],
  ];
  for (const [label, config, message] of bad) {
    it(`refuses ${label}, naming the path`, async () => {
      await expect(buildTracker(config)).rejects.toThrow(TrackingConfigError);
      await expect(buildTracker(config)).rejects.toThrow(message);
    });
  }

  it('validates the whole tree before opening anything', async () => {
    const dir = await tempDir();
    const config = { backends: { a: { engine: 'file', options: { dir } }, b: { engine: 'nope' } } };
    await expect(buildTracker(config)).rejects.toThrow(/unknown backend engine 'nope'/);
    expect(existsSync(join(dir, 'tracking.log'))).toBe(false);
  });
});
