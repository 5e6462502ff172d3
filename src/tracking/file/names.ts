/**
 * Names of rotated files. `tracking.log-YYYYMMDD-<epochSeconds>[-n]` while plain,
 * `.gz` once compressed: the shape edX's pipeline selects with
 * `.*tracking.log-(?P<date>\d{8}).*\.gz`. Staging files for gzip end in
 * `.partial` and contain no `.gz`, so no partial file can ever match.
 */
export const STAGING_DIR = '.staging';
export const PARTIAL_SUFFIX = '.partial';

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

export function utcHour(date: Date): string {
  return date.toISOString().slice(0, 13);
}

export function rotatedName(baseName: string, openedAt: Date, rotatedAt: Date, attempt = 0): string {
  const epoch = Math.floor(rotatedAt.getTime() / 1000);
  return `${baseName}-${utcDay(openedAt)}-${epoch}${attempt > 0 ? `-${attempt}` : ''}`;
}

/** Matches a rotated, not yet compressed file of this base name. */
export function isRotatedPlain(baseName: string, fileName: string): boolean {
  const escaped = baseName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}-\\d{8}-\\d+(?:-\\d+)?$`).test(fileName);
}
