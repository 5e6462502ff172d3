import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/index.js';
import { openCountryDatabase } from '../../../src/tasks/location/geoip/country-database.js';
import { writeMmdb, type MmdbNetwork } from './mmdb-writer.js';
import { catchError } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'geoip-mmdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const country = (code: string, name: string) => ({ country: { iso_code: code, names: { en: name, fr: `${name} (fr)` } } });
const NETWORKS: MmdbNetwork[] = [
  { address: '8.8.0.0', prefix: 16, data: country('US', 'United States') },
  { address: '8.8.8.0', prefix: 24, data: country('CA', 'Canada') },
  { address: '81.2.69.0', prefix: 24, data: country('GB', 'United Kingdom') },
  // An anonymous network: MaxMind gives only the registered country.
  { address: '2.2.2.0', prefix: 24, data: { registered_country: { iso_code: 'FR', names: { en: 'France' } }, traits: { is_anonymous_proxy: true } } },
];

function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe('.mmdb country databases (GeoLite2 / DB-IP layout)', () => {
  it('finds the most specific network, falls back to the registered country, and finds nothing elsewhere', () => {
    const db = openCountryDatabase(file('v4.mmdb', writeMmdb(4, NETWORKS)));
    expect(db.ipv6).toBe(false);
    expect(db.lookupCountry('8.8.4.4')).toEqual({ code: 'US', name: 'United States' });
    expect(db.lookupCountry('8.8.8.8')).toEqual({ code: 'CA', name: 'Canada' });
    expect(db.lookupCountry('81.2.69.160')).toEqual({ code: 'GB', name: 'United Kingdom' });
    expect(db.lookupCountry('2.2.2.9')).toEqual({ code: 'FR', name: 'France' });
    for (const ip of ['9.9.9.9', '2a00:1450::1', 'not-an-ip', '']) expect(db.lookupCountry(ip), ip).toBeNull();
  });

  it('an IPv6 database answers IPv6 addresses and IPv4 ones in its ::a.b.c.d subtree', () => {
    const db = openCountryDatabase(file('v6.MMDB', writeMmdb(6, [...NETWORKS, { address: '2a00::', prefix: 16, data: country('DE', 'Germany') }])));
    expect(db.ipv6).toBe(true);
    expect(db.lookupCountry('2a00:1450:4001::1')).toEqual({ code: 'DE', name: 'Germany' });
    expect(db.lookupCountry('8.8.8.8')).toEqual({ code: 'CA', name: 'Canada' });
    expect(db.lookupCountry('2600::1')).toBeNull();
  });

  it('a garbled or cut .mmdb, a missing file, a directory or no path is one usage line naming it and the fix', () => {
    const good = writeMmdb(4, NETWORKS);
    mkdirSync(join(dir, 'folder.mmdb'));
    const cases: [string, RegExp][] = [
      [file('noise.mmdb', Buffer.alloc(4096, 0x5a)), /not a readable MaxMind DB/],
      [file('cut.mmdb', good.subarray(0, 40)), /not a readable MaxMind DB/],
      [join(dir, 'missing.mmdb'), /no such file/],
      [join(dir, 'folder.mmdb'), /a directory, not a file/],
    ];
    for (const [path, why] of cases) {
      const error = catchError(() => openCountryDatabase(path));
      expect(error, path).toBeInstanceOf(UsageError);
      expect(error.message).toContain(path);
      expect(error.message).toMatch(why);
      expect(error.message).toMatch(/--geolocation-data/);
      expect(error.message).not.toContain('\n');
    }
    expect(catchError(() => openCountryDatabase(''))).toBeInstanceOf(UsageError);
  });
});
