import { jsonText } from './json-text.js';
import { Random } from './random.js';

/**
 * The imaginary site the logs come from: courses (in every course-id form
 * edX has used), their problems, videos and learners. Built from the seed
 * alone, so every day of a run, generated in any order, describes the same
 * world.
 */
export type ResponseType =
  | 'multiplechoiceresponse'
  | 'choiceresponse'
  | 'optionresponse'
  | 'numericalresponse'
  | 'stringresponse'
  | 'formularesponse'
  | 'customresponse';

export interface Choice {
  id: string;
  text: string;
  /** JSON texts of id and text, encoded once. */
  json: { id: string; text: string };
}

export interface ProblemPart {
  answerId: string;
  responseType: ResponseType;
  inputType: string;
  question: string;
  choices: Choice[];
  /** Index of the correct choice, or the correct text for free-form parts. */
  correct: number | string;
  json: { answerId: string; question: string; inputType: string; dynamath: string };
}

export interface Problem {
  id: string;
  displayName: string;
  parts: ProblemPart[];
  /** Randomized problems report a variant (seed) per learner. */
  randomized: boolean;
  /** Tags a course team put on the problem (edX tagging aside). */
  tags: string | null;
  /** JSON text of id and display name; `idBody` is the id's JSON text without quotes, for building URLs. */
  json: { id: string; idBody: string; displayName: string };
}

export interface Course {
  id: string;
  org: string;
  /** True for `org/course/run`: its blocks use `i4x://` ids. */
  deprecated: boolean;
  problems: Problem[];
  videos: string[];
  chapters: string[];
  learners: Learner[];
  json: { id: string; idBody: string; org: string };
}

export interface Learner {
  username: string;
  userId: number;
  ip: string;
  session: string;
  agent: string;
  json: { username: string; ip: string; agent: string; session: string };
}

const ORGS = ['PipeU', 'ExampleX', 'LakeCollege', 'OpenTech'];
/** One course's org is not ASCII: valid in a course key, but edX drops its problem_check answers (answer ids must be ASCII). */
const UNICODE_ORG = 'Université_Sud';
const SUBJECTS = ['CHEM101', 'PHYS201', 'CS50x', 'STAT110', 'HIST1', 'BIO.2', 'MATH-3', 'ECON_101'];
const RUNS = ['2023_T3', '2024_T1', '1T2024', 'Spring_2024', '2024'];
const AGENTS = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:123.0) Gecko/20100101 Firefox/123.0',
  'edX/org.edx.mobile (3.4.1; OS Version 17.2 (Build 21C62))',
];
const FIRST = ['ana', 'bo', 'chen', 'dara', 'eli', 'fatima', 'gus', 'hana', 'ivo', 'józef', 'kai', 'lena', 'mo', 'nour', 'olu', 'pia', 'quinn', 'raj', 'sofía', 'tomo'];
const WORDS = ['acid', 'base', 'vector', 'photon', 'enzyme', 'market', 'treaty', 'matrix', 'kernel', 'orbit', 'Chōice', 'naïve', 'graph', 'entropy'];

export function buildWorld(seed: number): Course[] {
  const random = new Random(seed, 0x77);
  const learners = Array.from({ length: 4000 }, (_, i) => makeLearner(random, i));
  const courses: Course[] = [];
  for (let i = 0; i < 14; i++) {
    const org = i === 4 ? UNICODE_ORG : ORGS[i % ORGS.length]!;
    const code = SUBJECTS[i % SUBJECTS.length]!;
    const run = RUNS[i % RUNS.length]!;
    // Roughly half new-style keys, a third old slash keys, the rest the explicit `slashes:` namespace.
    const form = i % 7 === 6 ? 'slashes' : i % 3 === 1 ? 'deprecated' : 'v1';
    const id = form === 'v1' ? `course-v1:${org}+${code}+${run}` : form === 'slashes' ? `slashes:${org}+${code}+${run}` : `${org}/${code}/${run}`;
    const deprecated = form !== 'v1';
    const blockId = (type: string, name: string) =>
      deprecated ? `i4x://${org}/${code}/${type}/${name}` : `block-v1:${org}+${code}+${run}+type@${type}+block@${name}`;
    const start = random.int(learners.length - 600);
    courses.push({
      id,
      org,
      json: { id: jsonText(id), idBody: jsonText(id).slice(1, -1), org: jsonText(org) },
      deprecated,
      problems: Array.from({ length: random.between(12, 30) }, (_, p) => makeProblem(random, blockId, org, code, deprecated, p)),
      videos: Array.from({ length: random.between(5, 15) }, () => random.hex(32)),
      chapters: Array.from({ length: 6 }, () => random.hex(32)),
      learners: learners.slice(start, start + random.between(150, 600)),
    });
  }
  return courses;
}

/**
 * Learners connect from public addresses in networks all over the world (so
 * the location workflow finds countries), one in eight from the private
 * 10/8 network, as behind a campus proxy.
 */
const PUBLIC_FIRST_OCTETS = [24, 31, 41, 46, 49, 58, 62, 77, 81, 88, 91, 101, 110, 122, 130, 141, 151, 163, 177, 186, 190, 196, 200, 201, 203, 210, 212, 217];
function firstOctet(draw: number): number {
  return draw < 32 ? 10 : PUBLIC_FIRST_OCTETS[draw % PUBLIC_FIRST_OCTETS.length]!;
}

function makeLearner(random: Random, i: number): Learner {
  const name = `${random.pick(FIRST)}${i}`;
  // A few learners carry the trailing space or newline that real logs show.
  const username = i % 397 === 0 ? `${name} ` : i % 733 === 0 ? `${name}\n` : name;
  const ip = `${firstOctet(random.int(256))}.${random.int(256)}.${random.int(256)}.${random.int(256)}`;
  const session = random.hex(32);
  const agent = random.pick(AGENTS);
  return {
    username,
    userId: 1000 + i,
    ip,
    session,
    agent,
    json: { username: jsonText(username), ip: jsonText(ip), agent: jsonText(agent), session: jsonText(session) },
  };
}

const PART_TYPES: ResponseType[] = [
  'multiplechoiceresponse', 'multiplechoiceresponse', 'choiceresponse', 'optionresponse',
  'numericalresponse', 'numericalresponse', 'stringresponse', 'formularesponse', 'customresponse',
];
const INPUT_TYPES: Record<ResponseType, string> = {
  multiplechoiceresponse: 'choicegroup',
  choiceresponse: 'checkboxgroup',
  optionresponse: 'optioninput',
  numericalresponse: 'formulaequationinput',
  stringresponse: 'textline',
  formularesponse: 'formulaequationinput',
  customresponse: 'textline',
};

function makeProblem(random: Random, blockId: (t: string, n: string) => string, org: string, code: string, deprecated: boolean, index: number): Problem {
  const name = random.hex(32);
  const prefix = deprecated ? `i4x-${org}-${code}-problem-${name}` : name;
  const parts = Array.from({ length: random.between(1, 3) }, (_, k) => {
    const responseType = random.pick(PART_TYPES);
    const choiceCount = responseType.endsWith('choiceresponse') || responseType === 'optionresponse' ? random.between(3, 5) : 0;
    const choices = Array.from({ length: choiceCount }, (_, c) => {
      const text = choiceText(random, responseType, c);
      return { id: `choice_${c}`, text, json: { id: `"choice_${c}"`, text: jsonText(text) } };
    });
    const answerId = `${prefix}_${k + 2}_1`;
    const question = `Question ${index + 1}.${k + 1}: which ${random.pick(WORDS)} fits?`;
    return {
      answerId,
      responseType,
      inputType: INPUT_TYPES[responseType],
      question,
      choices,
      correct: choiceCount > 0 ? random.int(choiceCount) : freeAnswer(random, responseType, true),
      json: { answerId: jsonText(answerId), question: jsonText(question), inputType: jsonText(INPUT_TYPES[responseType]), dynamath: jsonText(answerId + '_dynamath') },
    };
  });
  const id = blockId('problem', name);
  const displayName = `Problem ${index + 1} – ${random.pick(WORDS)}`;
  return {
    id,
    displayName,
    parts,
    randomized: random.chance(0.2),
    tags: random.chance(0.3) ? random.pick(['easy', 'medium', 'hard']) : null,
    json: { id: jsonText(id), idBody: jsonText(id).slice(1, -1), displayName: jsonText(displayName) },
  };
}

function choiceText(random: Random, type: ResponseType, c: number): string {
  const word = random.pick(WORDS);
  if (type === 'optionresponse') return `${word} ${c}`;
  // Choice texts are HTML in edX's problem XML; some carry stray whitespace.
  return random.chance(0.5) ? `<p>${word} <b>${c}</b></p>` : random.chance(0.2) ? `${word} ${c}\t` : `${word} ${c}`;
}

export function freeAnswer(random: Random, type: ResponseType, correct: boolean): string {
  switch (type) {
    case 'numericalresponse':
      return correct ? '7.0' : random.pick(['6.5', '7', ' 7.0 ', '1e3', '-3.25', 'nan', 'twelve', '3,5']);
    case 'formularesponse':
      return correct ? 'x^2+2*x' : random.pick(['x^2', '2*x+x^2', 'sqrt(x)', 'x**2+2x']);
    case 'stringresponse':
      return correct ? 'photosynthesis' : random.pick(['Photosynthesis', 'respiration', 'photo synthesis', 'ｐｈｏｔｏ']);
    default:
      return correct ? 'yes' : random.pick(['no', 'maybe', '']);
  }
}
