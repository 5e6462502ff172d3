import type { Fields, Moment } from './envelope.js';
import { enrollmentEvent, forumEvent, implicitPageView, navigationEvent, taskEvent, textbookEvent } from './other-events.js';
import { browserProblemEvent, implicitProblemCheck, serverProblemCheck } from './problem-events.js';
import { Weighted, type Random } from './random.js';
import { newVideoSession, nextVideoEvent, videoEvent, type VideoSession } from './video-events.js';
import type { Course, Learner, Problem } from './world.js';

/**
 * How often each kind of event appears, per line, roughly as on a busy LMS:
 * page requests and video dominate; server problem_check is about 6% of
 * lines (each often preceded by the implicit request line for the same
 * submission, which also contains `problem_check`).
 */
const MIX = new Weighted({
  pageView: 22,
  siteView: 6,
  navigation: 16,
  video: 20,
  serverProblemCheck: 6,
  browserProblemCheck: 3,
  problemGraded: 2,
  problemClick: 2,
  enrolled: 1.2,
  unenrolled: 0.3,
  modeChanged: 0.2,
  forum: 2.5,
  textbook: 2,
  task: 2.6,
});

/** Share of server problem_check events in the old form, without `submission`. */
const LEGACY_SHARE = 0.08;

export interface GeneratedEvent {
  kind: string;
  fields: Fields;
  /** Lines to write before this one (the implicit request of a problem_check). */
  before?: Fields;
}

export function pickKind(random: Random): string {
  return MIX.pick(random);
}

interface Submission {
  course: Course;
  learner: Learner;
  problem: Problem;
}

/** Share of server problem_checks that retry a recent submission (same learner, same problem). */
const RETRY_SHARE = 0.35;
const RECENT = 256;
/** Share of video events that continue a recent viewing session; a new session starts with one of them too. */
const SESSION_SHARE = 0.7;

/**
 * Builds events of a given kind. Remembers recent submissions so that
 * learners come back to a problem for another attempt, as they do: first and
 * last attempts then differ, which is what answer distribution measures.
 */
export class EventMaker {
  readonly #recent: Submission[] = [];
  #next = 0;
  readonly #sessions: VideoSession[] = [];
  #nextSession = 0;
  constructor(readonly courses: readonly Course[]) {}

  make(kind: string, m: Moment, random: Random): GeneratedEvent {
    if (kind === 'video' && random.chance(SESSION_SHARE)) return { kind, fields: nextVideoEvent(m, random, this.#session(random)) };
    if (kind === 'serverProblemCheck' && this.#recent.length > 0 && random.chance(RETRY_SHARE)) {
      const again = this.#recent[random.int(this.#recent.length)]!;
      return buildEvent(kind, m, random, again);
    }
    const course = this.courses[random.skewed(this.courses.length, 1.5)]!;
    const pick: Submission = {
      course,
      learner: course.learners[random.skewed(course.learners.length, 2)]!,
      problem: course.problems[random.skewed(course.problems.length, 1.7)]!,
    };
    if (kind === 'serverProblemCheck') {
      this.#recent[this.#next] = pick;
      this.#next = (this.#next + 1) % RECENT;
    }
    return buildEvent(kind, m, random, pick);
  }

  // A recent session, or (one time in four, or before there are any) a new one in its place.
  #session(random: Random): VideoSession {
    if (this.#sessions.length > 0 && !random.chance(0.25)) return this.#sessions[random.int(this.#sessions.length)]!;
    const course = this.courses[random.skewed(this.courses.length, 1.5)]!;
    const session = newVideoSession(random, course, course.learners[random.skewed(course.learners.length, 2)]!);
    this.#sessions[this.#nextSession] = session;
    this.#nextSession = (this.#nextSession + 1) % RECENT;
    return session;
  }
}

function buildEvent(kind: string, m: Moment, random: Random, { course, learner, problem }: Submission): GeneratedEvent {
  switch (kind) {
    case 'serverProblemCheck': {
      const legacy = random.chance(LEGACY_SHARE);
      const before = random.chance(0.5) ? implicitProblemCheck(m, random, course, learner, problem) : undefined;
      return { kind: legacy ? 'serverProblemCheckLegacy' : kind, fields: serverProblemCheck(m, random, course, learner, problem, legacy), before };
    }
    case 'browserProblemCheck':
      return { kind, fields: browserProblemEvent(m, random, course, learner, problem, 'problem_check') };
    case 'problemGraded':
      return { kind, fields: browserProblemEvent(m, random, course, learner, problem, 'problem_graded') };
    case 'problemClick':
      return { kind, fields: browserProblemEvent(m, random, course, learner, problem, random.pick(['problem_show', 'problem_save', 'problem_reset'])) };
    case 'enrolled':
      return { kind, fields: enrollmentEvent(m, random, course, learner, 'activated') };
    case 'unenrolled':
      return { kind, fields: enrollmentEvent(m, random, course, learner, 'deactivated') };
    case 'modeChanged':
      return { kind, fields: enrollmentEvent(m, random, course, learner, 'mode_changed') };
    case 'video':
      return { kind, fields: videoEvent(m, random, course, learner) };
    case 'navigation':
      return { kind, fields: navigationEvent(m, random, course, learner) };
    case 'forum':
      return { kind, fields: forumEvent(m, random, course, learner) };
    case 'textbook':
      return { kind, fields: textbookEvent(m, random, course, learner) };
    case 'task':
      return { kind, fields: taskEvent(m, random, course, learner) };
    case 'siteView':
      return { kind, fields: implicitPageView(m, random, null, random.chance(0.7) ? learner : null) };
    default:
      return { kind: 'pageView', fields: implicitPageView(m, random, course, learner) };
  }
}
