/**
 * Worker-thread entry: writes one day's file. Each worker rebuilds the world
 * from the seed (a few milliseconds), so days made in parallel are the same
 * bytes as days made one after another.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { addDays } from '../../core/iso-day.js';
import { writeDay, type DayPlan } from './day-file.js';
import { buildWorld } from './world.js';

const plan = workerData as DayPlan;
const summary = await writeDay(plan, buildWorld(plan.seed), addDays(plan.day, -1));
parentPort!.postMessage(summary);
