import { existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/core/index.js';
import { CannotMakeDirectory, LocalTarget, makeDirectory, makeDirectorySync, makeOutputDir } from '../../src/targets/index.js';
import { acquireRunLocks } from '../../src/scheduler/lock.js';
import { UsageError } from '../../src/core/index.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipewright-mkdir-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

// Where procfs is mounted, mkdir of a new entry answers ENOENT: Node's recursive mkdir spins forever there.
const PROC = existsSync('/proc/self') ? '/proc' : undefined;

describe('makeDirectory', () => {
  it('makes every missing folder of the path, and is content with one already there', async () => {
    await makeDirectory(join(dir, 'a/b/c'));
    expect(statSync(join(dir, 'a/b/c')).isDirectory()).toBe(true);
    await makeDirectory(join(dir, 'a/b/c'));
    await makeDirectory(join(dir, 'a'));
  });

  it('lets many writers make the same deep path at once', async () => {
    await Promise.all(Array.from({ length: 20 }, () => makeDirectory(join(dir, 'x/y/z/w'))));
    expect(statSync(join(dir, 'x/y/z/w')).isDirectory()).toBe(true);
  });

  it('throws the errno error where a file is in the way', async () => {
    writeFileSync(join(dir, 'file'), '');
    await expect(makeDirectory(join(dir, 'file'))).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(makeDirectory(join(dir, 'file/sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('fails at once, naming the link, below a link to nothing (recursive mkdir spins there)', async () => {
    symlinkSync(join(dir, 'gone'), join(dir, 'dangling'));
    const error = await makeDirectory(join(dir, 'dangling/out/deeper')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CannotMakeDirectory);
    expect((error as CannotMakeDirectory).reason).toBe(`${join(dir, 'dangling')} is a link to something that does not exist`);
  });

  it.skipIf(!PROC)('fails at once under /proc, naming the folder that takes no new entries (needs procfs at /proc; skipped without it)', async () => {
    const error = await makeDirectory('/proc/pipewright-x/y').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CannotMakeDirectory);
    expect((error as CannotMakeDirectory).reason).toBe('/proc takes no new folders (a virtual file system such as /proc or /sys?)');
  });
});

describe('makeDirectorySync (the run lock, SQLite files, export files)', () => {
  it('makes every missing folder with the mode asked, and is content with one already there', () => {
    makeDirectorySync(join(dir, 'a/b'), 0o700);
    expect(statSync(join(dir, 'a/b')).mode & 0o777).toBe(0o700);
    makeDirectorySync(join(dir, 'a/b'));
  });

  it('throws the errno error where a file is in the way', () => {
    writeFileSync(join(dir, 'file'), '');
    expect(() => makeDirectorySync(join(dir, 'file/sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('fails at once below a link to nothing', () => {
    symlinkSync(join(dir, 'gone'), join(dir, 'dangling'));
    expect(() => makeDirectorySync(join(dir, 'dangling/x'))).toThrow(CannotMakeDirectory);
  });

  it.skipIf(!PROC)('fails at once under /proc, so a --lock-dir there is one usage error, not a hang (needs procfs; skipped without it)', () => {
    expect(() => makeDirectorySync('/proc/pipewright-x/y')).toThrow(CannotMakeDirectory);
    expect(() => acquireRunLocks([], '/proc/pipewright-x/locks')).toThrow(UsageError);
    expect(() => acquireRunLocks([], '/proc/pipewright-x/locks')).toThrow(/Cannot create the lock directory \/proc\/pipewright-x\/locks: .*takes no new folders/);
  });
});

describe('output folders that cannot be made', () => {
  it.skipIf(!PROC)('are one OutputError line naming the output and the fix (needs procfs at /proc; skipped without it)', async () => {
    const target = new LocalTarget('/proc/pipewright-x/y/out.tsv');
    await expect(target.writeText('row\n')).rejects.toThrow(
      new OutputError(
        'Cannot write output /proc/pipewright-x/y/out.tsv: /proc takes no new folders (a virtual file system such as /proc or /sys?); fix that, or choose another output location (e.g. --dest).',
      ),
    );
  });

  it('keep the errno wording for the usual refusals', async () => {
    mkdirSync(join(dir, 'ro'));
    writeFileSync(join(dir, 'ro/file'), '');
    await expect(makeOutputDir(join(dir, 'ro/file/x'), 'the-output')).rejects.toThrow('Cannot write output the-output: a part of the path is a file, not a folder;');
  });
});
