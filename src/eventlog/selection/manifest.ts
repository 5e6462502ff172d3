import { access, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from '../../core/errors.js';
import { makeOutputDir, outputFailure } from '../../targets/output-dir.js';
import { sourceToPath } from './source-path.js';

/**
 * The paths a manifest lists (absolute, sorted, deduplicated), or undefined
 * when the manifest does not exist yet. Blank lines and `#` comments are
 * ignored; relative paths are relative to the manifest's own directory, so a
 * manifest can travel with its logs. Every listed file must exist.
 */
export async function readManifest(manifest: string): Promise<string[] | undefined> {
  let text: string;
  try {
    text = await readFile(manifest, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`--manifest ${manifest} cannot be read: ${(error as Error).message}.`);
  }
  const base = dirname(resolve(manifest));
  const paths = new Set<string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const where = `--manifest ${manifest} line ${i + 1}:`;
    paths.add(/^[a-z][a-z0-9+.-]*:\/\//i.test(line) ? sourceToPath(line, where) : resolve(base, line));
  }
  const listed = [...paths].sort();
  for (const path of listed)
    await access(path).catch(() => {
      throw new InputError(`--manifest ${manifest} lists ${path}, which does not exist; fix the manifest or delete it to have it rebuilt from --src.`);
    });
  if (listed.length === 0) throw new InputError(`--manifest ${manifest} lists no files; delete it to have it rebuilt from --src.`);
  return listed;
}

/** Write the manifest atomically (temp file + rename): a half-written list would silently drop inputs. */
export async function writeManifest(manifest: string, files: readonly string[]): Promise<void> {
  const temp = `${manifest}.tmp-${process.pid}`;
  await makeOutputDir(dirname(resolve(manifest)), manifest);
  try {
    await writeFile(temp, files.map((f) => f + '\n').join(''));
    await rename(temp, manifest);
  } catch (error) {
    throw outputFailure(manifest, error);
  }
}
