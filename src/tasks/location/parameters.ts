import { p, registry, type TaskClass } from '../../core/index.js';
import { mapReduceParameters } from '../../mapreduce/index.js';
import { eventLogSourceParameters, intervalFromEnds, warehouseParameters, withConfigDefaults } from '../warehouse/index.js';

registry.declareSection('location-per-course', ['overwrite_n_days', 'interval_start']);
registry.declareSection('geolocation', ['geolocation_data']);

/** Counter group of every location count in the run summary (edX's group name). */
export const COUNTERS = 'User Location';

/**
 * The parameters the location tasks share, with edX's names
 * (LastCountryOfUserDownstreamMixin, GeolocationDownstreamMixin).
 */
export const locationParameters = {
  ...mapReduceParameters,
  interval: p.dateInterval({
    description: 'Days whose last IP addresses count: 2013-01-01-2014-08-07 (end excluded).',
    defaultText: 'from --interval-start and --interval-end',
  }),
  intervalStart: p.string({ default: '', identity: false, description: 'Without --interval: its first day. Default: [location-per-course] interval_start.' }),
  intervalEnd: p.string({ default: '', identity: false, description: 'Without --interval: the day after its last (excluded). Default: today (UTC).' }),
  overwriteNDays: p.int({
    identity: false,
    description: 'Re-scan the raw logs of the last N days of --interval; earlier days come from the warehouse (last_ip_of_user_id/) of earlier runs.',
    defaultText: '[location-per-course] overwrite_n_days',
  }),
  geolocationData: p.path({
    identity: false,
    description: 'Country database: a GeoIP legacy .dat (Debian geoip-database: /usr/share/GeoIP/GeoIP.dat) or a GeoLite2/DB-IP country .mmdb.',
    defaultText: '[geolocation] geolocation_data',
  }),
  ...eventLogSourceParameters,
  ...warehouseParameters,
  overwrite: p.bool({ default: false, identity: false, description: 'recompute the warehouse partitions and replace the table rows (edX: one flag for all)' }),
};

/** `[hive] warehouse_path`, `[location-per-course]` and `[geolocation]` for the parameters the caller left out. */
export function withLocationDefaults(cls: TaskClass, params: Record<string, unknown> | undefined): Record<string, unknown> {
  let out = withConfigDefaults(cls, params, 'hive', { warehousePath: 'warehouse_path' });
  out = withConfigDefaults(cls, out, 'location-per-course', { overwriteNDays: 'overwrite_n_days', intervalStart: 'interval_start' });
  out = withConfigDefaults(cls, out, 'geolocation', { geolocationData: 'geolocation_data' });
  return intervalFromEnds(cls, out);
}

