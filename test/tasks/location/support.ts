import { existsSync } from 'node:fs';
import { describe } from 'vitest';

/** Debian's geoip-database files: the legacy country editions edX read. */
export const GEOIP_DAT = '/usr/share/GeoIP/GeoIP.dat';
export const GEOIPV6_DAT = '/usr/share/GeoIP/GeoIPv6.dat';

/**
 * `describe` when Debian's GeoIP.dat is installed; with
 * PIPEWRIGHT_REQUIRE_SERVICES=1 (CI, where .ci/services.sh installs it)
 * its absence fails the suite; elsewhere the tests skip with one line.
 */
function describeIfGeoip(): typeof describe {
  if (existsSync(GEOIP_DAT) && existsSync(GEOIPV6_DAT)) return describe;
  if (process.env.PIPEWRIGHT_REQUIRE_SERVICES === '1')
    throw new Error(`${GEOIP_DAT} is required (PIPEWRIGHT_REQUIRE_SERVICES=1) but missing: apt-get install geoip-database (bash .ci/services.sh does)`);
  console.warn(`skipping GeoIP.dat tests: no ${GEOIP_DAT} (apt-get install geoip-database)`);
  return describe.skip as unknown as typeof describe;
}

export const describeGeoip = describeIfGeoip();

/** One tracking-log event as JSON text: a server event of `user` at `ip` (pass undefined to leave a field out). */
export function event(fields: { time?: string; userId?: unknown; ip?: unknown; courseId?: string; type?: string; data?: Record<string, unknown> }): string {
  const context: Record<string, unknown> = {};
  if (fields.userId !== undefined) context.user_id = fields.userId;
  if (fields.courseId !== undefined) context.course_id = fields.courseId;
  const record: Record<string, unknown> = {
    username: 'someone',
    event_source: 'server',
    event_type: fields.type ?? '/courseware',
    context,
    event: fields.data ?? {},
  };
  if (fields.time !== undefined) record.time = fields.time;
  if (fields.ip !== undefined) record.ip = fields.ip;
  return JSON.stringify(record);
}

/** An enrollment event as the LMS logs it (server side, user and course in the payload too). */
export function enrollmentEvent(time: string, userId: number, courseId: string, ip: string, what: 'activated' | 'deactivated' = 'activated'): string {
  return event({ time, userId, ip, courseId, type: `edx.course.enrollment.${what}`, data: { course_id: courseId, user_id: userId, mode: 'audit' } });
}

/** The error `fn` throws (the test fails if it throws none). */
export function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, none was thrown');
}
