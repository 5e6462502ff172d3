import type { Task, TaskClass } from '../../core/index.js';

/**
 * The values `task` holds for the parameters `cls` declares, plus overrides:
 * how a task builds the one it requires (edX passed them as keyword
 * arguments one by one).
 */
export function passParams(cls: TaskClass, task: Task, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(cls.parameters)) if (name in task.params) out[name] = task.params[name];
  return { ...out, ...overrides };
}
