/** The last N message ids, for dropping redeliveries. In memory: a restart forgets it. */
export class DedupWindow {
  readonly #ids = new Set<string>();
  constructor(private readonly size: number) {}

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Call only once the event is accepted: a refused one must not hide its redelivery. */
  remember(id: string): void {
    this.#ids.add(id);
    if (this.#ids.size > this.size) this.#ids.delete(this.#ids.values().next().value!);
  }
}
