import { spawnSync } from 'node:child_process';
import { STREAMING_ERROR_MARKER } from '../streaming.js';

/**
 * The probable cause of a failed Hadoop job, as one line (mrjob #1123: the
 * real error is buried in task logs). In order: our own error marker in the
 * client's output, the same marker in the YARN logs of the application, the
 * last error-looking line of the client's output.
 */
export function probableCause(clientOutput: string, yarnCommand: string): string {
  const own = markerLine(clientOutput);
  if (own) return own;
  const app = /application_\d+_\d+/.exec(clientOutput)?.[0] ?? /job_(\d+_\d+)/.exec(clientOutput)?.[1]?.replace(/^/, 'application_');
  if (app && yarnCommand) {
    const logs = spawnSync(yarnCommand, ['logs', '-applicationId', app], { encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
    const text = `${logs.stdout ?? ''}\n${logs.stderr ?? ''}`;
    const fromLogs = markerLine(text) ?? (logs.status === 0 ? lastErrorLine(text) : undefined);
    if (fromLogs) return `${fromLogs} (from the task logs of ${app})`;
  }
  const hint = app ? ` (see: ${yarnCommand || 'yarn'} logs -applicationId ${app})` : '';
  return (lastErrorLine(clientOutput) ?? 'no output from hadoop') + hint;
}

/** The last line that looks like an error (a task that died before Pipewright could say why: node missing, a module not found). */
function lastErrorLine(text: string): string | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return [...lines].reverse().find((l) => /error|exception|failed/i.test(l) && !/^\s*at /.test(l)) ?? lines.at(-1);
}

function markerLine(text: string): string | undefined {
  const at = text.indexOf(STREAMING_ERROR_MARKER);
  if (at < 0) return undefined;
  const end = text.indexOf('\n', at);
  return text.slice(at + STREAMING_ERROR_MARKER.length, end < 0 ? undefined : end).trim();
}

const HADOOP_GROUPS = new Set(['File System Counters', 'Job Counters', 'Job Counters ', 'Map-Reduce Framework', 'Shuffle Errors', 'File Input Format Counters ', 'File Output Format Counters ', 'File Input Format Counters', 'File Output Format Counters']);

/** The job's own counters from the `Counters: N` block Hadoop prints at the end of a job (Hadoop's built-in groups left out). */
export function parseHadoopCounters(clientOutput: string): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const start = clientOutput.lastIndexOf('Counters:');
  if (start < 0) return out;
  let group: string | undefined;
  for (const raw of clientOutput.slice(start).split('\n').slice(1)) {
    const depth = /^(\s*)/.exec(raw)![1]!.replace(/\t/g, '        ').length;
    const text = raw.trim();
    if (!text) continue;
    const counter = /^(.*)=(\d+)$/.exec(text);
    if (counter && depth > 8 && group !== undefined) {
      if (!HADOOP_GROUPS.has(group)) (out[group] ??= {})[counter[1]!] = Number(counter[2]);
    } else if (!counter && depth > 0) group = text;
    else break;
  }
  return out;
}
