import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from '../../../src/core/errors.js';
import { Task } from '../../../src/core/task.js';
import { WithPathSetInput } from '../../../src/eventlog/selection/index.js';
import { makeTree, useConfig } from './support.js';

class ReadLogs extends WithPathSetInput(Task) {}

const TREE = {
  'tracking.log-20140318.gz': 'a',
  'server-2/tracking.log-20140319': 'b',
  'server-2/deep/tracking.log-20140320.gz': 'c',
  'notes.txt': 'd',
  '_SUCCESS': '',
  '.tracking.log-20140321.swp': 'e',
  '_temporary/tracking.log-20140322': 'f',
  '.cache/tracking.log-20140323': 'g',
};

describe('WithPathSetInput', () => {
  it('lists every data file recursively, sorted and absolute, skipping names that start with . or _', async () => {
    const root = makeTree(TREE);
    const files = await new ReadLogs({ src: [root] }).inputFiles();
    expect(files).toEqual(
      ['notes.txt', 'server-2/deep/tracking.log-20140320.gz', 'server-2/tracking.log-20140319', 'tracking.log-20140318.gz'].map((f) => join(root, f)),
    );
  });

  it('matches an --include glob without / against file names at any depth, and one with / against the relative path', async () => {
    const root = makeTree(TREE);
    expect(await new ReadLogs({ src: [root], include: ['*tracking.log*'] }).inputFiles()).toHaveLength(3);
    expect(await new ReadLogs({ src: [root], include: ['*.gz'] }).inputFiles()).toEqual(
      [join(root, 'server-2/deep/tracking.log-20140320.gz'), join(root, 'tracking.log-20140318.gz')],
    );
    expect(await new ReadLogs({ src: [root], include: ['server-2/*'] }).inputFiles()).toEqual([join(root, 'server-2/tracking.log-20140319')]);
  });

  it('reads --src as edX passes it (a JSON list, file:// URLs), merging roots without duplicates', async () => {
    const root = makeTree(TREE);
    const task = new ReadLogs({ src: JSON.stringify([pathToFileURL(root).href, join(root, 'server-2')]), include: '["*.gz"]' });
    expect(await task.inputFiles()).toHaveLength(2);
  });

  it('takes a file named directly as --src', async () => {
    const root = makeTree(TREE);
    const file = join(root, 'tracking.log-20140318.gz');
    expect(await new ReadLogs({ src: [file] }).inputFiles()).toEqual([file]);
    await expect(new ReadLogs({ src: [file], include: ['*.txt'] }).inputFiles()).rejects.toThrow(InputError);
  });

  it('fails clearly when --src is missing, does not exist, or holds nothing that matches', async () => {
    const root = makeTree(TREE);
    expect(() => new ReadLogs({})).toThrow(/requires the parameter --src/);
    await expect(new ReadLogs({ src: [join(root, 'nope')] }).inputFiles()).rejects.toThrow(new RegExp(`--src ${join(root, 'nope')} does not exist`));
    await expect(new ReadLogs({ src: [root], include: ['*.csv'] }).inputFiles()).rejects.toThrow(/holds no input files matching --include \["\*\.csv"\]/);
    const empty = makeTree({ '_SUCCESS': '' });
    await expect(new ReadLogs({ src: [empty] }).inputFiles()).rejects.toThrow(InputError);
    await expect(new ReadLogs({ src: ['s3://bucket/logs/'] }).inputFiles()).rejects.toThrow(UsageError);
  });

  it('takes --src from [event-logs] source when neither the command line nor [Family] gives it', async () => {
    const root = makeTree(TREE);
    const other = makeTree({ 'x.log': 'x' });
    useConfig([['event-logs', 'source', JSON.stringify([root])]]);
    expect(await new ReadLogs({}).inputFiles()).toHaveLength(4);
    expect(await new ReadLogs({ src: [other] }).inputFiles()).toEqual([join(other, 'x.log')]);
    useConfig([['event-logs', 'source', JSON.stringify([root])], ['ReadLogs', 'src', JSON.stringify([other])]]);
    expect(await new ReadLogs({}).inputFiles()).toEqual([join(other, 'x.log')]);
  });

  it('writes a missing --manifest from the selection and reads an existing one instead of listing', async () => {
    const root = makeTree(TREE);
    const manifest = join(makeTree({}), 'inputs.manifest');
    const first = await new ReadLogs({ src: [root], include: ['*.gz'], manifest }).inputFiles();
    expect(readFileSync(manifest, 'utf8')).toBe(first.map((f) => f + '\n').join(''));
    writeFileSync(manifest, `# hand-edited\n${first[1]}\n\n${first[1]}\n`);
    expect(await new ReadLogs({ src: [root], manifest }).inputFiles()).toEqual([first[1]]);
  });

  it('resolves relative manifest entries against the manifest directory and names a listed file that is gone', async () => {
    const root = makeTree({ 'logs/a.log': 'a', 'list.manifest': 'logs/a.log\n' });
    expect(await new ReadLogs({ src: [root], manifest: join(root, 'list.manifest') }).inputFiles()).toEqual([join(root, 'logs/a.log')]);
    writeFileSync(join(root, 'list.manifest'), 'logs/a.log\nlogs/gone.log\n');
    await expect(new ReadLogs({ src: [root], manifest: join(root, 'list.manifest') }).inputFiles()).rejects.toThrow(/lists .*gone\.log, which does not exist/);
    expect(existsSync(join(root, 'list.manifest'))).toBe(true);
  });
});
