import { DefinitionError } from '../core/index.js';
import { annotate } from './failure.js';
import type { Group } from './grouping.js';
import type { MapReduceTask } from './job.js';
import { encodeJson } from './keys.js';
import type { FinalHook, InitHook, MapReduceStep, Pairs } from './step.js';

/** Where a phase sends its output: encoded key and value. */
export type EmitEncoded = (encodedKey: string, encodedValue: string) => void;

/**
 * Where a final reduce may send a pair as it was yielded, when JSON would
 * give it back unchanged (see survivesJson): the part file line is the
 * same, without encoding the pair only to decode it again.
 */
export type EmitDirect = (key: unknown, value: unknown) => void;

function emitAll(pairs: Pairs | void, emit: EmitEncoded, who: string, direct?: EmitDirect): void {
  if (pairs === undefined || pairs === null) return;
  if (typeof (pairs as Pairs)[Symbol.iterator] !== 'function')
    throw new DefinitionError(`${who} must be a generator (function*) yielding [key, value] pairs; it returned ${typeof pairs}.`);
  for (const pair of pairs as Pairs) {
    if (!Array.isArray(pair) || pair.length !== 2)
      throw new DefinitionError(`${who} must yield [key, value] pairs; it yielded ${encodeJson(pair).slice(0, 80)}.`);
    if (direct && survivesJson(pair[0]) && survivesJson(pair[1])) direct(pair[0], pair[1]);
    else emit(encodeJson(pair[0]), encodeJson(pair[1]));
  }
}

/** A string, or a plain array of strings: JSON.parse(JSON.stringify(x)) is equal to it. */
function survivesJson(x: unknown): boolean {
  if (typeof x === 'string') return true;
  if (!Array.isArray(x) || Object.getPrototypeOf(x) !== Array.prototype) return false;
  for (let i = 0; i < x.length; i++) if (typeof x[i] !== 'string') return false; // a hole reads as undefined
  return true;
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
    readonly direct?: EmitDirect,
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
      else emitAll(fn.call(this.task, JSON.parse(encodedKey), decodeEach(values)), this.emit, this.who, this.direct);
    } catch (error) {
      throw annotate(error, `${this.who} failed on key ${encodedKey.length > 200 ? encodedKey.slice(0, 200) + '...' : encodedKey}`);
    }
  }

  finish(): void {
    callHook(this.task, this.kind === 'combiner' ? this.step.combinerFinal : this.step.reducerFinal, this.emit, this.who + 'Final');
  }
}

/** Run the combiner or the reducer of a step over sorted, grouped records. */
export function reduceGroups(task: MapReduceTask, step: MapReduceStep, stepIndex: number, kind: 'combiner' | 'reducer', groups: Iterable<Group>, emit: EmitEncoded, direct?: EmitDirect): void {
  const phase = new ReducePhase(task, step, stepIndex, kind, emit, direct);
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
