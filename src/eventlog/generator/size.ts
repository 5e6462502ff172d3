import { UsageError } from '../../core/errors.js';

const UNITS: Record<string, number> = {
  '': 1, b: 1,
  k: 1024, kb: 1000, kib: 1024,
  m: 1024 ** 2, mb: 1000 ** 2, mib: 1024 ** 2,
  g: 1024 ** 3, gb: 1000 ** 3, gib: 1024 ** 3,
};

/** `1GB` (10^9), `512MiB` (2^29), `200k` (2^10 multiples), `12345` (bytes). */
export function parseSize(text: string, flag = '--size'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new UsageError(`${flag} ${JSON.stringify(text)}: expected a size like 1GB, 500MB, 64MiB or a number of bytes.`);
  const bytes = Math.round(Number(m[1]) * unit);
  if (bytes < 1) throw new UsageError(`${flag} ${JSON.stringify(text)}: must be at least one byte.`);
  return bytes;
}
