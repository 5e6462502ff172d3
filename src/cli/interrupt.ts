import type { Writable } from 'node:stream';

/**
 * The first SIGINT/SIGTERM asks the run to start nothing more and finish
 * what is running, so it still ends with a summary and no lock left behind
 * (cron's `timeout` sends SIGTERM). The second one stops the process at once:
 * outputs are atomic, so a killed task leaves no half-written file.
 * Returns a function that removes the handlers.
 */
export function stopOnSignals(controller: AbortController, stderr: Writable): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      remove();
      process.kill(process.pid, signal); // the default action now: terminate
      return;
    }
    controller.abort();
    stderr.write(`launch-task: ${signal} received: starting no more tasks and waiting for the running ones; send it again to stop now.\n`);
  };
  const remove = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return remove;
}
