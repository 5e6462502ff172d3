import { DefinitionError } from '../core/index.js';
import { annotate } from './failure.js';
import type { Group } from './grouping.js';
import type { MapReduceTask } from './job.js';
import { encodeJson } from './keys.js';
import type { FinalHook, InitHook, MapReduceStep, Pairs } from './step.js';

/** Where a phase sends its output: encoded key and value. */
export type EmitEncoded = (encodedKey: string, encodedValue: string) => void;

function emitAll(pairs: Pairs | void, emit: EmitEncoded, who: string): void {
  if (pairs === undefined || pairs === null) return;
  if (typeof (pairs as Pairs)[Symbol.iterator] !== 'function')
    throw new DefinitionError(`${who} must be a generator (function*) yielding [key, value] pairs; it returned ${typeof pairs}.`);
  for (const pair of pairs as Pairs) {
    if (!Array.isArray(pair) || pair.length !== 2)
      throw new DefinitionError(`${who} must yield [key, value] pairs; it yielded ${encodeJson(pair).slice(0, 80)}.`);
    emit(encodeJson(pair[0]), encodeJson(pair[1]));
  }
}

function callHook(task: MapReduceTask, hook: InitHook | FinalHook | undefined, emit: EmitEncoded, who: string): void {
  if (hook) emitAll(hook.call(task) as Pairs | void, emit, who);
}

/** The map phase of one step on one task instance: start(), then line() or record() per input, then finish(). */
export class MapPhase {
  readonly who: string;
  constructor(
    readonly task: MapReduceTask,
    readonly step: MapReduceStep,
    readonly stepIndex: number,
    readonly emit: EmitEncoded,
  ) {
    this.who = `${task.family} step ${stepIndex} mapper`;
  }

  start(): void {
    callHook(this.task, this.step.mapperInit, this.emit, this.who + 'Init');
  }

  /** A raw input line (step 0). */
  line(line: string): void {
    emitAll(this.step.mapper!.call(this.task, line), this.emit, this.who);
  }

  /** A record of the step before (steps after 0). */
  record(encodedKey: string, encodedValue: string): void {
    if (!this.step.mapper) return this.emit(encodedKey, encodedValue);
    emitAll(this.step.mapper.call(this.task, JSON.parse(encodedKey), JSON.parse(encodedValue)), this.emit, this.who);
  }

  finish(): void {
    callHook(this.task, this.step.mapperFinal, this.emit, this.who + 'Final');
  }
}

/** The combine or reduce phase of one step on one task instance: start(), group() per key in key order, finish(). */
export class ReducePhase {
  readonly who: string;
  constructor(
    readonly task: MapReduceTask,
    readonly step: MapReduceStep,
    readonly stepIndex: number,
    readonly kind: 'combiner' | 'reducer',
    readonly emit: EmitEncoded,
  ) {
    this.who = `${task.family} step ${stepIndex} ${kind}`;
  }

  start(): void {
    callHook(this.task, this.kind === 'combiner' ? this.step.combinerInit : this.step.reducerInit, this.emit, this.who + 'Init');
  }

  /** All values of one key (encoded). Absent combiner or reducer: the values pass through. */
  group(encodedKey: string, values: Iterable<string>): void {
    const fn = this.step[this.kind];
    try {
      if (!fn) for (const value of values) this.emit(encodedKey, value);
      else emitAll(fn.call(this.task, JSON.parse(encodedKey), decodeEach(values)), this.emit, this.who);
    } catch (error) {
      throw annotate(error, `${this.who} failed on key ${encodedKey.length > 200 ? encodedKey.slice(0, 200) + '...' : encodedKey}`);
    }
  }

  finish(): void {
    callHook(this.task, this.kind === 'combiner' ? this.step.combinerFinal : this.step.reducerFinal, this.emit, this.who + 'Final');
  }
}

/** Run the combiner or the reducer of a step over sorted, grouped records. */
export function reduceGroups(task: MapReduceTask, step: MapReduceStep, stepIndex: number, kind: 'combiner' | 'reducer', groups: Iterable<Group>, emit: EmitEncoded): void {
  const phase = new ReducePhase(task, step, stepIndex, kind, emit);
  phase.start();
  for (const group of groups) phase.group(group.encodedKey, group.values);
  phase.finish();
}

/** JSON-decodes values as the reducer pulls them (an iterator object: cheaper than a generator per key). */
function decodeEach(values: Iterable<string>): Iterable<unknown> {
  const source = values[Symbol.iterator]();
  const decoded: Iterator<unknown> & Iterable<unknown> = {
    next() {
      const n = source.next();
      return n.done ? n : { done: false, value: JSON.parse(n.value) };
    },
    [Symbol.iterator]() {
      return decoded;
    },
  };
  return decoded;
}
