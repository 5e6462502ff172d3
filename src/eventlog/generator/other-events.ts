import { browserEnvelope, coursewareUrl, serverEnvelope, type Fields, type Moment } from './envelope.js';
import { plain, q } from './json-text.js';
import type { Random } from './random.js';
import type { Course, Learner } from './world.js';

const MODES = ['audit', 'audit', 'audit', 'honor', 'verified', 'professional', 'no-id-professional', 'credit'];
const SITE_PAGES = ['"/dashboard"', '"/jsi18n/"', '"/"', '"/courses"', '"/user_api/v1/account/login_session/"'];

/** edx.course.enrollment.activated / deactivated / mode_changed: the learner is in the payload. */
export function enrollmentEvent(m: Moment, random: Random, course: Course, learner: Learner, kind: string): Fields {
  const eventType = `"edx.course.enrollment.${kind}"`;
  const fields = serverEnvelope(m, learner, course, eventType, random.pick(['"/change_enrollment"', '"/api/enrollment/v1/enrollment"']));
  if (random.chance(0.1)) fields.username = '"anonymous"'; // management commands log as anonymous
  fields.event = `{"course_id": ${course.json.id}, "user_id": ${learner.userId}, "mode": "${random.pick(MODES)}"}`;
  fields.name = eventType;
  return fields;
}

/** A page request the LMS logs on its own: event_type is the path, the payload a POST/GET dump. */
export function implicitPageView(m: Moment, random: Random, course: Course | null, learner: Learner | null): Fields {
  const path = course ? `"/courses/${course.json.idBody}/courseware/${random.pick(course.chapters)}/"` : random.pick(SITE_PAGES);
  const fields = serverEnvelope(m, learner, course, path, path);
  fields.event = '"{\\"POST\\": {}, \\"GET\\": {}}"';
  return fields;
}

/** Sequence navigation, page closes and the newer edx.ui.lms.* clicks (browser). */
export function navigationEvent(m: Moment, random: Random, course: Course, learner: Learner): Fields {
  const kind = random.pick(['seq_goto', 'seq_next', 'seq_prev', 'page_close', 'page_close', 'edx.ui.lms.outline.selected', 'edx.ui.lms.sequence.next_selected']);
  const chapter = random.pick(course.chapters);
  const url = coursewareUrl(m, course, chapter);
  const fields = browserEnvelope(m, learner, course, plain(kind), url);
  const from = random.between(1, 8);
  if (kind === 'page_close') fields.event = '""';
  else if (kind.startsWith('seq_')) fields.event = q(`{"old": ${from}, "new": ${from + 1}, "id": "${chapter}"}`);
  else fields.event = q(`{"target_name": "Unit ${from}", "target_url": ${url}, "current_tab": ${from}, "tab_count": 9}`);
  return fields;
}

/** Discussion activity (server); `*.created` events count as contributions. Bodies are learners' text: raw UTF-8. */
export function forumEvent(m: Moment, random: Random, course: Course, learner: Learner): Fields {
  const kind = random.pick(['thread.created', 'response.created', 'comment.created', 'searched', 'thread.voted']);
  const eventType = `"edx.forum.${kind}"`;
  const topic = `topic-${random.pick(course.chapters).slice(0, 8)}`;
  const fields = serverEnvelope(m, learner, course, eventType, `"/courses/${course.json.idBody}/discussion/${topic}/threads/create"`);
  fields.name = eventType;
  fields.event =
    kind === 'searched'
      ? `{"query": ${q(random.pick(['exam', 'deadline', 'pH', 'preuve', '証明']))}, "page": 1, "total_results": ${random.int(40)}}`
      : `{"id": "${random.hex(24)}", "commentable_id": "${topic}", "title": "About ${topic}", "body": ${q(random.pick(['I wonder whether ...', 'Ça dépend — why?', '这个问题怎么做？', 'Thanks!']))}, ` +
        `"anonymous": false, "anonymous_to_peers": false, "user_forums_roles": ["Student"], "user_course_roles": [], "truncated": false}`;
  return fields;
}

/** PDF textbook navigation (browser). */
export function textbookEvent(m: Moment, random: Random, course: Course, learner: Learner): Fields {
  const kind = random.pick(['textbook.pdf.page.navigated', 'textbook.pdf.page.scrolled', 'textbook.pdf.thumbnails.toggled', 'book']);
  const fields = browserEnvelope(m, learner, course, plain(kind), `"https://${m.host}/courses/${course.json.idBody}/pdfbook/0/"`);
  fields.event = q(`{"name": "${kind}", "page": ${random.between(1, 300)}, "chapter": "/static/book_ch${random.between(1, 12)}.pdf"}`);
  return fields;
}

/** Grading and certificate events emitted by background tasks. */
export function taskEvent(m: Moment, random: Random, course: Course, learner: Learner): Fields {
  const kind = plain(random.pick(['edx.grades.subsection.grade_calculated', 'edx.grades.course.grade_calculated', 'edx.certificate.created']));
  const fields = serverEnvelope(m, learner, course, kind, '""');
  fields.event_source = '"task"';
  fields.name = kind;
  fields.event = `{"user_id": "${learner.userId}", "course_id": ${course.json.id}, "weighted_total_earned": ${random.int(50)}, "weighted_total_possible": 50}`;
  return fields;
}
