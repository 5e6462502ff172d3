/**
 * The longest line a reader holds in memory. Tracking-log events are a few
 * KB (a large problem state rarely reaches 1 MB); a longer "line" is damage,
 * such as a log tail zero-filled after a crash, and holding it whole (150 MB
 * took 650 MB and 30 s before it was found unparseable) would break the
 * memory bound. Its bytes are dropped as they are read, and it is counted.
 */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface LineLimit {
  /** A line is dropped once more than this many of its bytes are buffered (so lines up to this size, give or take one read block, pass). */
  readonly maxLineBytes: number;
  /** Called once per dropped line. */
  onOverlong(): void;
}
