import { afterEach, describe, expect, it } from 'vitest';
import { Config, registry } from '../../../src/core/index.js';
import { CourseEnrollmentEventsTask, CourseEnrollmentTask } from '../../../src/tasks/enrollments/index.js';

const saved = registry.config;
afterEach(() => {
  registry.config = saved;
});

function history(params: Record<string, unknown>): CourseEnrollmentEventsTask {
  const task = new CourseEnrollmentTask({ interval: '2014-07-30-2014-08-07', overwriteNDays: 2, warehousePath: '/warehouse', ...params });
  const [events] = task.requires();
  expect(events).toBeInstanceOf(CourseEnrollmentEventsTask);
  return events!;
}

describe('enrollment tasks pass their event-log parameters down', () => {
  it('re-scan the last --overwrite-n-days with the given --source and --pattern', () => {
    const events = history({ source: ['/logs'], pattern: ['.*log-(?P<date>\\d{8})'], expandInterval: '1 day' });
    expect([events.source, events.pattern, events.expandInterval.seconds, String(events.interval), events.overwrite]).toEqual([
      ['/logs'],
      ['.*log-(?P<date>\\d{8})'],
      86_400,
      '2014-08-05-2014-08-07',
      true,
    ]);
  });

  it('leave an empty --source, --pattern and --expand-interval to [event-logs]', () => {
    const config = new Config();
    config.set('event-logs', 'source', '["/configured"]', 'test.cfg');
    config.set('event-logs', 'pattern', '[".*configured-(?P<date>\\\\d{8})"]', 'test.cfg');
    config.set('event-logs', 'expand_interval', '3 days', 'test.cfg');
    registry.config = config;
    const events = history({ source: [], pattern: [], expandInterval: '' });
    expect([events.source, events.pattern, events.expandInterval.seconds]).toEqual([['/configured'], ['.*configured-(?P<date>\\d{8})'], 3 * 86_400]);
  });
});
