import { MissingInputDataError, UsageError } from '../../core/errors.js';
import type { TaskBase } from '../../core/mixin.js';
import { p } from '../../core/parameters/index.js';
import { withEventLogDefaults, type MixableBase } from './event-logs-config.js';
import { listFilesUnder } from './list-files.js';
import { readManifest, writeManifest } from './manifest.js';
import { sourceToPath } from './source-path.js';

/**
 * edX's PathSetTask as a mixin: the input files are every data file under
 * the `--src` roots whose path (relative to its root) matches an `--include`
 * glob, recursively, sorted. With `--manifest FILE`: an existing manifest is
 * the list (one path per line); a missing one is written from the selection,
 * so a later run (or a Hadoop job with too many inputs for its command line)
 * reads the same files. No date filtering: answer distribution reads it all.
 */
export const WithPathSetInput = <B extends TaskBase>(Base: B) => {
  abstract class PathSetInput extends (Base as unknown as MixableBase) {
    static override parameters = {
      ...Base.parameters,
      src: p.list(p.string(), {
        description: 'Directories or files holding tracking logs (paths or file:// URLs; a JSON list as edX passes it). Default: [event-logs] source.',
      }),
      include: p.list(p.string(), {
        default: [],
        description: 'Globs a file must match (relative to its --src root; a glob without / matches the file name at any depth). Default: every file.',
      }),
      manifest: p.string({
        default: '',
        description: 'A file listing input paths, one per line: read if it exists, else written from --src/--include.',
      }),
    };
    declare src: string[];
    declare include: string[];
    declare manifest: string;

    constructor(...args: any[]) {
      super(withEventLogDefaults(new.target, args[0], { src: 'source' }));
    }

    /** The selected files: sorted, absolute, each listed once. */
    async inputFiles(): Promise<string[]> {
      if (this.manifest) {
        const listed = await readManifest(this.manifest);
        if (listed) return listed;
      }
      const files = await selectPathSet(this.src, this.include);
      if (this.manifest) await writeManifest(this.manifest, files);
      return files;
    }
  }
  return PathSetInput as unknown as B & typeof PathSetInput;
};

/** The PathSetTask selection on its own: every matching file under every root. */
export async function selectPathSet(src: readonly string[], include: readonly string[]): Promise<string[]> {
  if (src.length === 0) throw new UsageError('--src is required: give the directories holding the tracking logs (or set [event-logs] source).');
  const found = new Set<string>();
  for (const entry of src) {
    const root = sourceToPath(entry, '--src');
    const files = await listFilesUnder(root, include, '--src');
    if (files.length === 0) {
      const filter = include.length ? ` matching --include ${JSON.stringify(include)}` : '';
      throw new MissingInputDataError(`--src ${entry} holds no input files${filter} (names starting with . or _ are skipped); check the path and the globs.`);
    }
    files.forEach((f) => found.add(f));
  }
  return [...found].sort();
}
