import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/sql/index.js';
import { ensureBuilt } from '../cli/build-once.js';
import { REPO_ROOT } from '../support/paths.js';

// README's producer example: Tracker.emit -> rotated gzip logs -> answer distribution -> SQLite.
let dir: string;

beforeAll(() => ensureBuilt());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipewright-produce-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('examples/tracking/produce-events.mjs', () => {
  it("writes logs the answer distribution reads: each learner's first and last answer counted", async () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'examples/tracking/produce-events.mjs'), dir], { encoding: 'utf8', env: { ...process.env, PIPEWRIGHT_CONFIG: '' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('wrote 10 events:');
    // 5 learners, 2 attempts each: first answers Paris x3 and Nice x2, last answers Paris x5.
    const rows = await queryRows(`sqlite:${join(dir, 'answers.sqlite')}`, 'SELECT value_id, answer_value_text, first_response_count, last_response_count FROM answer_distribution ORDER BY value_id');
    expect(rows).toEqual([
      { value_id: 'choice_0', answer_value_text: 'Paris', first_response_count: 3, last_response_count: 5 },
      { value_id: 'choice_2', answer_value_text: 'Nice', first_response_count: 2, last_response_count: 0 },
    ]);
  });
});
