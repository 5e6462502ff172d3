import { DefinitionError, ExitCode, isUserFacing } from '../core/errors.js';
import { flatten } from '../core/flatten.js';
import { isTarget } from '../core/target.js';
import { ExternalTask, Task } from '../core/task.js';

/** A task as the scheduler sees it after checking complete(). */
export interface GraphNode {
  task: Task;
  /** `pending` will run; the others are settled already. */
  state: 'complete' | 'pending' | 'missing' | 'failed';
  /** Ids of the tasks it requires (only for pending nodes: complete ones are not expanded). */
  deps: string[];
  error?: unknown;
}

/**
 * Walks from the roots, asking each task complete(). A complete task is not
 * expanded (its requirements are never asked), which makes re-runs cheap; an
 * incomplete ExternalTask is missing input; an incomplete task is asked
 * preflight(). Tasks are deduplicated by id.
 * Throws DefinitionError for a cycle (naming it) or requires() returning a Target.
 */
export async function buildGraph(roots: readonly Task[]): Promise<Map<string, GraphNode>> {
  const nodes = new Map<string, GraphNode>();
  const visit = async (task: Task, path: readonly string[]): Promise<void> => {
    const id = task.id;
    const seenAt = path.indexOf(id);
    if (seenAt >= 0) throw new DefinitionError(`Dependency cycle: ${[...path.slice(seenAt), id].join(' -> ')}. Break it in one of these requires().`);
    if (nodes.has(id)) return;
    let leaves: unknown[];
    try {
      if (await task.complete()) return void nodes.set(id, { task, state: 'complete', deps: [] });
      if (task instanceof ExternalTask) return void nodes.set(id, { task, state: 'missing', deps: [] });
      leaves = flatten(task.requires() as never);
      task.preflight();
    } catch (error) {
      // Input found missing while planning (a file a flag names) is missing input, as when run() finds it.
      const state = isUserFacing(error) && error.exitCode === ExitCode.missingInput ? 'missing' : 'failed';
      return void nodes.set(id, { task, state, deps: [], error });
    }
    const requirements = asTasks(task, leaves);
    for (const dep of requirements) await visit(dep, [...path, id]);
    nodes.set(id, { task, state: 'pending', deps: [...new Set(requirements.map((t) => t.id))] });
  };
  for (const root of roots) await visit(root, []);
  return nodes;
}

function asTasks(task: Task, leaves: unknown[]): Task[] {
  for (const leaf of leaves) {
    if (leaf instanceof Task) continue;
    if (isTarget(leaf))
      throw new DefinitionError(`${task.family}.requires() returned a Target (${String(leaf)}); wrap it in an ExternalTask whose output() is that target.`);
    throw new DefinitionError(`${task.family}.requires() returned ${JSON.stringify(leaf) ?? String(leaf)}, which is not a Task.`);
  }
  return leaves as Task[];
}
