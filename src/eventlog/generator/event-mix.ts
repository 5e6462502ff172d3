import type { Fields, Moment } from './envelope.js';
import { enrollmentEvent, forumEvent, implicitPageView, navigationEvent, taskEvent, textbookEvent } from './other-events.js';
import { browserProblemEvent, implicitProblemCheck, serverProblemCheck } from './problem-events.js';
import { Weighted, type Random } from './random.js';
import { videoEvent } from './video-events.js';
import type { Course } from './world.js';

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

/** Build one event of `kind` at moment `m`. */
export function buildEvent(kind: string, m: Moment, random: Random, courses: readonly Course[]): GeneratedEvent {
  const course = courses[random.skewed(courses.length, 1.5)]!;
  const learner = course.learners[random.skewed(course.learners.length, 2)]!;
  const problem = course.problems[random.skewed(course.problems.length, 1.7)]!;
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
