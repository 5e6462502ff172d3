import type { Task, TaskClass } from './task.js';

/** Any class derived from Task, abstract or not: what a mixin accepts. */
export type TaskBase<T extends Task = Task> = TaskClass<T>;

/**
 * Mixins are functions from a task class to a subclass that adds parameters
 * and methods, the way edX composes MapReduceJobTaskMixin and friends:
 *
 *     export const WithName = <B extends TaskBase>(Base: B) => {
 *       abstract class WithNameMixin extends Base {
 *         static override parameters = { ...Base.parameters, name: p.string({ default: 'x' }) };
 *         declare name: string;
 *       }
 *       return WithNameMixin;
 *     };
 *
 *     class MyTask extends WithName(Task) { ... }
 */
export type Mixin<Added extends TaskBase> = <B extends TaskBase>(Base: B) => B & Added;
