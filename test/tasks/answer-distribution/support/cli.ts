import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LAUNCH_TASK, REPO_ROOT } from '../../../support/paths.js';
import { ANSWER_DIST } from './conformance.js';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node bin/launch-task.js ...args` (the built CLI: `npm run build` first), from the repo root. */
export async function launchTask(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [LAUNCH_TASK, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** edX's 32 expected rows, as text cells in table column order (`\N` = NULL), sorted. */
export function expectedMysqlRows(): string[] {
  const [, ...lines] = readFileSync(join(ANSWER_DIST, 'expected/mysql_answer_distribution_rows.tsv'), 'utf8').split('\n').filter(Boolean);
  return lines.map((line) => normalize(line.split('\t'))).sort();
}

/** Rows read back from the table, rendered the same way. */
export function renderDbRows(rows: Record<string, unknown>[]): string[] {
  return rows
    .map((row) =>
      normalize(
        Object.values(row).map((v) => {
          if (v === null) return '\\N';
          if (typeof v === 'boolean') return v ? '1' : '0';
          return String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
        }),
      ),
    )
    .sort();
}

// answer_value_numeric (column 9) compares as a number: edX wrote 1000.0, databases give 1000.
function normalize(cells: string[]): string {
  return cells.map((c, i) => (i === 8 && c !== '\\N' ? String(Number(c)) : c)).join('\t');
}

export const SELECT_ROWS =
  'SELECT course_id, module_id, part_id, correct, first_response_count, last_response_count, value_id, answer_value_text, answer_value_numeric, variant, problem_display_name, question_text FROM answer_distribution';
