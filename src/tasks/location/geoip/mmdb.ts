import { Reader, type CountryResponse } from 'maxmind';
import { parseIp } from './ip-address.js';
import type { Country, CountryDatabase } from './country-database.js';

/**
 * A MaxMind DB (`.mmdb`) country database, GeoLite2-Country or DB-IP's
 * country lite, read through the `maxmind` package. A record's `country`
 * is the country; where a database leaves it out (anonymous proxies,
 * satellite links) the `registered_country` stands in, as the legacy
 * editions gave such networks a country too. Names are the English ones.
 */
export class MmdbCountryDatabase implements CountryDatabase {
  readonly ipv4 = true;
  readonly ipv6: boolean;
  private readonly reader: Reader<CountryResponse>;

  constructor(data: Buffer) {
    this.reader = new Reader<CountryResponse>(data);
    this.ipv6 = this.reader.metadata.ipVersion === 6;
    // A damaged tree or data section shows on the first lookups rather than in the middle of a run.
    for (const probe of ['0.0.0.0', '255.255.255.255', '85.170.170.170']) this.reader.get(probe);
  }

  lookupCountry(ip: string): Country | null {
    const address = parseIp(ip);
    if (address === null || (address.version === 6 && !this.ipv6)) return null;
    const record = this.reader.get(ip);
    const country = record?.country ?? record?.registered_country;
    if (!country) return null;
    return { code: country.iso_code ?? '', name: country.names?.en ?? '' };
  }
}
