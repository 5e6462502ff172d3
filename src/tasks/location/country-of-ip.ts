import type { CountryDatabase } from './geoip/country-database.js';
import { isPrivateOrReserved, parseIp } from './geoip/ip-address.js';

/** edX's UNKNOWN_COUNTRY and UNKNOWN_CODE: what a user whose address has no country gets, in both columns. */
export const UNKNOWN = 'UNKNOWN';

/** Why an address got no country: a counter each, so a database that misses much shows in the summary. */
export type UnknownCountryReason =
  | 'Unknown Country: Not An IP Address'
  | 'Unknown Country: IPv6 Address In An IPv4-Only Database'
  | 'Unknown Country: Private Or Reserved Address'
  | 'Unknown Country: Address Not In Database'
  | 'Unknown Country: Database Has No Code'
  | 'Unknown Country: Database Has No Name';

export interface LocatedCountry {
  name: string;
  code: string;
  /** Set when name or code is UNKNOWN. */
  unknown?: UnknownCountryReason;
}

/**
 * edX `get_country_name` / `get_country_code` (util/geolocation.py): the
 * database's name and code, each replaced by UNKNOWN when the lookup finds
 * nothing or only blanks. The user keeps their row either way.
 */
export function countryOfIp(db: CountryDatabase, ip: string): LocatedCountry {
  const found = db.lookupCountry(ip);
  if (found === null) return { name: UNKNOWN, code: UNKNOWN, unknown: whyNoCountry(db, ip) };
  const name = found.name.trim() === '' ? UNKNOWN : found.name;
  const code = found.code.trim() === '' ? UNKNOWN : found.code;
  if (code === UNKNOWN) return { name, code, unknown: 'Unknown Country: Database Has No Code' };
  if (name === UNKNOWN) return { name, code, unknown: 'Unknown Country: Database Has No Name' };
  return { name, code };
}

function whyNoCountry(db: CountryDatabase, ip: string): UnknownCountryReason {
  const address = parseIp(ip);
  if (address === null) return 'Unknown Country: Not An IP Address';
  if (address.version === 6 && !db.ipv6) return 'Unknown Country: IPv6 Address In An IPv4-Only Database';
  return isPrivateOrReserved(ip) ? 'Unknown Country: Private Or Reserved Address' : 'Unknown Country: Address Not In Database';
}
