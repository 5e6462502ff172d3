import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident memory of a process and all its descendants, read from /proc.
 * Linux only: elsewhere it reports null and the bench prints "n/a" rather
 * than a number it did not measure.
 */

export const procAvailable = (() => {
  try {
    readFileSync('/proc/self/status');
    return true;
  } catch {
    return false;
  }
})();

/** The parent pid from /proc/<pid>/stat; the command name may hold spaces or parens, so read after the last ')'. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[1]);
  } catch {
    return undefined; // the process ended between readdir and read
  }
}

/** VmRSS in bytes, or 0 for a process that just ended (or a zombie, which has none). */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The pid itself and every descendant alive right now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent === undefined) continue;
    const list = children.get(parent);
    if (list) list.push(pid);
    else children.set(parent, [pid]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    tree.push(pid);
    for (const child of children.get(pid) ?? []) queue.push(child);
  }
  return tree;
}

/** Sum of VmRSS over the tree, in bytes. Skipping `exclude` lets a wrapper (/usr/bin/time) leave itself out. */
export function treeRss(root: number, exclude?: number): number {
  let total = 0;
  for (const pid of processTree(root)) if (pid !== exclude) total += rssOf(pid);
  return total;
}
