/**
 * What one run shares between the tasks it runs and closes when it ends:
 * the local map/reduce runner keeps its worker threads here, so the jobs of
 * a run reuse them instead of starting (and JIT-warming) fresh ones per job.
 * runTasks owns one per run and lends it to each task as `task.resources`
 * while run() executes; a task run any other way sees null and makes, then
 * closes, what it needs itself.
 */
export class RunResources {
  readonly #held = new Map<string, { value: unknown; close: () => Promise<void> }>();
  #closed = false;

  /** The resource under `key`, opened on first request; `close` is called once, by close(). */
  get<T>(key: string, open: () => T, close: (value: T) => Promise<void>): T {
    if (this.#closed) throw new Error(`RunResources: ${key} was asked for after the run closed its resources.`);
    let held = this.#held.get(key);
    if (!held) {
      const value = open();
      held = { value, close: () => close(value) };
      this.#held.set(key, held);
    }
    return held.value as T;
  }

  /** Closes everything opened, all of it even if one close fails (that error is thrown after). */
  async close(): Promise<void> {
    this.#closed = true;
    const held = [...this.#held.values()];
    this.#held.clear();
    const results = await Promise.allSettled(held.map((h) => h.close()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
