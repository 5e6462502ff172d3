import { browserEnvelope, coursewareUrl, serverEnvelope, type Fields, type Moment } from './envelope.js';
import { q } from './json-text.js';
import type { Random } from './random.js';
import { freeAnswer, type Course, type Learner, type Problem, type ProblemPart } from './world.js';

/** One learner's answer to one part, as JSON texts: the raw `answers` value and what `submission.answer` shows. */
interface PartAnswer {
  part: ProblemPart;
  raw: string;
  shown: string;
  /** The raw value unencoded, for the browser's query string. */
  query: string;
  correct: boolean;
}

function answerPart(random: Random, part: ProblemPart, attempt: number): PartAnswer {
  // Later attempts are more often right, so first and last answers differ in a realistic way.
  const right = random.chance(0.35 + 0.15 * Math.min(attempt, 4));
  const { choices } = part;
  if (part.responseType === 'choiceresponse') {
    const picked = choices.filter((_, i) => (i === part.correct ? right || random.chance(0.5) : !right && random.chance(0.4)));
    if (picked.length === 0) picked.push(choices[0]!);
    const raw = '[' + picked.map((c) => c.json.id).join(', ') + ']';
    const shown = '[' + picked.map((c) => c.json.text).join(', ') + ']';
    return { part, raw, shown, query: picked.map((c) => c.id).join(','), correct: right };
  }
  if (choices.length > 0) {
    const choice = right ? choices[part.correct as number]! : random.pick(choices);
    const isRight = choice === choices[part.correct as number];
    // Dropdowns report the option text itself; choice groups report the choice id.
    const raw = part.responseType === 'optionresponse' ? choice.json.text : choice.json.id;
    return { part, raw, shown: choice.json.text, query: choice.id, correct: isRight };
  }
  // Typed answers are learners' text: written as raw UTF-8.
  const text = right ? (part.correct as string) : freeAnswer(random, part.responseType, false);
  const json = q(text);
  return { part, raw: json, shown: json, query: text, correct: text === part.correct };
}

const correctMapEntry = (correct: boolean) =>
  `{"hint": "", "hintmode": null, "correctness": "${correct ? 'correct' : 'incorrect'}", "msg": "", "npoints": null, "queuestate": null}`;
const MATHML = q('<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>');

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
    const id = a.part.json.answerId;
    answerFields.push(`${id}: ${a.raw}`);
    correctMap.push(`${id}: ${correctMapEntry(a.correct)}`);
    submission.push(
      `${id}: {"input_type": ${a.part.json.inputType}, "question": ${a.part.json.question}, "response_type": "${a.part.responseType}", ` +
        `"answer": ${a.shown}, "variant": ${problem.randomized ? String(seed) : '""'}, "correct": ${a.correct}}`,
    );
    if (a.part.responseType === 'formularesponse') {
      answerFields.push(`${a.part.json.dynamath}: ${MATHML}`);
      if (legacy) correctMap.push(`${a.part.json.dynamath}: ${correctMapEntry(false)}`);
    }
  }
  const score = answers.filter((a) => a.correct).length;
  const path = `"/courses/${course.json.idBody}/xblock/${problem.json.idBody}/handler/xmodule_handler/problem_check"`;
  const fields = serverEnvelope(m, learner, course, '"problem_check"', path);
  const context = fields.context as Fields;
  context.module = `{"usage_key": ${problem.json.id}, "display_name": ${problem.json.displayName}}`;
  if (problem.tags) context.asides = `{"tagging_aside": {"saved_tags": {"difficulty_tag": "${problem.tags}"}}}`;
  context.username = learner.json.username;
  fields.page = '"x_module"';
  fields.name = '"problem_check"';
  const submissionText = legacy ? '' : `"submission": {${submission.join(', ')}}, `;
  fields.event =
    `{${submissionText}"success": "${score === answers.length ? 'correct' : 'incorrect'}", "grade": ${score}, "max_grade": ${answers.length}, ` +
    `"state": {"seed": ${seed}, "done": ${attempt > 1 ? 'true' : 'null'}, "correct_map": {}, "student_answers": {}, "input_state": {}}, ` +
    `"problem_id": ${problem.json.id}, "attempts": ${attempt}, "answers": {${answerFields.join(', ')}}, "correct_map": {${correctMap.join(', ')}}}`;
  return fields;
}

/** The request the LMS logs for the same submission: event_type is the URL, the payload a (possibly cut) POST dump. */
export function implicitProblemCheck(m: Moment, random: Random, course: Course, learner: Learner, problem: Problem): Fields {
  const path = `"/courses/${course.json.idBody}/xblock/${problem.json.idBody}/handler/xmodule_handler/problem_check"`;
  const fields = serverEnvelope(m, learner, course, path, path);
  const inputs = problem.parts.map((p) => `"input_${p.json.answerId.slice(1)}: [${answerPart(random, p, 1).raw}]`).join(', ');
  let payload = `{"POST": {${inputs}}, "GET": {}}`;
  if (payload.length > 512) payload = payload.slice(0, 512); // edX cut these at 512 characters
  fields.event = q(payload);
  return fields;
}

function queryString(random: Random, problem: Problem): string {
  return problem.parts.map((p) => `input_${p.answerId}=${encodeURIComponent(answerPart(random, p, 1).query)}`).join('&');
}

/** Browser problem_check (url-encoded inputs), problem_graded (a [query, html] list) and the show/save/reset clicks. */
export function browserProblemEvent(m: Moment, random: Random, course: Course, learner: Learner, problem: Problem, kind: string): Fields {
  const fields = browserEnvelope(m, learner, course, `"${kind}"`, coursewareUrl(m, course, random.pick(course.chapters)));
  if (kind === 'problem_check') fields.event = q(queryString(random, problem));
  else if (kind === 'problem_graded') fields.event = `[${q(queryString(random, problem))}, ${q(`<div class="problem"><h3>${problem.displayName}</h3></div>`)}]`;
  else fields.event = q(`{"problem": ${problem.json.id}}`);
  return fields;
}
