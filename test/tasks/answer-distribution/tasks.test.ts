import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Config, registry } from '../../../src/core/index.js';
import {
  AnswerDistributionOneFilePerCourseTask,
  AnswerDistributionPerCourse,
  AnswerDistributionReport,
  AnswerDistributionToMySQLTaskWorkflow,
  AnswerDistributionWorkflow,
  ProblemCheckEvent,
} from '../../../src/tasks/answer-distribution/index.js';

const base = { src: ['/logs'], dest: '/out', name: 'nightly' };
const saved = registry.config;
afterEach(() => {
  registry.config = saved;
});

describe('answer distribution tasks', () => {
  it("lay out their outputs under --dest as edX does, one folder per --name", () => {
    const workflow = new AnswerDistributionToMySQLTaskWorkflow(base);
    const stage2 = workflow.requires();
    const stage1 = stage2.requires();
    expect(stage1).toBeInstanceOf(ProblemCheckEvent);
    expect(stage1.output().path).toBe(join('/out', 'problem_check_events_nightly'));
    expect(stage2.output().path).toBe(join('/out', 'answer_distribution_per_course_nightly'));
    expect(workflow.defaultSqlitePath()).toBe(join('/out', 'answer_distribution.sqlite'));
    expect(workflow.overwrite).toBe(true);
  });

  it('pass --src, --include, --manifest and --n-reduce-tasks down to stage 1', () => {
    const csv = new AnswerDistributionOneFilePerCourseTask({ ...base, include: ['*.gz'], manifest: '/m.txt', nReduceTasks: 3, outputRoot: '/csv' });
    const stage1 = csv.requires().requires();
    expect([stage1.src, stage1.include, stage1.manifest, stage1.nReduceTasks]).toEqual([['/logs'], ['*.gz'], '/m.txt', 3]);
  });

  it('leave an empty --src to stage 1\'s own config, as edX\'s PathSetTask falls back to [event-logs] source', () => {
    const config = new Config();
    config.set('ProblemCheckEvent', 'src', '["/configured"]');
    registry.config = config;
    const stage1Of = (src: string[]) => new AnswerDistributionOneFilePerCourseTask({ ...base, src, outputRoot: '/csv' }).requires().requires();
    expect(stage1Of([]).src).toEqual(['/configured']);
    expect(stage1Of(['/given']).src).toEqual(['/given']);
  });

  it('take the counted response types from [answer-distribution] valid_response_types', () => {
    const config = new Config();
    config.set('answer-distribution', 'valid_response_types', 'numericalresponse,customresponse');
    registry.config = config;
    expect(new AnswerDistributionPerCourse(base).validResponseTypes).toBe('numericalresponse,customresponse');
    expect(new AnswerDistributionPerCourse({ ...base, validResponseTypes: 'stringresponse' }).validResponseTypes).toBe('stringresponse');
  });

  it('count the default response types when nothing is configured', () => {
    expect(new AnswerDistributionPerCourse(base).validResponseTypes).toContain('multiplechoiceresponse');
  });

  it('pass --answer-metadata down to stage 2 from every task after it, as part of its identity', () => {
    const given = { ...base, answerMetadata: '/meta.json' };
    const stage2s = [
      new AnswerDistributionToMySQLTaskWorkflow(given).requires(),
      new AnswerDistributionOneFilePerCourseTask({ ...given, outputRoot: '/csv' }).requires(),
      new AnswerDistributionReport({ ...given, outputFile: '/r.tsv' }).requires(),
      ...new AnswerDistributionWorkflow({ ...given, outputRoot: '/csv' }).requires().map((task) => task.requires()),
    ];
    for (const stage2 of stage2s) expect(stage2.answerMetadata).toBe('/meta.json');
    expect(new AnswerDistributionPerCourse(given).id).not.toBe(new AnswerDistributionPerCourse(base).id);
  });

  it('give a different task id, so a new load, for a new --name', () => {
    expect(new AnswerDistributionToMySQLTaskWorkflow(base).id).not.toBe(new AnswerDistributionToMySQLTaskWorkflow({ ...base, name: 'other' }).id);
    expect(new AnswerDistributionToMySQLTaskWorkflow(base).id).toBe(new AnswerDistributionToMySQLTaskWorkflow({ ...base, nReduceTasks: 7 }).id);
  });
});
