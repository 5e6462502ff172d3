import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { InputError, UsageError } from '../../../src/core/index.js';
import { openCountryDatabase } from '../../../src/tasks/location/geoip/country-database.js';
import { catchError, describeGeoip, GEOIP_DAT, GEOIPV6_DAT } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'geoip-dat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Deterministic spread of addresses over the whole IPv4 space (a linear congruential walk). */
function sampleIpv4(n: number): string[] {
  const out: string[] = [];
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push([x >>> 24, (x >>> 16) & 255, (x >>> 8) & 255, x & 255].join('.'));
  }
  return out;
}

/** libGeoIP's own answers (Debian's libgeoip1, through Python's ctypes), or null where either is missing. */
function libGeoipAnswers(file: string, ips: string[], v6: boolean): string[] | null {
  const script = [
    'import ctypes, sys',
    'lib = ctypes.CDLL("libGeoIP.so.1")',
    'lib.GeoIP_open.restype = ctypes.c_void_p; lib.GeoIP_open.argtypes = [ctypes.c_char_p, ctypes.c_int]',
    `f = lib.GeoIP_country_code_by_addr${v6 ? '_v6' : ''}; f.restype = ctypes.c_char_p; f.argtypes = [ctypes.c_void_p, ctypes.c_char_p]`,
    `g = lib.GeoIP_country_name_by_addr${v6 ? '_v6' : ''}; g.restype = ctypes.c_char_p; g.argtypes = [ctypes.c_void_p, ctypes.c_char_p]`,
    'gi = lib.GeoIP_open(sys.argv[1].encode(), 0)',
    'for ip in sys.stdin.read().split():',
    '    c = f(gi, ip.encode()); n = g(gi, ip.encode())',
    '    print((c or b"-").decode() + "|" + (n or b"-").decode("latin-1"))',
  ].join('\n');
  try {
    return execFileSync('python3', ['-c', script, file], { input: ips.join('\n'), encoding: 'utf8' }).trim().split('\n');
  } catch {
    return null;
  }
}

describeGeoip('legacy GeoIP country databases (Debian geoip-database)', () => {
  it('finds well-known addresses in GeoIP.dat and nothing for private, loopback, IPv6 or non-addresses', () => {
    const db = openCountryDatabase(GEOIP_DAT);
    expect(db.ipv6).toBe(false);
    expect(db.lookupCountry('8.8.8.8')).toEqual({ code: 'US', name: 'United States' });
    expect(db.lookupCountry('81.2.69.160')).toEqual({ code: 'GB', name: 'United Kingdom' });
    for (const ip of ['10.0.0.1', '127.0.0.1', '192.168.1.1', '0.0.0.0', '2001:4860:4860::8888', 'not-an-ip', '8.8.8', '8.8.8.8 ', ''])
      expect(db.lookupCountry(ip), ip).toBeNull();
  });

  it('reads GeoIPv6.dat: IPv6 addresses, and IPv4 ones where that edition keeps them (::ffff:a.b.c.d)', () => {
    const db = openCountryDatabase(GEOIPV6_DAT);
    expect(db.ipv6).toBe(true);
    expect(db.lookupCountry('2001:4860:4860::8888')?.code).toBe('US');
    expect(db.lookupCountry('8.8.8.8')?.code).toBe('US');
    expect(db.lookupCountry('::ffff:8.8.8.8')?.code).toBe('US');
    for (const ip of ['::1', 'fe80::1', '2001:db8::1', '10.0.0.1']) expect(db.lookupCountry(ip), ip).toBeNull();
  });

  it('agrees with libGeoIP on 3000 addresses spread over the IPv4 space, code and name', (ctx) => {
    const ips = sampleIpv4(3000);
    const theirs = libGeoipAnswers(GEOIP_DAT, ips, false);
    if (theirs === null) return ctx.skip(); // python3 or libgeoip1 not installed: the fixed cases above still ran
    const db = openCountryDatabase(GEOIP_DAT);
    const ours = ips.map((ip) => {
      const c = db.lookupCountry(ip);
      return c ? `${c.code}|${c.name}` : '-|-';
    });
    expect(ours).toEqual(theirs);
    expect(new Set(ours).size).toBeGreaterThan(50); // the sample really spans many countries
  });

  it('a branch damaged where opening does not look fails the lookup as bad input naming the file and address', () => {
    const data = Buffer.from(readFileSync(GEOIP_DAT));
    // Walk 8.8.8.8 (00001000 ...) ten levels down, far from the edges opening probes, and point that branch past the end.
    let node = 0;
    let at = 0;
    for (let bit = 0; bit < 10; bit++) {
      const one = bit === 4 ? 1 : 0;
      at = (2 * node + one) * 3;
      node = data.readUIntLE(at, 3);
    }
    data.writeUIntLE(0xfffe00, at, 3);
    const damaged = join(dir, 'damaged.dat');
    writeFileSync(damaged, data);
    const db = openCountryDatabase(damaged);
    const error = catchError(() => db.lookupCountry('8.8.8.8'));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(new RegExp(`^${damaged}: damaged at 8\\.8\\.8\\.8: its tree points past the end`));
  });

  it('a cut, scrambled or other-edition file is one usage line naming the file', () => {
    const data = readFileSync(GEOIP_DAT);
    const cut = join(dir, 'cut.dat');
    writeFileSync(cut, Buffer.concat([data.subarray(0, 5000), data.subarray(data.length - 4)]));
    const scrambled = join(dir, 'scrambled.dat');
    writeFileSync(scrambled, Buffer.concat([Buffer.alloc(60_000, 0xfe), Buffer.from([0xff, 0xff, 0xff, 1])]));
    const city = join(dir, 'city.dat');
    writeFileSync(city, Buffer.concat([data.subarray(0, data.length - 1), Buffer.from([2])]));
    const cases: [string, RegExp][] = [
      [cut, /points past the end/],
      [scrambled, /not a GeoIP legacy country database/],
      [city, /edition 2, not a Country edition/],
    ];
    for (const [file, why] of cases) {
      const error = catchError(() => openCountryDatabase(file));
      expect(error, file).toBeInstanceOf(UsageError);
      expect(error.message).toContain(file);
      expect(error.message).toMatch(why);
      expect(error.message).not.toContain('\n');
    }
  });
});
