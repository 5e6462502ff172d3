import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { UsageError } from '../core/errors.js';
import { inputFiles, isGzip } from './probes/input-chunks.js';

/** How to generate a data set with the project's generator (npm run gen-fixtures). */
export interface DataSetSpec {
  /** quick | full | scale-4GB: the row label in the results. */
  name: string;
  size: string;
  days: number;
  seed: number;
  badRate: number;
  gzip: boolean;
}

/** A data set on disk, ready to measure. */
export interface DataSet {
  name: string;
  gzip: boolean;
  dir: string;
  files: string[];
  /** Bytes on disk. */
  bytes: number;
  /** Bytes after gunzip: what MB/s is computed from, for plain and gzip alike. */
  uncompressedBytes: number;
  spec?: DataSetSpec;
}

export const SEED = 6;
export const BAD_RATE = 0.002;
const spec = (name: string, size: string, gzip: boolean): DataSetSpec => ({ name, size, days: 7, seed: SEED, badRate: BAD_RATE, gzip });
export const QUICK = [spec('quick', '200MB', false), spec('quick', '200MB', true)];
export const FULL = [spec('full', '1GB', false), spec('full', '1GB', true)];
export const SCALE_4GB = spec('scale-4GB', '4GB', false);

/**
 * Where a spec's files live in the cache; its manifest sits beside it (never
 * inside, so tasks reading the directory never see it). The name carries a
 * digest of the built generator, so a changed generator means fresh data.
 */
export function cacheDirOf(spec: DataSetSpec, cacheRoot: string, generatorCli: string): string {
  return join(cacheRoot, `${specKey(spec)}-g${generatorDigest(generatorCli)}`);
}

const specKey = (spec: DataSetSpec) => `${spec.size}-d${spec.days}-s${spec.seed}-b${spec.badRate}-${spec.gzip ? 'gzip' : 'plain'}`;

function generatorDigest(generatorCli: string): string {
  const dir = dirname(generatorCli);
  if (!existsSync(dir)) return 'none';
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js')).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('hex').slice(0, 8);
}

/** Data of the same spec made by an older generator: removed when the new one is written, so the cache does not grow without end. */
function removeStale(spec: DataSetSpec, cacheRoot: string, keep: string): void {
  if (!existsSync(cacheRoot)) return;
  for (const name of readdirSync(cacheRoot))
    if (name.startsWith(`${specKey(spec)}-g`) && !name.startsWith(basename(keep))) rmSync(join(cacheRoot, name), { recursive: true, force: true });
}

/**
 * The data set for a spec: reused from the cache when its manifest is there,
 * else generated into a temp directory and renamed into place, so an
 * interrupted generation is never mistaken for a finished one.
 */
export async function ensureDataSet(spec: DataSetSpec, cacheRoot: string, generatorCli: string, log: (line: string) => void): Promise<DataSet> {
  const dir = cacheDirOf(spec, cacheRoot, generatorCli);
  const manifest = `${dir}.json`;
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as DataSet;
  if (!existsSync(generatorCli))
    throw new UsageError(`the log generator is not built (${generatorCli} is missing): run \`npm run build\`, or pass --data DIR to measure your own logs.`);
  mkdirSync(cacheRoot, { recursive: true });
  removeStale(spec, cacheRoot, dir);
  const temp = `${dir}.partial-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  log(`generating ${spec.name} set (${spec.size}, ${spec.days} days, ${spec.gzip ? 'gzip' : 'plain'}) into ${dir} ...`);
  const args = [generatorCli, '--size', spec.size, '--days', String(spec.days), '--seed', String(spec.seed), '--bad-rate', String(spec.badRate), '--out', temp];
  if (spec.gzip) args.push('--gzip');
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) {
    rmSync(temp, { recursive: true, force: true });
    throw new Error(`the log generator failed (node ${args.join(' ')}): ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  renameSync(temp, dir);
  const dataSet = await describeDirectory(dir, spec.name, spec);
  writeFileSync(manifest, JSON.stringify(dataSet, null, 2) + '\n');
  return dataSet;
}

/** A directory of logs (generated or the user's own, via --data), with its sizes. */
export async function describeDirectory(dir: string, name = basename(dir), spec?: DataSetSpec): Promise<DataSet> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--data ${dir}: not a directory of tracking logs.`);
  const files = inputFiles([dir]);
  if (files.length === 0) throw new UsageError(`--data ${dir}: no files in it (names starting with '.' or '_' are skipped).`);
  let bytes = 0;
  let uncompressedBytes = 0;
  let gzipFiles = 0;
  for (const file of files) {
    const size = statSync(file).size;
    bytes += size;
    if (isGzip(file)) {
      gzipFiles++;
      uncompressedBytes += await gunzippedSize(file);
    } else uncompressedBytes += size;
  }
  return { name, gzip: gzipFiles > 0, dir, files, bytes, uncompressedBytes, ...(spec ? { spec } : {}) };
}

async function gunzippedSize(file: string): Promise<number> {
  let size = 0;
  for await (const chunk of createReadStream(file).pipe(createGunzip())) size += (chunk as Buffer).length;
  return size;
}

