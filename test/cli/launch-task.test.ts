import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/paths.js';
import { ensureBuilt, launchTask } from './build-once.js';

const MODULE = join(REPO_ROOT, 'test/cli/fixtures/cli-tasks.js');
let dir: string;
let lockDir: string;

beforeAll(() => ensureBuilt());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipewright-cli-'));
  lockDir = join(dir, 'locks');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const run = (args: string[], env?: Record<string, string>) => launchTask(['--module', MODULE, '--lock-dir', lockDir, ...args], { cwd: dir, env });
const echoed = (name = 'echo.json') => JSON.parse(readFileSync(join(dir, name), 'utf8'));

describe('launch-task parameters', () => {
  it('reads bools as --x, --no-x and --x false, and appends repeated list flags', async () => {
    expect((await run(['EchoParams', '--dest', 'a.json', '--no-flag', '--items', 'x', '--items', '["y","z"]'])).code).toBe(0);
    expect(echoed('a.json')).toMatchObject({ flag: false, items: ['x', 'y', 'z'], count: 1, mode: 'fast' });
    expect((await run(['EchoParams', '--dest', 'b.json', '--flag', 'false', '--items', 'p,q', '--count=3'])).code).toBe(0);
    expect(echoed('b.json')).toMatchObject({ flag: false, items: ['p', 'q'], count: 3 });
    expect((await run(['EchoParams', '--dest', 'c.json', '--flag', '--interval', '2014-W10', '--local-scheduler'])).code).toBe(0);
    expect(echoed('c.json')).toMatchObject({ flag: true, interval: '2014-W10' });
  });

  it('when a value is bad then it exits 64 with one line naming task, parameter, value and expectation', async () => {
    const result = await run(['EchoParams', '--dest', 'x.json', '--count', 'many']);
    expect(result.code, result.stderr).toBe(64);
    expect(result.stderr).toBe('launch-task: EchoParams: bad value "many" for --count: expected a whole number.\n');
    const choice = await run(['EchoParams', '--dest', 'x.json', '--mode', 'medium']);
    expect(choice.stderr).toBe('launch-task: EchoParams: bad value "medium" for --mode: expected one of fast, slow.\n');
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });

  it('when the family is misspelt then it suggests the right one and exits 64', async () => {
    const result = await run(['EchoParam', '--dest', 'x.json']);
    expect(result.code, result.stderr).toBe(64);
    expect(result.stderr).toMatch(/^launch-task: Unknown task family 'EchoParam'\. Did you mean EchoParams\?.*\n$/);
  });

  it('lists families and shows a family\'s parameters with types, defaults and descriptions', async () => {
    const list = await run(['--list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^EchoParams\s+Writes its parameters as JSON\.$/m);
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await run(['EchoParams', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--count <int>\s+\(int, default: 1\)/);
    expect(help.stdout).toMatch(/--dest <path>\s+\(path, required\)/);
    expect(help.stdout).toMatch(/--mode <fast\|slow>\s+\(one of fast\|slow, default: fast\)/);
  });

  it('--help of a log-reading task says where --pattern and --expand-interval come from, not that they are required', async () => {
    const help = (await run(['UserActivityTask', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/--pattern <list of string> .*\(list of string, default: \[event-logs\] pattern, else \[".*tracking/);
    expect(help).toMatch(/--expand-interval <timedelta> .*\(timedelta, default: \[event-logs\] expand_interval, else 2 days\)/);
    expect(help).toMatch(/--interval <date interval> .*\(date interval, required\)/);
    expect(help).toMatch(/--source <list of string> .*\(list of string, default: \[event-logs\] source\)/);
    expect(help).toMatch(/--warehouse-path <path> .*\(path, default: \[hive\] warehouse_path, not part of the task id\)/);
    expect(help).toMatch(/--map-workers <int> worker threads of the local runner \(int, default: the core count, \d+ here, not part of the task id\)/);
    // A flag whose default is "not given" (--credentials, --database-url: '') shows no empty default.
    const load = (await run(['AnswerDistributionToMySQLTaskWorkflow', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(load).toMatch(/--credentials <path> .*\(path, not part of the task id\)/);
    expect(load).not.toMatch(/default: ,/);
  });

  it('shows no stack trace for a user error, and shows it with --debug', async () => {
    const plain = await run(['EchoParams']);
    expect(plain.stderr).toBe('launch-task: EchoParams: requires the parameter --dest (path).\n');
    const debug = await run(['EchoParams', '--debug']);
    expect(debug.code).toBe(64);
    expect(debug.stderr).toMatch(/UsageError: EchoParams: requires the parameter --dest[^\n]*\n\s+at /);
  });
});

describe('launch-task runs', () => {
  it('when run a second time then nothing runs and the summary says so', async () => {
    const first = await run(['EchoParams', '--dest', 'once.json']);
    expect(first.stderr).toContain('1 ran successfully');
    // Not a terminal: plain timestamped lines, as cron mail shows them.
    expect(first.stderr).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z running EchoParams\(/m);
    expect(first.stderr).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z done EchoParams\(.* in \d+\.\d s$/m);
    const second = await run(['EchoParams', '--dest', 'once.json']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Nothing to do: all 1 task already complete.');
    expect(second.stderr).not.toContain('running ');
  });

  it('when a task fails then it exits 1 naming the task and its error, and its dependent does not run', async () => {
    const result = await run(['NeedsExplodes', '--dest', 'out.txt']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/FAILED Explodes\(dest=.*out\.txt\.upstream\)_[0-9a-f]{20}: Error: disk on fire/);
    expect(result.stderr).toContain('1 not run because a dependency failed or is missing');
    expect(existsSync(join(dir, 'out.txt'))).toBe(false);
  });

  it('when external input is missing then it exits 2 naming it', async () => {
    const result = await run(['NeedsRawLog', '--src', 'raw.log', '--dest', 'out.txt']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`MISSING RawLog(path=raw.log)`);
    expect(result.stderr).toContain(`input is not there: ${join(dir, 'raw.log')}`);
  });

  it('when a run overlaps one still holding the lock then it exits 3 naming the holder', async () => {
    const args = ['WaitForFile', '--dest', 'out.txt', '--release', join(dir, 'go')];
    const first = run(args);
    while (!existsSync(lockDir) || readdirSync(lockDir).length === 0) await sleep(20);
    const second = await run(args);
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(new RegExp(`Another run holds the lock for WaitForFile\\(.*\\)_[0-9a-f]{20}: pid ${first.pid} on `));
    await writeFile(join(dir, 'go'), '');
    expect((await first).code).toBe(0);
    expect(readdirSync(lockDir)).toEqual([]);
  });
});

describe('launch-task interrupted', () => {
  it('when SIGTERM arrives then the running task finishes, nothing new starts, the lock is released and it exits 130', async () => {
    const running = run(['AfterWait', '--dest', 'after.txt', '--release', join(dir, 'go')]);
    while (!existsSync(join(dir, 'after.txt.wait.started'))) await sleep(20);
    process.kill(running.pid, 'SIGTERM');
    while (!running.stderrSoFar().includes('SIGTERM received')) await sleep(20);
    await writeFile(join(dir, 'go'), '');
    const result = await running;
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain('launch-task: SIGTERM received: starting no more tasks');
    expect(result.stderr).toContain('1 not started because the run was interrupted: 1 AfterWait');
    expect(existsSync(join(dir, 'after.txt.wait'))).toBe(true);
    expect(existsSync(join(dir, 'after.txt'))).toBe(false);
    expect(readdirSync(lockDir)).toEqual([]);
  });
});

describe('launch-task config', () => {
  it('takes the command line over --additional-config over override.cfg over PIPEWRIGHT_CONFIG', async () => {
    await writeFile(join(dir, 'base.cfg'), '[EchoParams]\ncount = 2\nmode = slow\nitems = ["from-env"]\n');
    await writeFile(join(dir, 'override.cfg'), '[EchoParams]\ncount = 3\nitems = ["from-override"]\n');
    await writeFile(join(dir, 'extra.cfg'), '[EchoParams]\ncount = 4\n');
    const env = { PIPEWRIGHT_CONFIG: join(dir, 'base.cfg') };
    const layered = await run(['EchoParams', '--dest', 'a.json', '--additional-config', 'extra.cfg'], env);
    expect(layered.stderr).toContain('1 ran successfully');
    expect(echoed('a.json')).toMatchObject({ count: 4, mode: 'slow', items: ['from-override'] });
    expect((await run(['EchoParams', '--dest', 'b.json', '--additional-config', 'extra.cfg', '--count', '5'], env)).code).toBe(0);
    expect(echoed('b.json')).toMatchObject({ count: 5 });
  });

  it('when a config key is read by nothing then it exits 64 naming file, section and key', async () => {
    await mkdir(join(dir, 'conf'));
    await writeFile(join(dir, 'conf/typo.cfg'), '[EchoParams]\ncuont = 2\n');
    const result = await run(['EchoParams', '--dest', 'a.json', '--additional-config', 'conf/typo.cfg']);
    expect(result.code, result.stderr).toBe(64);
    expect(result.stderr).toBe(`launch-task: ${join(dir, 'conf/typo.cfg')}: [EchoParams] cuont is not read by anything (known keys: count, dest, flag, interval, items, mode); did you mean count?\n`);
  });

  it("sets a required task's parameters with luigi's --Family-param flags, over the config", async () => {
    await writeFile(join(dir, 'override.cfg'), '[EchoParams]\ncount = 3\nmode = slow\n');
    const result = await run(['EchoParent', '--dest', 'p.txt', '--EchoParams-count', '7', '--EchoParams-items=a,b']);
    expect(result.code, result.stderr).toBe(0);
    expect(echoed('p.txt.child.json')).toMatchObject({ count: 7, mode: 'slow', items: ['a', 'b'] });
    const typo = await run(['EchoParent', '--dest', 'q.txt', '--EchoParams-cont', '7']);
    expect(typo.code).toBe(64);
    expect(typo.stderr).toContain('the command line (--EchoParams-cont): [EchoParams] cont is not read by anything');
  });

  it('loads modules named in [core] modules', async () => {
    await writeFile(join(dir, 'override.cfg'), `[core]\nmodules = ${MODULE}\n`);
    const result = await launchTask(['EchoParams', '--dest', 'a.json', '--no-lock'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(echoed('a.json').dest).toBe('a.json');
  });
});

describe('launch-task --dependency-tree', () => {
  it('prints the tree with each task state and runs nothing', async () => {
    const result = await run(['EchoParent', '--dest', 'p.txt', '--dependency-tree']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^└─ EchoParent\(dest=p\.txt\)_[0-9a-f]{20} PENDING\n   └─ EchoParams\(.*\)_[0-9a-f]{20} PENDING\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('launch-task --streaming', () => {
  it('refuses a task that is not a map/reduce task in one line', async () => {
    const result = await run(['--streaming', 'map', '--step', '0', 'EchoParams', '--dest', 'x.json']);
    expect(result.code, result.stderr).toBe(64);
    expect(result.stderr).toBe('launch-task: EchoParams is not a map/reduce task; --streaming runs only those.\n');
  });
});

describe('the example', () => {
  it('runs the WordCount task built from a custom mixin through the real CLI', async () => {
    await writeFile(join(dir, 'notes.txt'), 'The cat and the hat.\nA cat sat!\n');
    const result = await launchTask(['--module', join(REPO_ROOT, 'examples/word-count.js'), 'WordCount', '--src', 'notes.txt', '--dest', 'counts.tsv', '--min-length', '2', '--no-lock'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'counts.tsv'), 'utf8')).toBe('cat\t2\nthe\t2\nand\t1\nhat\t1\nsat\t1\n');
    expect(result.stderr).toContain('Skip Short Word: 1');
  });
});
