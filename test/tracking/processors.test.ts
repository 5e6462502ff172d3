import { describe, expect, it } from 'vitest';
import {
  compilePythonMatch,
  EventEmissionExit,
  geoEnricher,
  legacyFieldMapping,
  nameWhitelistProcessor,
  parseUserAgent,
  regexFilter,
  serializeEvent,
  TrackingConfigError,
  userAgentEnricher,
  type EventRecord,
} from '../../src/tracking/index.js';

const kept = (processor: (e: EventRecord) => unknown, name: string) => {
  try {
    processor({ name });
    return true;
  } catch (error) {
    if (error instanceof EventEmissionExit) return false;
    throw error;
  }
};

describe('RegexFilter', () => {
  it('matches like Python re.match: anchored at the start, not at the end', () => {
    const allow = regexFilter({ filterType: 'allowlist', regularExpressions: ['edx\\.course\\.', 'problem_check$'] });
    expect(kept(allow, 'edx.course.enrollment.activated')).toBe(true);
    expect(kept(allow, 'x.edx.course.enrollment')).toBe(false); // not a search
    expect(kept(allow, 'problem_check')).toBe(true);
    expect(kept(allow, 'problem_check_fail')).toBe(false);
    const block = regexFilter({ filterType: 'blocklist', regularExpressions: ['edx\\.bi\\.'] });
    expect(kept(block, 'edx.bi.user.created')).toBe(false);
    expect(kept(block, 'edx.video.stop')).toBe(true);
  });

  it("understands Python's (?P<name>) groups, (?P=name) and a leading (?i)", () => {
    expect(compilePythonMatch('(?P<a>x+)-(?P=a)').test('xx-xx')).toBe(true);
    expect(compilePythonMatch('(?i)EDX').test('edx.video')).toBe(true);
    expect(compilePythonMatch('.*tracking.log-(?P<date>\\d{8}).*\\.gz').exec('a/tracking.log-20240101-1.gz')?.groups?.date).toBe(
      '20240101',
    );
  });

  it('lists every invalid pattern in one config error', () => {
    expect(() => regexFilter({ filterType: 'allowlist', regularExpressions: ['ok', '(', '[z-a]'], configPath: 'p' })).toThrow(
      /tracking config p.regular_expressions: invalid patterns: \[1\] "\(" .*; \[2\] "\[z-a\]"/,
    );
    expect(() => regexFilter({ filterType: 'whitelist' as any, regularExpressions: [] })).toThrow(TrackingConfigError);
  });
});

describe('NameWhitelistProcessor', () => {
  it('keeps listed names only and refuses a bare string', () => {
    const whitelist = nameWhitelistProcessor(['edx.video.stop']);
    expect(kept(whitelist, 'edx.video.stop')).toBe(true);
    expect(kept(whitelist, 'edx.video.play')).toBe(false);
    expect(() => nameWhitelistProcessor('edx.video.stop' as any)).toThrow(/must be a list of event names/);
  });
});

describe('LegacyFieldMapping', () => {
  it('gives the edX shim result for an empty context', () => {
    const event: EventRecord = { name: 'edx.x', timestamp: new Date('2014-05-02T16:02:25.143Z'), context: {}, data: {} };
    legacyFieldMapping(event);
    expect(event).toEqual({
      name: 'edx.x',
      event_type: 'edx.x',
      event_source: 'server',
      page: null,
      username: '',
      session: '',
      ip: '',
      agent: '',
      host: '',
      referer: '',
      accept_language: '',
      context: {},
      event: {},
      time: new Date('2014-05-02T16:02:25.143Z'),
    });
    expect(JSON.parse(serializeEvent(event)).time).toBe('2014-05-02T16:02:25.143000+00:00');
  });

  it('moves request fields out of the context, writes browser data as a JSON string, honours overrides', () => {
    const event: EventRecord = {
      name: 'problem_check',
      timestamp: new Date(),
      context: {
        username: 'honor',
        ip: '127.0.0.1',
        client_id: 'ga.1',
        course_id: 'edX/E929/2014_T2',
        event_source: 'browser',
        page: 'http://x/courseware',
        timestamp: '2014-05-02T16:02:25.143912+00:00',
      },
      data: { answers: { a: 1 } },
    };
    legacyFieldMapping(event);
    expect(event).toMatchObject({
      username: 'honor',
      ip: '127.0.0.1',
      session: '',
      event_source: 'browser',
      page: 'http://x/courseware',
      time: '2014-05-02T16:02:25.143912+00:00',
      event: '{"answers":{"a":1}}',
      context: { course_id: 'edX/E929/2014_T2' },
    });
  });
});

describe('enrichers', () => {
  const chrome =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/34.0.1847.116 Safari/537.36';
  it('classifies common user agents', () => {
    expect(parseUserAgent(chrome)).toEqual({ browser: 'Chrome', version: '34', os: 'Linux', device: 'desktop' });
    expect(
      parseUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'),
    ).toEqual({ browser: 'Safari', version: '17', os: 'iOS', device: 'mobile' });
    expect(parseUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0').browser).toBe('Edge');
    expect(parseUserAgent('Googlebot/2.1 (+http://www.google.com/bot.html)').device).toBe('bot');
  });

  it('writes under context.enrich, from the envelope or the legacy record, never into the payload', () => {
    const ua = userAgentEnricher();
    const geo = geoEnricher((ip) => (ip === '10.0.0.1' ? { country: 'NZ' } : undefined));
    const envelope: EventRecord = { name: 'a', context: { agent: chrome, ip: '10.0.0.1' }, data: { x: 1 } };
    ua(envelope);
    geo(envelope);
    expect((envelope.context as any).enrich).toEqual({ ua: parseUserAgent(chrome), geo: { country: 'NZ' } });
    expect(envelope.data).toEqual({ x: 1 });
    const legacy: EventRecord = { event_type: 'a', agent: chrome, ip: '192.0.2.1', context: {} };
    geo(legacy);
    ua(legacy);
    expect((legacy.context as any).enrich).toEqual({ ua: parseUserAgent(chrome) });
  });
});
