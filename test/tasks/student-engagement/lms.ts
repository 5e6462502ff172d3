import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { freshMysqlDatabase } from '../video/support.js';

/**
 * A small LMS for the engagement reports, written for these tests (the
 * Django tables' columns the join reads, in SQL both MariaDB and SQLite
 * accept): alice (1) in cohort Red of course A, bob (2), carol (3) in cohort
 * Blue, dave (4) in two groups of A, and a membership of course B for carol.
 * User 9 is enrolled in the logs but missing here.
 */
export const LMS_SQL = `
CREATE TABLE auth_user (id INT NOT NULL PRIMARY KEY, username VARCHAR(150) NOT NULL, email VARCHAR(254) NOT NULL, is_active INT NOT NULL);
CREATE TABLE course_groups_courseusergroup (id INT NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, course_id VARCHAR(255) NOT NULL, group_type VARCHAR(20) NOT NULL);
CREATE TABLE course_groups_courseusergroup_users (id INT NOT NULL PRIMARY KEY, courseusergroup_id INT NOT NULL, user_id INT NOT NULL);
INSERT INTO auth_user VALUES (1, 'alice', 'alice@example.com', 1), (2, 'bob', 'bob@example.com', 1), (3, 'carol', 'carol,c@example.com', 1), (4, 'dave', 'dave@example.com', 0);
INSERT INTO course_groups_courseusergroup VALUES (10, 'Red', 'edX/DemoX/T1', 'cohort'), (11, 'Blue', 'edX/DemoX/T1', 'cohort'), (12, 'Green', 'course-v1:MITx+6.00+T1', 'cohort');
INSERT INTO course_groups_courseusergroup_users VALUES (1, 10, 1), (2, 11, 3), (3, 10, 4), (4, 11, 4), (5, 12, 3);
`;

export function lmsInSqlite(path: string): string {
  const db = new Database(path);
  db.exec(LMS_SQL);
  db.close();
  return `sqlite:${path}`;
}

export async function lmsInMysql(name: string): Promise<string> {
  const url = await freshMysqlDatabase(name);
  const conn = await mysql.createConnection({ uri: url, multipleStatements: true });
  await conn.query(LMS_SQL);
  await conn.end();
  return url;
}
