#!/usr/bin/env node
// Producing events, end to end: emit problem_check events with the Tracker, write
// them as edX tracking-log lines (batched, rotated, gzipped), then let
// AnswerDistributionToMySQLTaskWorkflow read them into SQLite.
//
//   npm run build && node examples/tracking/produce-events.mjs [work-dir]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BatchingFileBackend, legacyFieldMapping, RoutingBackend, Tracker } from 'pipewright/tracking/index';

const work = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'pipewright-tracking-'));
const logDir = join(work, 'logs', 'server1');

// 1. Where events go: edX's legacy field mapping, then a batching file backend.
const file = await BatchingFileBackend.open({ dir: logDir, batchSize: 100, flushIntervalMs: 1000, rotateOnClose: true });
const tracker = new Tracker({
  backends: { tracking_logs: new RoutingBackend({ processors: [legacyFieldMapping], backends: { file } }) },
});

// 2. What a course server would emit: a request context, then problem_check events.
const course = 'course-v1:DemoX+Tracking+2026';
const problem = 'block-v1:DemoX+Tracking+2026+type@problem+block@capitals';
const part = 'capitals_2_1';
const choices = { choice_0: 'Paris', choice_1: 'Lyon', choice_2: 'Nice' };
const learners = ['ana', 'ben', 'chloe', 'dev', 'eli'];
for (const [i, username] of learners.entries()) {
  await tracker.withContext('edx.request', { username, user_id: i + 1, course_id: course, ip: '127.0.0.1' }, async () => {
    for (const attempt of [0, 1]) {
      const value = attempt === 1 || i % 2 === 0 ? 'choice_0' : `choice_${1 + (i % 2)}`;
      const correct = value === 'choice_0';
      tracker.emit('problem_check', {
        problem_id: problem,
        answers: { [part]: value },
        submission: {
          [part]: { question: 'What is the capital of France?', answer: choices[value], response_type: 'multiplechoiceresponse', input_type: 'choicegroup', correct, variant: '' },
        },
        correct_map: { [part]: { correctness: correct ? 'correct' : 'incorrect' } },
        grade: correct ? 1 : 0,
        max_grade: 1,
        success: correct ? 'correct' : 'incorrect',
        attempts: attempt + 1,
      });
    }
  });
}

// 3. close() drains the queue, rotates tracking.log and gzips it atomically.
await tracker.close();
console.log(`wrote ${file.counters.get('Written', 'events')} events:`);
for (const name of readdirSync(logDir).sort()) console.log(`  ${join(logDir, name)}`);

// 4. The pipeline reads what the producer wrote.
const launchTask = fileURLToPath(new URL('../../bin/launch-task.js', import.meta.url));
const args = [
  'AnswerDistributionToMySQLTaskWorkflow',
  '--src', join(work, 'logs'), '--include', '["*tracking.log-*.gz"]',
  '--dest', join(work, 'dest'), '--name', 'example',
  '--database-url', `sqlite:${join(work, 'answers.sqlite')}`, '--demo-print', '5',
];
console.log(`\n$ node bin/launch-task.js ${args.join(' ')}\n`);
execFileSync(process.execPath, [launchTask, ...args], { stdio: 'inherit' });
