import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/build-once.js';
import { LAUNCH_TASK, REPO_ROOT } from '../support/paths.js';

// A user's project as docs/extending.md sets it up: pipewright in node_modules, a TypeScript
// module run with `node --import tsx .../launch-task.js --module ./tasks.ts`.
let project: string;

beforeAll(() => ensureBuilt());
beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), 'pipewright-project-'));
  await mkdir(join(project, 'node_modules'));
  await symlink(REPO_ROOT, join(project, 'node_modules/pipewright'));
  await writeFile(
    join(project, 'tasks.ts'),
    `import { LocalTarget, Task, p, registerTask } from 'pipewright';
export class Hello extends Task {
  static override parameters = { dest: p.path() };
  declare dest: string;
  override output() { return new LocalTarget(this.dest); }
  override async run() { await this.output().writeText('hello\\n'); }
}
registerTask(Hello);
`,
  );
});
afterEach(() => rm(project, { recursive: true, force: true }));

const launch = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', LAUNCH_TASK, '--module', join(project, 'tasks.ts'), ...args], {
    cwd: REPO_ROOT, // where tsx is installed
    encoding: 'utf8',
    env: { ...process.env, PIPEWRIGHT_CONFIG: '' },
  });

describe('a TypeScript --module in a user project', () => {
  it('runs when its package.json says "type": "module"', async () => {
    await writeFile(join(project, 'package.json'), '{ "type": "module" }\n');
    const run = launch(['Hello', '--dest', join(project, 'hello.txt'), '--no-lock']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('1 ran successfully: 1 Hello');
  });

  it('without it (tsx loads it as CommonJS, with a second copy of Pipewright) stops in one line naming the class and the fix', async () => {
    await writeFile(join(project, 'package.json'), '{}\n');
    const run = launch(['Hello', '--dest', join(project, 'hello.txt'), '--no-lock']);
    expect(run.status).toBe(64);
    expect(run.stderr).toBe(
      `launch-task: --module ${join(project, 'tasks.ts')}: Hello extends another copy of Pipewright's Task, so launch-task cannot see it; ` +
        'for TypeScript, add "type": "module" to the package.json beside it (without it tsx loads .ts files as CommonJS, each with its own copy).\n',
    );
  });
});
