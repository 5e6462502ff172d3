import { flatten } from '../core/flatten.js';
import { Task } from '../core/task.js';

/**
 * edX's `launch-task --dependency-tree`: the whole tree below the roots with
 * each task's state, without running anything. Unlike a run it expands
 * complete tasks too (you asked to see everything). A task met again is
 * shown once and then referred to; a cycle is marked where it closes.
 *
 *     └─ WordCount(dest=counts.tsv, ...)_1a2b... PENDING
 *        └─ RawLog(path=notes.txt)_3c4d... COMPLETE
 */
export async function formatDependencyTree(roots: readonly Task[]): Promise<string> {
  const lines: string[] = [];
  const shown = new Set<string>();
  const visit = async (task: Task, prefix: string, last: boolean, path: readonly string[]): Promise<void> => {
    const branch = prefix + (last ? '└─ ' : '├─ ');
    if (path.includes(task.id)) return void lines.push(`${branch}${task.id} (cycle)`);
    if (shown.has(task.id)) return void lines.push(`${branch}${task.id} (shown above)`);
    shown.add(task.id);
    lines.push(`${branch}${task.id} ${await stateOf(task)}`);
    const children = (flatten(task.requires() as never) as unknown[]).filter((c): c is Task => c instanceof Task);
    for (const [i, child] of children.entries()) await visit(child, prefix + (last ? '   ' : '│  '), i === children.length - 1, [...path, task.id]);
  };
  for (const [i, root] of roots.entries()) await visit(root, '', i === roots.length - 1, []);
  return lines.join('\n') + '\n';
}

async function stateOf(task: Task): Promise<string> {
  try {
    return (await task.complete()) ? 'COMPLETE' : 'PENDING';
  } catch (error) {
    return `ERROR (${error instanceof Error ? error.message : String(error)})`;
  }
}
