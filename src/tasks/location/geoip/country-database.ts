import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { UsageError } from '../../../core/index.js';
import { LegacyCountryDat } from './legacy-dat.js';
import { MmdbCountryDatabase } from './mmdb.js';

/** A country as a database names it: ISO 3166 code (or MaxMind's AP, EU, A1, A2, O1) and English name. */
export interface Country {
  code: string;
  name: string;
}

/** A country-level IP geolocation database, whatever its file format. */
export interface CountryDatabase {
  /** Whether IPv4 / IPv6 addresses can be looked up (the legacy GeoIP.dat is IPv4 only). */
  readonly ipv4: boolean;
  readonly ipv6: boolean;
  /** The country of an address; null when it has none there or `ip` is no address (any text is fine). */
  lookupCountry(ip: string): Country | null;
}

const HOW_TO_FIX =
  'give --geolocation-data (or [geolocation] geolocation_data) a GeoIP legacy country file ' +
  '(/usr/share/GeoIP/GeoIP.dat from Debian package geoip-database) or a GeoLite2/DB-IP country .mmdb';

/**
 * Opens the database at `path`, chosen by extension: `.mmdb` is a MaxMind DB,
 * anything else (`.dat`) a legacy GeoIP Country edition. A missing,
 * unreadable or garbled file is one UsageError naming it and the fix.
 */
export function openCountryDatabase(path: string): CountryDatabase {
  if (path === '') throw new UsageError(`No geolocation database given: ${HOW_TO_FIX}.`);
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new UsageError(`Geolocation database ${path}: ${why}; ${HOW_TO_FIX}.`);
  }
  const mmdb = extname(path).toLowerCase() === '.mmdb';
  try {
    return mmdb ? new MmdbCountryDatabase(data) : new LegacyCountryDat(data, path);
  } catch (error) {
    const what = mmdb ? 'not a readable MaxMind DB' : 'not a GeoIP legacy country database';
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`Geolocation database ${path}: ${what} (${why}); ${HOW_TO_FIX}.`);
  }
}
