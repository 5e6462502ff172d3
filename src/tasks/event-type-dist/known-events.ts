import { readFileSync } from 'node:fs';
import { longerThan, UsageError } from '../../core/index.js';

/** The flag naming the file, as edX spelt it (`events_list_file_path`). */
export const KNOWN_EVENTS_FLAG = '--events-list-file-path';

/** The widest category the event_category column (VARCHAR(255)) holds. */
const MAX_CATEGORY = 255;

/**
 * The known events: (event_source, event_type) -> category. An event found
 * here is "exported" (edX's flag) and carries its category; any other is
 * category `unknown`, not exported.
 */
export class KnownEvents {
  readonly #categories = new Map<string, string>();

  /** No file given: every event is unknown (edX's empty dict). */
  static readonly none = new KnownEvents();

  /** Sets a category; false if the pair already had a different one. */
  set(source: string, type: string, category: string): boolean {
    const key = keyOf(source, type);
    const before = this.#categories.get(key);
    this.#categories.set(key, category);
    return before === undefined || before === category;
  }

  categoryOf(source: string, type: string): string | undefined {
    return this.#categories.get(keyOf(source, type));
  }

  get size(): number {
    return this.#categories.size;
  }

  /** `[source, type, category]` triples, in file order: for tests and --help-like listings. */
  entries(): [source: string, type: string, category: string][] {
    return [...this.#categories].map(([key, category]) => {
      const [source, type] = key.split('\t') as [string, string];
      return [source, type, category];
    });
  }
}

// A tab never occurs inside a field of a tab-separated file: it joins the pair unambiguously.
const keyOf = (source: string, type: string) => `${source}\t${type}`;

/**
 * Reads the known events file: one `category<TAB>event_source<TAB>event_type`
 * line per event; lines starting with `#` and blank lines are skipped; a
 * CRLF line end is a LF one. edX skipped every other line silently (a line
 * with spaces for tabs made an event "unknown" without a word); here any
 * other line stops the run, naming the file, the line and the fix.
 */
export function loadKnownEvents(path: string): KnownEvents {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : `cannot read it (${code ?? (error as Error).message})`;
    throw new UsageError(
      `${KNOWN_EVENTS_FLAG} ${path}: ${why}; give the tab-separated known events file (category, event_source, event_type), or leave the flag out.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${KNOWN_EVENTS_FLAG} ${path}: not UTF-8 text; save the known events file as UTF-8.`);
  }
  return parseKnownEvents(text, path);
}

/** The rules of loadKnownEvents on text already read; `source` names it in errors. */
export function parseKnownEvents(text: string, source: string): KnownEvents {
  const known = new KnownEvents();
  const firstLine = new Map<string, number>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const where = `${KNOWN_EVENTS_FLAG} ${source} line ${index + 1}`;
    if (line.startsWith('#') || line.trim() === '') return;
    const fields = line.split('\t');
    if (fields.length !== 3)
      throw new UsageError(
        `${where}: ${fields.length} tab-separated fields, expected 3 (category, event_source, event_type); separate them with single tabs or start the line with #.`,
      );
    const [category, eventSource, eventType] = fields as [string, string, string];
    if (category === '' || eventSource === '' || eventType === '')
      throw new UsageError(`${where}: an empty field; every line needs a category, an event_source and an event_type.`);
    if (longerThan(category, MAX_CATEGORY))
      throw new UsageError(`${where}: the category is longer than ${MAX_CATEGORY} characters (the event_category column); shorten it.`);
    if (!known.set(eventSource, eventType, category)) {
      const first = firstLine.get(keyOf(eventSource, eventType));
      throw new UsageError(`${where}: ${eventSource} ${eventType} already has another category on line ${first}; keep one of the two lines.`);
    }
    if (!firstLine.has(keyOf(eventSource, eventType))) firstLine.set(keyOf(eventSource, eventType), index + 1);
  });
  return known;
}
