/**
 * The workflows the bad-lines sweep runs, each with its arguments, the job
 * that reads the logs, the counters that say what became of each line, and
 * how to read its output as rows keyed by course.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fg from 'fast-glob';
import { queryRows } from '../../../src/sql/index.js';
import { FUZZ_COURSE } from './damaged-events.js';

/** Rows of one output, each as [course, the rest as text]: the course decides whether the row may differ between the runs. */
export type Rows = Array<[course: string, row: string]>;

export interface Workflow {
  family: string;
  args: (logs: string, out: string) => string[];
  /** The job that reads the logs: its `Input <family> lines read` is what the counters must add up to. */
  reader: string;
  /** The counters of that job that name what became of a line (one per line). */
  perLine: RegExp;
  rows: (out: string) => Promise<Rows>;
  /** edX's overwrite_n_days: the last days are recomputed on every run. */
  rerunRecomputes?: boolean;
}

const INTERVAL = '2024-03-04-2024-03-06';
/** Debian's geoip-database (CI installs it): the legacy country file edX read. */
const GEOIP_DAT = '/usr/share/GeoIP/GeoIP.dat';
const ENROLLMENT_TABLES = ['daily', 'mode_daily', 'gender_daily', 'birth_year_daily', 'education_level_daily'].map((t) => `course_enrollment_${t}`);
const source = (logs: string) => ['--source', JSON.stringify([logs])];
const db = (out: string) => `sqlite:${join(out, 'results.sqlite')}`;

async function tableRows(out: string, table: string, course: (row: Record<string, unknown>) => string): Promise<Rows> {
  const rows = await queryRows(db(out), `SELECT * FROM ${table}`);
  return rows.map((row) => {
    const { id: _id, created: _created, ...rest } = row;
    return [course(row), JSON.stringify(rest)];
  });
}
const byCourseColumn = (row: Record<string, unknown>) => String(row.course_id);

/**
 * The Course Blocks API dump of the fuzz course (the other courses' answers are
 * reported as not in the structure); `broken` adds a second course with these blocks.
 */
export function writeCourseStructure(warehouse: string, broken?: Record<string, unknown>): void {
  const block = (type: string, id: string) => `block-v1:Fuzz+Bad+Lines+type@${type}+block@${id}`;
  const blocks = {
    [block('course', 'course')]: { id: block('course', 'course'), type: 'course', display_name: 'Fuzz', children: [block('problem', 'p1')] },
    [block('problem', 'p1')]: { id: block('problem', 'p1'), type: 'problem', display_name: 'P1' },
  };
  mkdirSync(join(warehouse, 'course_blocks_raw/dt=2024-03-06'), { recursive: true });
  const lines = [{ course_id: FUZZ_COURSE, root: block('course', 'course'), blocks }];
  if (broken) lines.push({ course_id: 'course-v1:Fuzz+Broken+Blocks', root: Object.keys(broken)[0]!, blocks: broken as typeof blocks });
  writeFileSync(join(warehouse, 'course_blocks_raw/dt=2024-03-06/course_blocks.json'), lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
}

/** Every workflow that reads tracking logs; `lmsUrl()` names the LMS database the enrollment workflow imports profiles from. */
export function logWorkflows(lmsUrl: () => string): Workflow[] {
  return [
    {
      family: 'InsertToMysqlCourseActivityTask',
      args: (logs, out) => ['--end-date', '2024-03-11', '--weeks', '1', '--overwrite-n-days', '7', ...source(logs), '--warehouse-path', join(out, 'wh'), '--database-url', db(out)],
      reader: 'UserActivityTask',
      perLine: /^UserActivity /,
      rows: (out) => tableRows(out, 'course_activity', byCourseColumn),
    },
    {
      family: 'ImportEnrollmentsIntoMysql',
      args: (logs, out) => [
        ...['--interval', INTERVAL, '--overwrite-n-days', '3', '--date', '2024-03-06', ...source(logs), '--warehouse-path', join(out, 'wh')],
        ...['--database-url', db(out), '--import-database-url', lmsUrl()],
      ],
      reader: 'CourseEnrollmentEventsTask',
      perLine: /^Enrollments (Discard|Enrollment Events Kept)/,
      rows: async (out) => (await Promise.all(ENROLLMENT_TABLES.map((table) => tableRows(out, table, byCourseColumn)))).flat(),
    },
    {
      family: 'ModuleEngagementWorkflowTask',
      args: (logs, out) => ['--date', '2024-03-06', ...source(logs), '--warehouse-path', join(out, 'wh'), '--database-url', db(out)],
      reader: 'ModuleEngagementDataTask',
      perLine: /^(Event|Module Engagement) (?!Output Rows)/,
      rows: (out) => tableRows(out, 'module_engagement', byCourseColumn),
      rerunRecomputes: true,
    },
    {
      family: 'InsertToMysqlAllVideoTask',
      args: (logs, out) => ['--interval', INTERVAL, ...source(logs), '--warehouse-path', join(out, 'wh'), '--database-url', db(out)],
      reader: 'UserVideoViewingTask',
      // "Discard Viewing ..." and "Output Viewing" count viewings the reducer builds, not lines.
      perLine: /^(Event |Video Events (Discard Video|Discard Missing|Output Video Events|Skip))/,
      rows: async (out) => [
        ...(await tableRows(out, 'video', byCourseColumn)),
        ...(await tableRows(out, 'video_timeline', (row) => String(row.pipeline_video_id).split('|')[0]!)),
      ],
    },
    {
      family: 'ProblemResponseReportWorkflow',
      args: (logs, out) => {
        writeCourseStructure(join(out, 'wh'));
        return ['--interval', INTERVAL, ...source(logs), '--warehouse-path', join(out, 'wh'), '--datetime', '2024-03-06T000000', '--output-root', join(out, 'reports'), '--marker', join(out, 'marker')];
      },
      reader: 'LatestProblemResponseDataTask',
      perLine: /^(Event|Problem Response) (?!Latest Answer Records|Course Reports Written|Answers To Problems Not In)/,
      // One "row" per report line, the report's name giving the (file-name safe) course.
      rows: async (out) =>
        fg.sync('reports/*_problem_response.csv', { cwd: out }).flatMap((name) =>
          readFileSync(join(out, name), 'utf8').split('\n').map((line): [string, string] => [name.replace(/^reports\/|_problem_response\.csv$/g, ''), `${name}: ${line}`]),
        ),
    },
    {
      family: 'EventExportByCourseTask',
      args: (logs, out) => ['--interval', INTERVAL, ...source(logs), '--output-root', join(out, 'export')],
      reader: 'EventExportByCourseTask',
      perLine: /^Event (Discard|Export Discard|Export Events Written)/,
      // One "row" per exported file: its folder is the (file-name safe) course, the content the events.
      rows: async (out) =>
        fg.sync('export/*/events/*.log.gz', { cwd: out, absolute: true }).map((file) => [relative(join(out, 'export'), file).split('/')[0]!, `${file.slice(out.length)}\n${gunzipSync(readFileSync(file))}`]),
    },
    {
      family: 'TagsDistributionWorkflow',
      args: (logs, out) => ['--interval', INTERVAL, ...source(logs), '--output-root', join(out, 'tags'), '--database-url', db(out)],
      reader: 'TagsDistributionPerCourse',
      perLine: /^(Event|Tags Distribution) (?!Problems Without Tags)/,
      rows: (out) => tableRows(out, 'tags_distribution', byCourseColumn),
    },
    {
      family: 'StudentEngagementToMysqlTask',
      args: (logs, out) => ['--interval', INTERVAL, '--interval-type', 'daily', ...source(logs), '--warehouse-path', join(out, 'wh'), '--database-url', db(out)],
      reader: 'StudentEngagementTask',
      perLine: /^(Event|Student Engagement) (Discard|Events Kept)/,
      rows: (out) => tableRows(out, 'student_engagement_daily', byCourseColumn),
    },
    {
      family: 'InsertToMysqlLastCountryPerCourseTask',
      args: (logs, out) => ['--interval', INTERVAL, '--overwrite-n-days', '3', ...source(logs), '--warehouse-path', join(out, 'wh'), '--database-url', db(out), '--geolocation-data', GEOIP_DAT],
      reader: 'LastDailyIpAddressOfUserTask',
      perLine: /^(Event|User Location) (Discard|Events With User And IP Address)/,
      rows: (out) => tableRows(out, 'course_enrollment_location_current', byCourseColumn),
    },
    {
      family: 'AnswerDistributionWorkflow',
      args: (logs, out) => ['--src', logs, '--dest', join(out, 'dest'), '--name', 'sweep', '--output-root', join(out, 'csv'), '--database-url', db(out)],
      reader: 'ProblemCheckEvent',
      perLine: /^Answer distribution (drop:|crash_dropped:|kept problem_check events)/,
      rows: (out) => tableRows(out, 'answer_distribution', byCourseColumn),
    },
  ];
}
