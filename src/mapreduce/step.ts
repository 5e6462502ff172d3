/**
 * What a map/reduce step is made of, mrjob-style. A single-step job just
 * defines `mapper`, `combiner`, `reducer` (and the hooks) as methods; a
 * multi-step job returns several steps from `steps()`. Every function is
 * called with `this` = the task, on a fresh task instance per map or reduce
 * task (as on Hadoop), so state kept on `this` lives for one phase only.
 */

/** A key/value pair a mapper, combiner or reducer yields. Keys and values must be JSON. */
export type Pair = readonly [key: unknown, value: unknown];
export type Pairs = Iterable<Pair>;

/** init hooks run before the first record of a phase; final hooks after the last, and may yield pairs. */
export type InitHook = (this: any) => void;
export type FinalHook = (this: any) => Pairs | void;

export interface MapReduceStep {
  /** Step 0: `(line)`, the decoded input line. Later steps: `(key, value)` from the step before. Absent: pass pairs through. */
  mapper?: (this: any, ...input: any[]) => Pairs;
  /** Runs on sorted map output before it is written; must yield pairs the reducer accepts. */
  combiner?: (this: any, key: any, values: Iterable<any>) => Pairs;
  /** Gets every value of one key, lazily and in no defined order. Absent: pass pairs through (sorted, grouped). */
  reducer?: (this: any, key: any, values: Iterable<any>) => Pairs;
  mapperInit?: InitHook;
  mapperFinal?: FinalHook;
  combinerInit?: InitHook;
  combinerFinal?: FinalHook;
  reducerInit?: InitHook;
  reducerFinal?: FinalHook;
}

export type Phase = 'map' | 'combine' | 'reduce';
