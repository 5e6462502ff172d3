/**
 * Opt-in signal handling: on SIGTERM/SIGINT, close everything in order (the
 * collector first, so no new events arrive, then the tracker and its backends),
 * then exit 0, or 1 if anything failed to close (a spill, a write error).
 */
export interface Closeable {
  close(): Promise<void>;
}

export interface ShutdownOptions {
  signals?: NodeJS.Signals[];
  /** Called with the error of each closeable that failed; defaults to one line on stderr. */
  report?: (error: unknown) => void;
  /** Defaults to process.exit; tests pass their own. */
  exit?: (code: number) => void;
}

/** Installs the handlers; returns a function that removes them. */
export function installShutdownHooks(closeables: Closeable[], options: ShutdownOptions = {}): () => void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const report = options.report ?? ((error) => process.stderr.write(`tracking shutdown: ${(error as Error).message ?? error}\n`));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let shuttingDown = false;
  const handler = async () => {
    if (shuttingDown) return; // a second signal must not start a second close
    shuttingDown = true;
    let code = 0;
    for (const closeable of closeables) {
      try {
        await closeable.close();
      } catch (error) {
        report(error);
        code = 1;
      }
    }
    exit(code);
  };
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
}
