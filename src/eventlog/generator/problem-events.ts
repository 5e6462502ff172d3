import { browserEnvelope, coursewareUrl, q, qc, serverEnvelope, type Fields, type Moment } from './envelope.js';
import type { Random } from './random.js';
import { freeAnswer, type Course, type Learner, type Problem, type ProblemPart } from './world.js';

/** One learner's answer to one part: the raw `answers` value and what `submission.answer` shows. */
interface PartAnswer {
  part: ProblemPart;
  raw: string | string[];
  shown: string | string[];
  correct: boolean;
}

function answerPart(random: Random, part: ProblemPart, attempt: number): PartAnswer {
  // Later attempts are more often right, so first and last answers differ in a realistic way.
  const right = random.chance(0.35 + 0.15 * Math.min(attempt, 4));
  const { choices } = part;
  if (part.responseType === 'choiceresponse') {
    const picked = choices.filter((_, i) => i === part.correct ? right || random.chance(0.5) : !right && random.chance(0.4));
    if (picked.length === 0) picked.push(choices[0]!);
    return { part, raw: picked.map((c) => c.id), shown: picked.map((c) => c.text), correct: right };
  }
  if (choices.length > 0) {
    const choice = right ? choices[part.correct as number]! : random.pick(choices);
    const isRight = choice === choices[part.correct as number];
    // Dropdowns report the option text itself; choice groups report the choice id.
    const raw = part.responseType === 'optionresponse' ? choice.text : choice.id;
    return { part, raw, shown: choice.text, correct: isRight };
  }
  const text = right ? (part.correct as string) : freeAnswer(random, part.responseType, false);
  return { part, raw: text, shown: text, correct: text === part.correct };
}

const jsonValue = (v: string | string[]) => (typeof v === 'string' ? qc(v) : '[' + v.map(qc).join(', ') + ']');

function correctMapEntry(correct: boolean): string {
  return `{"hint": "", "hintmode": null, "correctness": "${correct ? 'correct' : 'incorrect'}", "msg": "", "npoints": null, "queuestate": null}`;
}

/**
 * A server problem_check: the event answer distribution is built from. The
 * usual form carries `submission`; `legacy` events (before 2014) do not, and
 * formula parts carry the hidden `_dynamath` rendering edX skips.
 */
export function serverProblemCheck(m: Moment, random: Random, course: Course, learner: Learner, problem: Problem, legacy: boolean): Fields {
  const attempt = random.between(1, 5);
  const answers = problem.parts.map((part) => answerPart(random, part, attempt));
  const seed = problem.randomized ? random.between(1, 20) : 1;
  const answerFields: string[] = [];
  const submission: string[] = [];
  const correctMap: string[] = [];
  for (const a of answers) {
    answerFields.push(`${qc(a.part.answerId)}: ${jsonValue(a.raw)}`);
    correctMap.push(`${qc(a.part.answerId)}: ${correctMapEntry(a.correct)}`);
    submission.push(
      `${qc(a.part.answerId)}: {"input_type": ${qc(a.part.inputType)}, "question": ${qc(a.part.question)}, "response_type": "${a.part.responseType}", ` +
        `"answer": ${jsonValue(a.shown)}, "variant": ${problem.randomized ? String(seed) : '""'}, "correct": ${a.correct}}`,
    );
    if (a.part.responseType === 'formularesponse') {
      const hidden = `${q(a.part.answerId + '_dynamath')}: ${q('<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>')}`;
      answerFields.push(hidden);
      if (legacy) correctMap.push(`${q(a.part.answerId + '_dynamath')}: ${correctMapEntry(false)}`);
    }
  }
  const score = answers.filter((a) => a.correct).length;
  const path = `/courses/${course.id}/xblock/${problem.id}/handler/xmodule_handler/problem_check`;
  const fields = serverEnvelope(m, learner, course, 'problem_check', path);
  const context = fields.context as Fields;
  context.module = `{"usage_key": ${qc(problem.id)}, "display_name": ${qc(problem.displayName)}}`;
  if (problem.tags) context.asides = `{"tagging_aside": {"saved_tags": {"difficulty_tag": ${qc(problem.tags)}}}}`;
  context.username = qc(learner.username);
  fields.page = '"x_module"';
  fields.name = '"problem_check"';
  const submissionText = legacy ? '' : `"submission": {${submission.join(', ')}}, `;
  fields.event =
    `{${submissionText}` +
    `"success": "${score === answers.length ? 'correct' : 'incorrect'}", "grade": ${score}, "max_grade": ${answers.length}, ` +
    `"state": {"seed": ${seed}, "done": ${attempt > 1 ? 'true' : 'null'}, "correct_map": {}, "student_answers": {}, "input_state": {}}, ` +
    `"problem_id": ${qc(problem.id)}, "attempts": ${attempt}, "answers": {${answerFields.join(', ')}}, "correct_map": {${correctMap.join(', ')}}}`;
  return fields;
}

/** The request the LMS logs for the same submission: event_type is the URL, the payload a (possibly cut) POST dump. */
export function implicitProblemCheck(m: Moment, random: Random, course: Course, learner: Learner, problem: Problem): Fields {
  const path = `/courses/${course.id}/xblock/${problem.id}/handler/xmodule_handler/problem_check`;
  const fields = serverEnvelope(m, learner, course, path, path);
  const inputs = problem.parts.map((p) => `${q('input_' + p.answerId)}: [${q(freeAnswer(random, p.responseType, true))}]`).join(', ');
  let payload = `{"POST": {${inputs}}, "GET": {}}`;
  if (payload.length > 512) payload = payload.slice(0, 512); // edX cut these at 512 characters
  fields.event = q(payload);
  return fields;
}

function queryString(random: Random, problem: Problem): string {
  return problem.parts.map((p) => `input_${p.answerId}=${encodeURIComponent(String(answerPart(random, p, 1).raw))}`).join('&');
}

/** Browser problem_check (url-encoded inputs), problem_graded (a [query, html] list) and the show/save/reset clicks. */
export function browserProblemEvent(m: Moment, random: Random, course: Course, learner: Learner, problem: Problem, kind: string): Fields {
  const fields = browserEnvelope(m, learner, course, kind, coursewareUrl(m, course, random.pick(course.chapters)));
  if (kind === 'problem_check') fields.event = q(queryString(random, problem));
  else if (kind === 'problem_graded') fields.event = `[${q(queryString(random, problem))}, ${q(`<div class="problem"><h3>${problem.displayName}</h3></div>`)}]`;
  else fields.event = q(`{"problem": ${qc(problem.id)}}`);
  return fields;
}
