import { InputError } from '../../../core/index.js';
import { legacyCountry, LEGACY_COUNTRY_COUNT } from './legacy-countries.js';
import { mappedToIpv6, parseIp, type IpAddress } from './ip-address.js';
import type { Country, CountryDatabase } from './country-database.js';

/**
 * A reader of MaxMind's legacy GeoIP Country databases (GeoIP.dat for IPv4,
 * GeoIPv6.dat for IPv6): the files edX's pygeoip read, shipped by Debian's
 * geoip-database. Written from the documented format:
 *
 * - The file is a binary search tree over the address bits, most significant
 *   first. Node n is 6 bytes at offset 6n: two 3-byte little-endian records,
 *   the branch for a 0 bit, then for a 1 bit. Node 0 is the root.
 * - A record below COUNTRY_BEGIN (0xFFFF00) is the next node; one at or above
 *   is a leaf: record - COUNTRY_BEGIN is the country index (0: none).
 * - After the tree, the last bytes hold the structure info: three 0xFF bytes
 *   then the edition byte (1 = Country, 12 = Country IPv6; editions written
 *   by old tools add 105). It is searched for within the last 20 bytes.
 */
const RECORD_BYTES = 3;
const COUNTRY_BEGIN = 0xffff00;
const STRUCTURE_INFO_MAX_SIZE = 20;
const OLD_EDITION_OFFSET = 105;
const COUNTRY_EDITION = 1;
const COUNTRY_EDITION_V6 = 12;

/**
 * Why a file is not a legacy country database. Opening turns it into a usage
 * line naming the file; a damaged branch the opening checks did not walk
 * fails the lookup as bad input (one line, no stack).
 */
export class NotALegacyCountryDatabase extends InputError {}

export class LegacyCountryDat implements CountryDatabase {
  readonly ipv4 = true;
  readonly ipv6: boolean;

  constructor(
    private readonly data: Buffer,
    /** The file, for the message of a damaged branch found while looking up. */
    private readonly path = 'GeoIP database',
  ) {
    const edition = editionOf(data);
    if (edition === null) throw new NotALegacyCountryDatabase('no GeoIP structure marker (three 0xFF bytes) at its end');
    if (edition !== COUNTRY_EDITION && edition !== COUNTRY_EDITION_V6)
      throw new NotALegacyCountryDatabase(`a GeoIP legacy database of edition ${edition}, not a Country edition (1 or 12)`);
    this.ipv6 = edition === COUNTRY_EDITION_V6;
    // A cut or scrambled tree shows at once: walk the edges of the address space to their leaves.
    const bits = this.ipv6 ? 16 : 4;
    for (const fill of [0x00, 0xff, 0x55, 0xaa]) this.countryIndex(new Uint8Array(bits).fill(fill));
  }

  /** The country of an address; null for no country, a text that is no address, or IPv6 in the IPv4 edition. */
  lookupCountry(ip: string): Country | null {
    const address = parseIp(ip);
    if (address === null || (address.version === 6 && !this.ipv6)) return null;
    try {
      return legacyCountry(this.countryIndex((this.ipv6 ? mappedToIpv6(address) : address).bytes));
    } catch (error) {
      if (error instanceof NotALegacyCountryDatabase) throw new NotALegacyCountryDatabase(`${this.path}: damaged at ${ip}: ${error.message}`);
      throw error;
    }
  }

  /** Walks the tree from the root, one address bit per level, to a leaf. */
  private countryIndex(bytes: IpAddress['bytes']): number {
    let node = 0;
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const one = (bytes[bit >> 3]! >> (7 - (bit & 7))) & 1;
      const at = (2 * node + one) * RECORD_BYTES;
      if (at + RECORD_BYTES > this.data.length) throw new NotALegacyCountryDatabase(`its tree points past the end of the file (node ${node})`);
      const record = this.data[at]! | (this.data[at + 1]! << 8) | (this.data[at + 2]! << 16);
      if (record >= COUNTRY_BEGIN) {
        const index = record - COUNTRY_BEGIN;
        if (index >= LEGACY_COUNTRY_COUNT) throw new NotALegacyCountryDatabase(`a leaf holds country index ${index}, past the ${LEGACY_COUNTRY_COUNT} known`);
        return index;
      }
      node = record;
    }
    throw new NotALegacyCountryDatabase(`its tree is deeper than the ${bytes.length * 8} bits of an address`);
  }
}

/** The edition byte after the last `FF FF FF` within the structure info, or null when there is none. */
function editionOf(data: Buffer): number | null {
  for (let back = 0; back < STRUCTURE_INFO_MAX_SIZE; back++) {
    const at = data.length - 4 - back;
    if (at < 0) return null;
    if (data[at] === 0xff && data[at + 1] === 0xff && data[at + 2] === 0xff) {
      const edition = data[at + 3]!;
      return edition >= OLD_EDITION_OFFSET ? edition - OLD_EDITION_OFFSET : edition;
    }
  }
  return null;
}
