import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { freshMysqlDatabase } from '../video/support.js';

export const A = 'course-v1:edX+DemoX+T1';
export const B = 'edX/Old/2014';
export const P1 = 'block-v1:edX+DemoX+T1+type@problem+block@p1';
export const P2 = 'block-v1:edX+DemoX+T1+type@problem+block@p2';
export const SEQ1 = 'block-v1:edX+DemoX+T1+type@sequential+block@s1';
export const SEQ2 = 'block-v1:edX+DemoX+T1+type@sequential+block@s2';
export const Q1 = 'i4x://edX/Old/problem/q1';
export const SEQ_B = 'i4x://edX/Old/sequential/s1';

/**
 * A small LMS courseware_studentmodule, written for these tests with the
 * Django table's columns (SQL both MariaDB and SQLite accept). P1 of A: two
 * learners at 1/2, one at 2/2, one who opened it ungraded (NULL grade). P2:
 * 0.5/1 and 0 with no max grade. P1's id again in course B (a key of its
 * own), Q1 of B at 3/3. SEQ1 opened by three learners, SEQ2 and SEQ_B by one;
 * a chapter row; two rows with an empty module id (a problem and a sequential).
 */
export const STUDENT_MODULE_SQL = `
CREATE TABLE courseware_studentmodule (
  id INT NOT NULL PRIMARY KEY, module_type VARCHAR(32) NOT NULL, module_id VARCHAR(255) NOT NULL, student_id INT NOT NULL,
  state TEXT, grade DOUBLE, created DATETIME NOT NULL, modified DATETIME NOT NULL, max_grade DOUBLE, done VARCHAR(8) NOT NULL, course_id VARCHAR(255) NOT NULL);
INSERT INTO courseware_studentmodule VALUES
  (1, 'problem', '${P1}', 1, '{"attempts": 1}', 1, '2014-03-01 10:00:00', '2014-03-01 10:00:00', 2, 'na', '${A}'),
  (2, 'problem', '${P1}', 2, '{"attempts": 2}', 1, '2014-03-01 10:00:00', '2014-03-01 10:00:00', 2, 'na', '${A}'),
  (3, 'problem', '${P1}', 3, '{}', 2, '2014-03-01 10:00:00', '2014-03-01 10:00:00', 2, 'na', '${A}'),
  (4, 'problem', '${P1}', 4, '{}', NULL, '2014-03-01 10:00:00', '2014-03-01 10:00:00', NULL, 'na', '${A}'),
  (5, 'problem', '${P2}', 1, '{}', 0.5, '2014-03-01 10:00:00', '2014-03-01 10:00:00', 1, 'na', '${A}'),
  (6, 'problem', '${P2}', 2, '{}', 0, '2014-03-01 10:00:00', '2014-03-01 10:00:00', NULL, 'na', '${A}'),
  (7, 'sequential', '${SEQ1}', 1, '{"position": 1}', NULL, '2014-03-01 10:00:00', '2014-03-01 10:00:00', NULL, 'na', '${A}'),
  (8, 'sequential', '${SEQ1}', 2, '{"position": 2}', NULL, '2014-03-01 10:00:00', '2014-03-01 10:00:00', NULL, 'na', '${A}'),
  (9, 'sequential', '${SEQ1}', 3, '{"position": 1}', NULL, '2014-03-01 10:00:00', '2014-03-01 10:00:00', NULL, 'na', '${A}'),
  (10, 'sequential', '${SEQ2}', 1, '{"position": 1}', NULL, '2014-03-01 10:00:00', '2014-03-01 10:00:00', NULL, 'na', '${A}'),
  (11, 'chapter', 'block-v1:edX+DemoX+T1+type@chapter+block@c1', 1, '{}', NULL, '2014-03-01 10:00:00', '2014-03-01 10:00:00', NULL, 'na', '${A}'),
  (12, 'problem', '${Q1}', 1, '{}', 3, '2014-03-01 10:00:00', '2014-03-01 10:00:00', 3, 'na', '${B}'),
  (13, 'sequential', '${SEQ_B}', 1, '{}', NULL, '2014-03-01 10:00:00', '2014-03-01 10:00:00', NULL, 'na', '${B}'),
  (14, 'problem', '', 5, '{}', 1, '2014-03-01 10:00:00', '2014-03-01 10:00:00', 2, 'na', '${A}'),
  (15, 'sequential', '', 5, '{}', NULL, '2014-03-01 10:00:00', '2014-03-01 10:00:00', NULL, 'na', '${A}'),
  (16, 'problem', '${P1}', 9, '{}', 1, '2014-03-01 10:00:00', '2014-03-01 10:00:00', 2, 'na', '${B}');
`;

/**
 * Rows only SQLite can hold: it keeps text in a DOUBLE column, as a copy of
 * the table made by hand may. A grade and a max grade that are no numbers.
 */
export const SQLITE_ONLY_SQL = `
INSERT INTO courseware_studentmodule VALUES
  (17, 'problem', '${P2}', 3, '{}', 'n/a', '2014-03-01 10:00:00', '2014-03-01 10:00:00', 1, 'na', '${A}'),
  (18, 'problem', '${P2}', 4, '{}', 1, '2014-03-01 10:00:00', '2014-03-01 10:00:00', 'ten', 'na', '${A}');
`;

export function studentModuleInSqlite(path: string): string {
  const db = new Database(path);
  db.exec(STUDENT_MODULE_SQL + SQLITE_ONLY_SQL);
  db.close();
  return `sqlite:${path}`;
}

export async function studentModuleInMysql(name: string): Promise<string> {
  const url = await freshMysqlDatabase(name);
  const conn = await mysql.createConnection({ uri: url, multipleStatements: true });
  await conn.query(STUDENT_MODULE_SQL);
  await conn.end();
  return url;
}

/** Runs SQL on the LMS of a test (a learner answering between two imports). */
export async function execLms(url: string, sql: string): Promise<void> {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length));
    db.exec(sql);
    db.close();
    return;
  }
  const conn = await mysql.createConnection({ uri: url });
  await conn.query(sql);
  await conn.end();
}
