import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads V8 .cpuprofile files (node --cpu-prof) and ranks functions by self
 * time: what a reader needs to say "this dominates, and why".
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface HotFunction {
  name: string;
  /** file:line, shortened to the part after node_modules/ or the repo's dist/. */
  where: string;
  selfMs: number;
  share: number;
}

export interface ProfileSummary {
  file: string;
  /** Sampled time, idle included. */
  totalMs: number;
  /** Time the thread waited ("(idle)"): a main thread waiting on its workers is mostly this. */
  idleMs: number;
  /** Functions by self time, idle left out, largest first; share is of the busy time. */
  top: HotFunction[];
}

export function summarizeProfile(path: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, HotFunction>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0;
    total += micros;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const name = frame.functionName || '(anonymous)';
    const where = frame.url ? `${shorten(frame.url)}:${frame.lineNumber + 1}` : '';
    const key = `${name} ${where}`;
    const entry = self.get(key) ?? { name, where, selfMs: 0, share: 0 };
    entry.selfMs += micros / 1000;
    self.set(key, entry);
  });
  const idleMs = self.get('(idle) ')?.selfMs ?? 0;
  self.delete('(idle) ');
  return { file: path, totalMs: total / 1000, idleMs, top: ranked([...self.values()]) };
}

function ranked(entries: HotFunction[]): HotFunction[] {
  const busy = entries.reduce((sum, entry) => sum + entry.selfMs, 0);
  for (const entry of entries) entry.share = busy === 0 ? 0 : entry.selfMs / busy;
  return entries.sort((a, b) => b.selfMs - a.selfMs);
}

/** All threads together: what dominates the whole run. */
export function combineProfiles(summaries: ProfileSummary[]): ProfileSummary {
  const merged = new Map<string, HotFunction>();
  for (const summary of summaries)
    for (const entry of summary.top) {
      const key = `${entry.name} ${entry.where}`;
      const into = merged.get(key) ?? { ...entry, selfMs: 0 };
      into.selfMs += entry.selfMs;
      merged.set(key, into);
    }
  return {
    file: `all ${summaries.length} threads`,
    totalMs: summaries.reduce((sum, s) => sum + s.totalMs, 0),
    idleMs: summaries.reduce((sum, s) => sum + s.idleMs, 0),
    top: ranked([...merged.values()]),
  };
}

/** Every profile in a directory (one per thread or process), largest first. */
export function summarizeProfiles(dir: string): ProfileSummary[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => summarizeProfile(join(dir, name)))
    .sort((a, b) => b.totalMs - a.totalMs);
}

function shorten(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules !== -1) return path.slice(modules + 'node_modules/'.length);
  const dist = path.lastIndexOf('/dist/');
  return dist !== -1 ? path.slice(dist + 1) : path;
}

/**
 * Self time by area (the directory of the code, e.g. dist/eventlog/parse/python,
 * a package, node's module loader, the garbage collector, native calls): the
 * shortest honest answer to "what dominates".
 */
export function byArea(summary: ProfileSummary): Array<{ area: string; selfMs: number; share: number }> {
  const areas = new Map<string, number>();
  for (const entry of summary.top) {
    const area = areaOf(entry);
    areas.set(area, (areas.get(area) ?? 0) + entry.selfMs);
  }
  const busy = summary.top.reduce((sum, entry) => sum + entry.selfMs, 0);
  return [...areas].map(([area, selfMs]) => ({ area, selfMs, share: busy === 0 ? 0 : selfMs / busy })).sort((a, b) => b.selfMs - a.selfMs);
}

function areaOf(entry: HotFunction): string {
  if (!entry.where) return entry.name.startsWith('(') ? entry.name : entry.name.startsWith('RegExp:') ? '(regular expressions)' : '(native calls: read, open, close, ...)';
  const file = entry.where.replace(/:\d+$/, '');
  if (file.startsWith('node:internal/modules') || file.startsWith('node:internal/bootstrap')) return 'node: loading modules';
  if (file.startsWith('node:')) return `node: ${file.slice(5).split('/')[0]}`;
  if (!file.startsWith('dist/')) return `package ${file.split('/')[0]!.startsWith('@') ? file.split('/').slice(0, 2).join('/') : file.split('/')[0]}`;
  return file.split('/').slice(0, -1).join('/');
}

export function areaMarkdown(summary: ProfileSummary, limit = 12): string {
  const rows = byArea(summary).slice(0, limit);
  return ['| self ms | share of busy | area |', '|---:|---:|---|', ...rows.map((row) => `| ${row.selfMs.toFixed(0)} | ${(row.share * 100).toFixed(1)}% | ${row.area} |`), ''].join('\n');
}

export function profileMarkdown(summaries: ProfileSummary[], perProfile = 12): string {
  const out: string[] = [];
  for (const summary of summaries) {
    const busy = (summary.totalMs - summary.idleMs) / 1000;
    out.push(`${summary.file.split('/').pop()}: ${busy.toFixed(2)} s busy, ${(summary.idleMs / 1000).toFixed(2)} s idle`, '', '| self ms | share of busy | function | where |', '|---:|---:|---|---|');
    for (const hot of summary.top.slice(0, perProfile))
      out.push(`| ${hot.selfMs.toFixed(0)} | ${(hot.share * 100).toFixed(1)}% | ${hot.name} | ${hot.where} |`);
    out.push('');
  }
  return out.join('\n');
}
