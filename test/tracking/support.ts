import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { LogWriter } from '../../src/tracking/file/log-writer.js';

export async function tempDir(prefix = 'pw-tracking-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** The pipeline's default selection: Python re.match (anchored at the start only). */
export const PIPELINE_PATTERN = /^.*tracking.log-(?<date>\d{8}).*\.gz/;

/** Every record in `dir`'s tracking.log* files (gunzipping .gz), in file-name order. */
export async function readAllRecords(dir: string): Promise<Record<string, any>[]> {
  const records: Record<string, any>[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (!name.startsWith('tracking.log') || name.endsWith('.lock')) continue;
    const raw = await readFile(join(dir, name));
    const text = (name.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    for (const line of text.split('\n')) if (line) records.push(JSON.parse(line));
  }
  return records;
}

/** A writer whose appends wait until open() is called: a stalled disk, for real. */
export class GatedWriter implements LogWriter {
  #open = false;
  #waiting: (() => void)[] = [];
  appended = 0;
  constructor(readonly inner: LogWriter) {}
  get directory() {
    return this.inner.directory;
  }
  get baseName() {
    return this.inner.baseName;
  }
  open(): void {
    this.#open = true;
    for (const release of this.#waiting.splice(0)) release();
  }
  async append(lines: Buffer): Promise<void> {
    if (!this.#open) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    await this.inner.append(lines);
    this.appended++;
  }
  rotate() {
    return this.inner.rotate();
  }
  close() {
    return this.inner.close();
  }
}
