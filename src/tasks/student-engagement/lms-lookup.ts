import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../core/index.js';

/** A learner as the report names them: auth_user's username and email. */
export interface LmsUser {
  username: string;
  email: string;
}

/**
 * What the engagement join needs of the imported LMS tables: users by id
 * and, per user and course, the cohort names (edX's join gives one row per
 * membership, so a learner in two groups of a course has two rows).
 */
export interface LmsLookup {
  users: Map<string, LmsUser>;
  /** Key `user_id<TAB>course_id`. */
  cohorts: Map<string, string[]>;
  /** Memberships of a group the groups table no longer has (edX's inner join drops them): counted, not silent. */
  membershipsOfMissingGroups: number;
}

/** Reads the three import partitions (`<table>/dt=DATE/<table>`) of one import day into memory. */
export function readLmsLookup(warehousePath: string, date: string): LmsLookup {
  // The imports write exactly `width` fields a line: anything else is a damaged file, not a learner to skip.
  const rows = (table: string, width: number) => {
    const path = join(warehousePath, table, `dt=${date}`, table);
    const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
    return lines.map((line, i) => {
      const fields = line.split('\t');
      if (fields.length !== width) throw new InputError(`${path} line ${i + 1} has ${fields.length} fields, not ${width}: rerun ${table}'s import with --date ${date} after removing the partition.`);
      return fields;
    });
  };
  return joinLms(rows('auth_user', 3), rows('course_groups_courseusergroup', 4), rows('course_groups_courseusergroup_users', 2));
}

/** The lookup from the rows of auth_user (id username email), groups (id name course_id group_type) and members (group_id user_id). */
export function joinLms(users: string[][], groups: string[][], members: string[][]): LmsLookup {
  const lookup: LmsLookup = { users: new Map(), cohorts: new Map(), membershipsOfMissingGroups: 0 };
  for (const [id, username, email] of users) lookup.users.set(id!, { username: username!, email: email === '\\N' ? '' : email! });
  const groupById = new Map(groups.map(([id, name, courseId]) => [id!, { name: name === '\\N' ? '' : name!, courseId: courseId! }]));
  for (const [groupId, userId] of members) {
    const group = groupById.get(groupId!);
    if (!group) {
      lookup.membershipsOfMissingGroups++; // edX's inner join: a membership of a deleted group names no cohort
      continue;
    }
    const key = `${userId}\t${group.courseId}`;
    const names = lookup.cohorts.get(key);
    if (names) names.push(group.name);
    else lookup.cohorts.set(key, [group.name]);
  }
  return lookup;
}
