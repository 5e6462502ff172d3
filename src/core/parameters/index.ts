/**
 * Parameter factories: `static parameters = { n: p.int({ default: 3 }) }`.
 */
import type { ParameterOptions, Parameter } from './parameter.js';
import { BoolParameter, ChoiceParameter, FloatParameter, IntParameter, JsonParameter, PathParameter, StringParameter } from './scalar.js';
import { ListParameter } from './list.js';
import { DateIntervalParameter, DateParameter, TimeDeltaParameter } from './time.js';
import type { DateInterval } from '../date-interval.js';
import type { TimeDelta } from '../time-delta.js';

export * from './parameter.js';
export * from './scalar.js';
export * from './list.js';
export * from './time.js';

export const p = {
  string: (o?: ParameterOptions<string>) => new StringParameter(o),
  int: (o?: ParameterOptions<number>) => new IntParameter(o),
  float: (o?: ParameterOptions<number>) => new FloatParameter(o),
  bool: (o?: ParameterOptions<boolean>) => new BoolParameter(o),
  choice: <C extends string>(choices: readonly C[], o?: ParameterOptions<C>) => new ChoiceParameter(choices, o),
  list: <T>(item: Parameter<T>, o?: ParameterOptions<T[]>) => new ListParameter(item, o),
  path: (o?: ParameterOptions<string>) => new PathParameter(o),
  date: (o?: ParameterOptions<string>) => new DateParameter(o),
  dateInterval: (o?: ParameterOptions<DateInterval>) => new DateIntervalParameter(o),
  timeDelta: (o?: ParameterOptions<TimeDelta>) => new TimeDeltaParameter(o),
  json: <T = unknown>(o?: ParameterOptions<T>) => new JsonParameter<T>(o),
};
