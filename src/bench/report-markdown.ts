import { machineLine } from './machine.js';
import { speedRatio, type BenchResults, type ExtraResult } from './results.js';
import type { CaseResult } from './run-case.js';
import { MB, type Spread } from './stats.js';
import { targetLines } from './targets.js';

/** bench/results.md: the table the README shows, with the machine it ran on. */
export function renderMarkdown(results: BenchResults): string {
  const out: string[] = [
    '# Pipewright benchmark',
    '',
    `\`${results.command}\`, ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC, on ${machineLine(results.machine)}.`,
    '',
    `Up to ${results.repetitions} runs per row (column n), warm page cache; median (min–max). MB/s = 10^6 bytes of *uncompressed* ` +
      'input per second of wall time, gzip sets included. Peak RSS = the whole process tree (workers and children summed). ' +
      'Ratios are Pipewright speed ÷ baseline speed (above 1 = Pipewright faster).',
    '',
  ];
  for (const set of results.sets) {
    const rows = results.cases.filter((row) => row.set === set.name && row.gzip === set.gzip);
    out.push(`## ${set.name}, ${set.gzip ? 'gzip' : 'plain'}: ${set.fileCount} files, ${mb(set.uncompressedBytes)} MB uncompressed` +
      (set.gzip ? ` (${mb(set.bytes)} MB on disk)` : ''), '');
    out.push('| case | MB/s | wall s | peak RSS MB | n | result |', '|---|---:|---:|---:|---:|---|');
    for (const row of rows) out.push(caseRow(row));
    out.push('', ...ratioTable(rows), '');
  }
  const targets = targetLines(results);
  out.push('## Targets (issue 6)', '', ...(targets.caveat ? [targets.caveat, ''] : []), ...targets.lines.map((line) => `- ${line}`), '');
  if (results.scale.length > 0) {
    out.push('## Scale: answer distribution peak RSS as input grows', '', '| input | peak RSS MB | MB/s |', '|---|---:|---:|');
    for (const row of results.scale)
      out.push(`| ${row.set} (${mb(row.uncompressedBytes)} MB) | ${row.status === 'ok' ? fmt(row.peakRssMb) : row.note} | ${row.status === 'ok' ? fmt(row.mbPerSecond) : ''} |`);
    out.push('');
  }
  const extras = [...results.scheduler, ...results.tracking];
  if (extras.length > 0) {
    out.push('## Scheduler and tracking', '', '| case | rate | peak RSS MB |', '|---|---:|---:|');
    for (const row of extras) out.push(extraRow(row));
    out.push('');
  }
  if (results.notes.length > 0) out.push('## Notes', '', ...results.notes.map((note) => `- ${note}`), '');
  return out.join('\n');
}

const mb = (bytes: number) => (bytes / MB).toFixed(0);
const fmt = (value: number | null | undefined, digits = 0) => (value === null || value === undefined ? 'n/a' : value.toFixed(digits));
const number = (value: number, digits: number) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const range = (value: Spread, digits: number) => `${number(value.median, digits)} (${number(value.min, digits)}–${number(value.max, digits)})`;

function caseRow(row: CaseResult): string {
  if (row.status !== 'ok') return `| ${row.label} | ${row.status === 'failed' ? 'failed' : 'not available'} | | | | ${row.note ?? ''} |`;
  const rss = row.peakRssMb ? range(row.peakRssMb, 0) : 'n/a';
  return `| ${row.label} | ${range(row.mbPerSecond!, 0)} | ${range(row.wallSeconds!, 2)} | ${rss} | ${row.runs.length} | ${describeOutput(row.output)} |`;
}

/** The counts a case printed, so a reader can see the rows did the same work. */
const OUTPUT_WORDS: Record<string, string> = {
  problemCheckLines: 'lines with problem_check',
  problemCheckEvents: 'problem_check events',
  unparseable: 'unparseable lines',
  events: 'server problem_check events',
  rows: 'output rows',
};

function describeOutput(output: unknown): string {
  if (output === null || typeof output !== 'object') return '';
  return Object.entries(output as Record<string, unknown>)
    .filter(([key, value]) => key in OUTPUT_WORDS && typeof value === 'number')
    .map(([key, value]) => `${(value as number).toLocaleString('en-US')} ${OUTPUT_WORDS[key]}`)
    .join(', ');
}

function ratioTable(rows: CaseResult[]): string[] {
  const baselines = rows.filter((row) => row.kind !== 'pipewright');
  const products = rows.filter((row) => row.kind === 'pipewright' && row.status === 'ok');
  if (products.length === 0) return ['Pipewright rows: not available yet, so no ratios.'];
  const lines = [
    `| Pipewright ÷ | ${baselines.map((row) => row.short).join(' | ')} |`,
    `|---|${baselines.map(() => '---:').join('|')}|`,
  ];
  for (const product of products) {
    const cells = baselines.map((baseline) => {
      const ratio = speedRatio(product, baseline);
      return ratio === undefined ? 'n/a' : `${ratio.toFixed(2)}x`;
    });
    lines.push(`| ${product.short} | ${cells.join(' | ')} |`);
  }
  return lines;
}

function extraRow(row: ExtraResult): string {
  if (row.status !== 'ok' || !row.rate) return `| ${row.label} | ${row.status === 'failed' ? 'failed' : 'not available'}: ${row.note ?? ''} | |`;
  return `| ${row.label} | ${range(row.rate, 0)} ${row.unit ?? ''} | ${fmt(row.peakRssMb)} |`;
}
