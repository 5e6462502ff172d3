import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/sql/index.js';
import { LAUNCH_TASK } from '../../support/paths.js';
import { launchTask, renderDbRows, SELECT_ROWS } from './support/cli.js';

// A 2013 course whose events predate `submission`: without metadata none of its parts is counted.
const COURSE = 'Uni/Bio101/2013';
const PROBLEM = 'i4x://Uni/Bio101/problem/cells';
const CHOICES = 'i4x-Uni-Bio101-problem-cells_2_1';
const NUMBER = 'i4x-Uni-Bio101-problem-cells_3_1';
const UNDESCRIBED = 'i4x-Uni-Bio101-problem-cells_4_1';
const QUIZ = 'Cell biology quiz';
const PICK = 'Which of these are organelles?';
const COUNT = 'How many chromosomes are in a human body cell?';

function oldEvent(username: string, time: string, answers: Record<string, unknown>, correct: string[]): string {
  const correctMap = Object.fromEntries(Object.keys(answers).map((id) => [id, { correctness: correct.includes(id) ? 'correct' : 'incorrect' }]));
  return JSON.stringify({
    username, event_source: 'server', event_type: 'problem_check', time, context: { course_id: COURSE },
    event: { problem_id: PROBLEM, answers, correct_map: correctMap, state: { seed: 1 }, grade: correct.length, max_grade: 3 },
  });
}

const LOG = [
  oldEvent('ana', '2013-05-01T10:00:00+00:00', { [CHOICES]: ['choice_1'], [NUMBER]: '23', [UNDESCRIBED]: 'x' }, []),
  oldEvent('ana', '2013-05-02T10:00:00+00:00', { [CHOICES]: ['choice_1', 'choice_2'], [NUMBER]: '46', [UNDESCRIBED]: 'y' }, [CHOICES, NUMBER, UNDESCRIBED]),
  oldEvent('ben', '2013-05-03T09:00:00+00:00', { [CHOICES]: ['choice_1', 'choice_2'], [NUMBER]: ' 46 ', [UNDESCRIBED]: 'y' }, [CHOICES, NUMBER, UNDESCRIBED]),
];

const METADATA = {
  [CHOICES]: { response_type: 'choiceresponse', input_type: 'checkboxgroup', question: PICK, problem_display_name: QUIZ,
    answer_value_id_map: { choice_1: 'Nucleus', choice_2: '<b>Ribosome</b>', choice_3: 'Cytoplasm' } },
  [NUMBER]: { response_type: 'numericalresponse', input_type: 'formulaequationinput', question: COUNT, problem_display_name: QUIZ },
};

describe.runIf(existsSync(LAUNCH_TASK))('launch-task answer distribution with --answer-metadata', () => {
  const root = mkdtempSync(join(tmpdir(), 'answer-dist-metadata-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'tracking.log'), LOG.join('\n') + '\n');
  const metadataFile = join(root, 'answer_metadata.json');
  writeFileSync(metadataFile, JSON.stringify(METADATA));
  const db = `sqlite:${join(root, 'ad.sqlite')}`;
  const outputRoot = join(root, 'csv');
  const args = (name: string, metadata: string) => ['--src', join(root, 'src'), '--dest', join(root, 'dest'), '--name', name, '--database-url', db, '--output-root', outputRoot, '--answer-metadata', metadata];

  it('counts the old parts the file describes, with its texts, in the CSV file and the table', async () => {
    // The local runner (worker threads): each reducer reads the file itself.
    const result = await launchTask(['AnswerDistributionWorkflow', ...args('meta', metadataFile), '--n-reduce-tasks', '2']);
    expect(result.code, result.stderr).toBe(0);
    const csv = readFileSync(join(outputRoot, createHash('sha1').update(COURSE).digest('hex'), 'Uni_Bio101_2013_answer_distribution.csv'), 'utf8');
    expect(csv).toBe(
      [
        'ModuleID,PartID,Correct Answer,First Response Count,Last Response Count,ValueID,AnswerValue,Variant,Problem Display Name,Question',
        `${PROBLEM},${CHOICES},0,1,0,[choice_1],[Nucleus],1,${QUIZ},${PICK}`,
        `${PROBLEM},${CHOICES},1,1,2,[choice_1|choice_2],[Nucleus|Ribosome],1,${QUIZ},${PICK}`,
        `${PROBLEM},${NUMBER},0,1,0,,23,1,${QUIZ},${COUNT}`,
        `${PROBLEM},${NUMBER},1,1,2,,46,1,${QUIZ},${COUNT}`,
        '',
      ].join('\r\n'),
    );
    const row = (part: string, correct: number, first: number, last: number, valueId: string, text: string, numeric: string, question: string) =>
      [COURSE, PROBLEM, part, correct, first, last, valueId, text, numeric, 1, QUIZ, question].join('\t');
    expect(renderDbRows(await queryRows(db, SELECT_ROWS))).toEqual(
      [
        row(CHOICES, 0, 1, 0, '[choice_1]', '[Nucleus]', '\\N', PICK),
        row(CHOICES, 1, 1, 2, '[choice_1|choice_2]', '[Nucleus|Ribosome]', '\\N', PICK),
        row(NUMBER, 0, 1, 0, '\\N', '23', '23', COUNT),
        row(NUMBER, 1, 1, 2, '\\N', '46', '46', COUNT),
      ].sort(),
    );
    expect(result.stdout + result.stderr).toMatch(/parts with answer metadata: 2/);
    expect(result.stdout + result.stderr).toMatch(/parts skipped: response type missing: 1/);
  });

  it('stops in one line naming the file, before stage 1 runs, when it is missing or not JSON', async () => {
    const missing = await launchTask(['AnswerDistributionWorkflow', ...args('missing', join(root, 'nope.json')), '--runner', 'inline']);
    expect(missing.code).toBe(2); // missing input: a cron wrapper may retry later
    expect(missing.stderr).toContain(`--answer-metadata ${join(root, 'nope.json')}: no such file`);
    // Checked while planning: stage 1 did not spend its time first.
    expect(existsSync(join(root, 'dest', 'problem_check_events_missing'))).toBe(false);
    const broken = join(root, 'broken.json');
    writeFileSync(broken, '{"i4x-Uni-Bio101-problem-cells_2_1": {"question": "Q?",}}');
    const bad = await launchTask(['AnswerDistributionWorkflow', ...args('broken', broken), '--runner', 'inline']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(`--answer-metadata ${broken}: not valid JSON`);
    expect(missing.stderr + bad.stderr).not.toMatch(/\n\s+at /);
  });
});
