/**
 * What the batching backend writes through: one appender that owns the file.
 * RotatingLogFile is the real one; wrappers (a paused writer in tests, a metered
 * one in benchmarks) compose around it.
 */
export interface LogWriter {
  /** The directory the log lives in (spill files go there too). */
  readonly directory: string;
  /** `tracking.log`. */
  readonly baseName: string;
  /** Appends whole lines; resolves when they are written (and synced, if configured). */
  append(lines: Buffer): Promise<void>;
  /** Rotates now: the current file is renamed and gzipped. Resolves with the rotated name, if any. */
  rotate(): Promise<string | undefined>;
  /** Syncs, closes the file, and waits for pending gzip jobs. */
  close(): Promise<void>;
}
