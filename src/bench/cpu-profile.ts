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
  totalMs: number;
  top: HotFunction[];
}

export function summarizeProfile(path: string, limit = 15): ProfileSummary {
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
  const top = [...self.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, limit);
  for (const entry of top) entry.share = total === 0 ? 0 : entry.selfMs / (total / 1000);
  return { file: path, totalMs: total / 1000, top };
}

/** Every profile in a directory (one per thread or process), largest first. */
export function summarizeProfiles(dir: string, limit?: number): ProfileSummary[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => summarizeProfile(join(dir, name), limit))
    .sort((a, b) => b.totalMs - a.totalMs);
}

function shorten(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules !== -1) return path.slice(modules + 'node_modules/'.length);
  const dist = path.lastIndexOf('/dist/');
  return dist !== -1 ? path.slice(dist + 1) : path;
}

export function profileMarkdown(summaries: ProfileSummary[], perProfile = 12): string {
  const out: string[] = [];
  for (const summary of summaries) {
    out.push(`${summary.file.split('/').pop()}: ${(summary.totalMs / 1000).toFixed(2)} s sampled`, '', '| self ms | share | function | where |', '|---:|---:|---|---|');
    for (const hot of summary.top.slice(0, perProfile))
      out.push(`| ${hot.selfMs.toFixed(0)} | ${(hot.share * 100).toFixed(1)}% | ${hot.name} | ${hot.where} |`);
    out.push('');
  }
  return out.join('\n');
}
