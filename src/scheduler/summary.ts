import { ExitCode, isUserFacing } from '../core/errors.js';
import type { Counters } from '../core/counters.js';
import { errorLine } from './observer.js';
import type { TaskOutcome, TaskStatus } from './outcome.js';

const LABELS: Record<TaskStatus, string> = {
  complete: 'already complete',
  ran: 'ran successfully',
  failed: 'failed',
  missing: 'missing input',
  blocked: 'not run because a dependency failed or is missing',
  stopped: 'not started because the run was interrupted',
};

const EXIT_MEANING: Record<number, string> = {
  [ExitCode.ok]: 'all done',
  [ExitCode.taskFailed]: 'a task failed',
  [ExitCode.missingInput]: 'input is missing',
  [ExitCode.locked]: 'another run holds the lock',
  [ExitCode.usage]: 'usage error',
  [ExitCode.interrupted]: 'interrupted',
};

export interface SummaryInput {
  outcomes: Iterable<TaskOutcome>;
  counts: Record<TaskStatus, number>;
  counters: Counters;
  exitCode: number;
  error?: unknown;
  debug?: boolean;
}

/**
 * The end-of-run report: counts by status, one line per failure with its
 * error, every counter ("Discard Unparseable Event: 12"), and what the exit
 * code means. A re-run with nothing to do says exactly that.
 */
export function formatSummary(input: SummaryInput): string {
  const { counts, exitCode } = input;
  const lines: string[] = [];
  const outcomes = [...input.outcomes]; // may be a one-shot iterator
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (input.error !== undefined) lines.push(`Cannot run: ${describe(input.error, input.debug)}`);
  else if (total > 0 && counts.complete === total)
    lines.push(`Nothing to do: all ${total} task${total === 1 ? '' : 's'} already complete.`);
  else {
    lines.push(`Scheduled ${total} task${total === 1 ? '' : 's'}:`);
    for (const status of Object.keys(LABELS) as TaskStatus[])
      if (counts[status] > 0) lines.push(`  ${counts[status]} ${LABELS[status]}: ${byFamily(outcomes.filter((o) => o.status === status))}`);
  }
  const problems = outcomes.filter((o) => o.status === 'failed' || o.status === 'missing');
  if (problems.length > 0) {
    lines.push('Problems:');
    for (const o of problems) lines.push(`  ${o.status === 'failed' ? 'FAILED' : 'MISSING'} ${o.task.id}: ${describe(o.error, input.debug)}`);
  }
  const counterLines = formatCounters(input.counters);
  if (counterLines.length > 0) lines.push('Counters:', ...counterLines.map((l) => `  ${l}`));
  lines.push(`Exit code ${exitCode}: ${EXIT_MEANING[exitCode] ?? 'see above'}.`);
  return lines.join('\n');
}

/** `2 CountLines, 1 Report`: which kinds of task, most frequent first. */
function byFamily(outcomes: readonly TaskOutcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o.task.family, (counts.get(o.task.family) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([family, n]) => `${n} ${family}`).join(', ');
}

/** `Discard Unparseable Event: 12`, one per counter, sorted by group then name. */
export function formatCounters(counters: Counters): string[] {
  const out: string[] = [];
  for (const [group, names] of Object.entries(counters.toJSON()))
    for (const [name, n] of Object.entries(names)) out.push(`${group} ${name}: ${n}`);
  return out;
}

function describe(error: unknown, debug = false): string {
  if (debug && error instanceof Error && error.stack) return error.stack;
  const line = errorLine(error);
  // Our own errors are complete sentences; anything else is a bug somewhere: say what it was.
  if (isUserFacing(error) || !(error instanceof Error)) return line;
  return `${error.name}: ${line}`;
}
