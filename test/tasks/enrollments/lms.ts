import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { CONFORMANCE } from '../../support/paths.js';
import { MYSQL_TEST_URL } from '../../support/services.js';

/** edX's LMS export for the enrollment acceptance test: CREATE TABLE auth_userprofile + INSERTs (MySQL dialect). */
export const PROFILE_DUMP = `${CONFORMANCE}/enrollments/input/load_auth_userprofile.sql`;

/** A MariaDB database holding the LMS table, loaded as an operator does (`mysql edxapp < dump.sql`). */
export async function loadLmsIntoMysql(database: string): Promise<string> {
  const admin = await mysql.createConnection(MYSQL_TEST_URL);
  await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\``);
  await admin.end();
  const url = MYSQL_TEST_URL.replace(/\/[^/]*$/, `/${database}`);
  const conn = await mysql.createConnection({ uri: url, multipleStatements: true });
  await conn.query('DROP TABLE IF EXISTS auth_userprofile');
  await conn.query(readFileSync(PROFILE_DUMP, 'utf8'));
  await conn.end();
  return url;
}

/**
 * The same export in a SQLite file, for machines without MariaDB: SQLite
 * reads this dump once MySQL's named `UNIQUE KEY` becomes a plain UNIQUE
 * (its backslash escapes stay literal, in columns the workflow never reads).
 */
export function loadLmsIntoSqlite(path: string): string {
  const db = new Database(path);
  db.exec(readFileSync(PROFILE_DUMP, 'utf8').replace(/UNIQUE KEY `\w+` \(/g, 'UNIQUE ('));
  db.close();
  return `sqlite:${path}`;
}
