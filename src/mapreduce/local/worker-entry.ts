/**
 * A local-runner worker thread: rebuilds the task class once from the
 * blueprint, then runs map and reduce tasks one at a time, each on a fresh
 * task instance, and replies with its spills and counters.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadTaskClass, instantiate, type TaskBlueprint } from './blueprint.js';
import type { WorkReply, WorkRequest } from './messages.js';
import { RecordBuffer } from './record-buffer.js';
import { runMapTask, runReduceTask } from './work.js';

const blueprint = workerData as TaskBlueprint;
const taskClass = loadTaskClass(blueprint);
// Keep a failed import from surfacing as an unhandled rejection before the first request awaits it.
taskClass.catch(() => undefined);
/** This thread's map output buffer, made by the first map task and reused by the next ones. */
let records: RecordBuffer | undefined;

parentPort!.on('message', async ({ id, request }: { id: number; request: WorkRequest }) => {
  let counters = {};
  try {
    const task = instantiate(await taskClass, blueprint);
    let spills: Extract<WorkReply, { ok: true }>['spills'] = [];
    if (request.kind === 'map') spills = await runMapTask(task, request, (records ??= new RecordBuffer(request.budgetBytes)));
    else {
      records = undefined; // the map phase is over: give its buffer back before reducing
      runReduceTask(task, request);
    }
    counters = task.counters.toJSON();
    parentPort!.postMessage({ id, ok: true, spills, counters } satisfies WorkReply);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    parentPort!.postMessage({ id, ok: false, error: { name: e.name, message: e.message, stack: e.stack }, counters } satisfies WorkReply);
  }
});
