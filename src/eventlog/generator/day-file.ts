import { spoil, BAD_KINDS } from './bad-lines.js';
import { serialize, type Moment } from './envelope.js';
import { EventMaker, pickKind } from './event-mix.js';
import { LineSink } from './line-sink.js';
import { Random } from './random.js';
import type { Course } from './world.js';

export interface DayPlan {
  path: string;
  /** `YYYY-MM-DD` */
  day: string;
  /** Uncompressed bytes to write (stops at the first line past it). */
  bytes: number;
  seed: number;
  dayIndex: number;
  badRate: number;
  gzip: boolean;
}

export interface DaySummary {
  path: string;
  lines: number;
  /** Uncompressed bytes. */
  bytes: number;
  kinds: Record<string, number>;
  bad: Record<string, number>;
}

const HOSTS = ['lms-1.pipewright.test', 'lms-2.pipewright.test', 'lms-3.pipewright.test'];
const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

/** `2024-03-04T10:21:44.318002+00:00`; about 1 in 20 without the fraction, as edX logs have them. */
function timestamp(day: string, secondOfDay: number, random: Random): string {
  const s = Math.floor(secondOfDay);
  const clock = `${day}T${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
  if (random.chance(0.05)) return clock + '+00:00';
  return clock + '.' + String(Math.floor((secondOfDay - s) * 1e6)).padStart(6, '0') + '+00:00';
}

/**
 * Write one day's log. Time advances with the bytes written, so events are
 * in time order like a real rotated file, except a few late arrivals from
 * the previous evening at the start (what expand_interval exists for).
 */
export async function writeDay(plan: DayPlan, courses: readonly Course[], previousDay: string): Promise<DaySummary> {
  const random = new Random(plan.seed, plan.dayIndex + 1);
  const sink = new LineSink(plan.path, plan.gzip);
  const kinds: Record<string, number> = {};
  const bad: Record<string, number> = {};
  const maker = new EventMaker(courses);
  while (sink.approxBytes < plan.bytes) {
    if (sink.mustWait) await sink.drain();
    const progress = Math.min(1, (sink.approxBytes) / plan.bytes);
    const late = progress < 0.03 && random.chance(0.2);
    const host = random.pick(HOSTS);
    const m: Moment = {
      time: late ? timestamp(previousDay, 86_100 + random.next() * 299, random) : timestamp(plan.day, progress * 86_399.999, random),
      host,
    };
    const spoilt = random.chance(plan.badRate) ? random.pick(BAD_KINDS) : null;
    // Half the damaged lines are problem_check events, so the answer distribution path meets every kind.
    const event = maker.make(spoilt && random.chance(0.5) ? 'serverProblemCheck' : pickKind(random), m, random);
    if (event.before) {
      sink.add(serialize(event.before));
      kinds.implicitProblemCheck = (kinds.implicitProblemCheck ?? 0) + 1;
    }
    if (spoilt) {
      const line = spoil(spoilt, event.fields, random);
      sink.add(line);
      bad[spoilt] = (bad[spoilt] ?? 0) + 1;
    } else {
      sink.add(serialize(event.fields));
      kinds[event.kind] = (kinds[event.kind] ?? 0) + 1;
    }
  }
  await sink.close();
  return { path: plan.path, lines: sink.lines, bytes: sink.bytes, kinds, bad };
}
