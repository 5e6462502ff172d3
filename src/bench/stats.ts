/** Median and range of repeated measurements: the bench reports all three, never a single best run. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  if (values.length === 0) throw new Error('spread() of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

export const MB = 1_000_000;
export const MiB = 1024 * 1024;

/** Throughput in MB/s (decimal megabytes of uncompressed input, as the targets are stated). */
export function megabytesPerSecond(bytes: number, wallMs: number): number {
  return bytes / MB / (wallMs / 1000);
}
