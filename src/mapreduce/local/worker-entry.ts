/**
 * A local-runner worker thread, kept for the whole run: each request names
 * its task by blueprint; the class is loaded once per blueprint and every
 * map or reduce task runs on a fresh instance (its own counters and hooks),
 * replying with its spills and counters.
 */
import { parentPort } from 'node:worker_threads';
import { Config, registry, type TaskClass } from '../../core/index.js';
import type { MapReduceTask } from '../job.js';
import { loadTaskClass, instantiate, type TaskBlueprint } from './blueprint.js';
import type { WorkMessage, WorkReply } from './messages.js';
import { RecordBuffer } from './record-buffer.js';
import { runMapTask, runReduceTask } from './work.js';

/** Loaded task classes by family and modules: parameters differ per job, classes do not. */
const classes = new Map<string, Promise<TaskClass<MapReduceTask>>>();
/** The config entries now in registry.config, as JSON. */
let configInForce: string | undefined;
/** This thread's map output buffer, reused by the map tasks of a phase; dropped when the thread goes idle. */
let records: RecordBuffer | undefined;

function classOf(blueprint: TaskBlueprint): Promise<TaskClass<MapReduceTask>> {
  const config = JSON.stringify(blueprint.config);
  if (config !== configInForce) {
    // The config in force is the one this job was described with, not what an earlier job left.
    registry.config = new Config();
    for (const [section, key, value, source] of blueprint.config) registry.config.set(section, key, value, source);
    configInForce = config;
  }
  const key = JSON.stringify([blueprint.family, blueprint.modules]);
  let cls = classes.get(key);
  if (!cls) {
    classes.set(key, (cls = loadTaskClass(blueprint)));
    cls.catch(() => classes.delete(key)); // a failed import is retried by the next job, not remembered
  }
  return cls;
}

parentPort!.on('message', async (message: WorkMessage) => {
  if ('release' in message) {
    records = undefined;
    return;
  }
  const { id, blueprint, request } = message;
  let counters = {};
  try {
    const task = instantiate(await classOf(blueprint), blueprint);
    let spills: Extract<WorkReply, { ok: true }>['spills'] = [];
    if (request.kind === 'map') {
      spills = await runMapTask(task, request, (records ??= new RecordBuffer(request.budgetBytes)));
    } else {
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
