/**
 * The named context stack, isolated per async scope. edX keeps one dict per
 * thread; Node's equivalent is AsyncLocalStorage: withContext() runs its function
 * in a copy of the caller's stack plus the new entry, so concurrent requests
 * never see each other's context and the exit cannot be forgotten.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { JsonObject } from './event.js';

type Stack = Map<string, JsonObject>;

export class ContextStack {
  readonly #storage = new AsyncLocalStorage<Stack>();
  /** The stack outside of any withContext scope. */
  readonly #root: Stack = new Map();

  #current(): Stack {
    return this.#storage.getStore() ?? this.#root;
  }

  /**
   * Adds (or replaces) a named context in the current scope. Re-entering a name
   * moves it to the top so that the latest entry wins (edX's OrderedDict keeps
   * the old position instead; "last entered wins" is what callers expect).
   */
  enterContext(name: string, context: JsonObject): void {
    const stack = this.#current();
    stack.delete(name);
    stack.set(name, { ...context });
  }

  exitContext(name: string): void {
    this.#current().delete(name);
  }

  /** Runs fn (sync or async) with `context` entered under `name`, in a scope of its own. */
  withContext<T>(name: string, context: JsonObject, fn: () => T): T {
    const stack: Stack = new Map(this.#current());
    stack.delete(name);
    stack.set(name, { ...context });
    return this.#storage.run(stack, fn);
  }

  /** All contexts merged in stack order: keys of later contexts win. */
  resolve(): JsonObject {
    const merged: JsonObject = {};
    for (const context of this.#current().values()) Object.assign(merged, context);
    return merged;
  }
}
