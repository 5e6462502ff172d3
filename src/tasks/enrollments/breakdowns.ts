/** A course_enrollment record as read back: `date course_id user_id at_end change mode`. */
export interface EnrollmentDay {
  date: string;
  courseId: string;
  userId: string;
  atEnd: number;
  mode: string;
}

/** The LMS profile columns the breakdowns use (NULL as null). */
export interface Profile {
  gender: string | null;
  yearOfBirth: number | null;
  levelOfEducation: string | null;
}

export type GroupCell = string | number | null;

/** edX's education level names for the LMS codes (EnrollmentByEducationLevelDataTask); anything else is NULL. */
const EDUCATION_LEVELS: Readonly<Record<string, string>> = {
  el: 'primary',
  jhs: 'junior_secondary',
  hs: 'secondary',
  a: 'associates',
  b: 'bachelors',
  m: 'masters',
  p: 'doctorate',
  p_se: 'doctorate',
  p_oth: 'doctorate',
  none: 'none',
  other: 'other',
};

export function educationLevel(code: string | null | undefined): string | null {
  return code != null && Object.hasOwn(EDUCATION_LEVELS, code) ? EDUCATION_LEVELS[code]! : null;
}

/** edX: an empty gender is NULL. */
export function genderOf(profile: Profile | undefined): string | null {
  return profile?.gender ? profile.gender : null;
}

/**
 * The GROUP BY of edX's Hive queries: per group, count = users enrolled at
 * the end of the day (SUM(at_end)), cumulative_count = users with a record
 * that day (COUNT(user_id): everybody who had enrolled by then).
 */
export class GroupCounts {
  readonly #groups = new Map<string, { cells: GroupCell[]; count: number; cumulative: number }>();

  add(cells: GroupCell[], atEnd: number): void {
    const key = JSON.stringify(cells);
    let group = this.#groups.get(key);
    if (!group) this.#groups.set(key, (group = { cells, count: 0, cumulative: 0 }));
    group.count += atEnd;
    group.cumulative += 1;
  }

  /** Rows `[...cells, count, cumulative_count]`, in key order (stable output, easy to diff). */
  rows(): GroupCell[][] {
    return [...this.#groups.keys()].sort().map((key) => {
      const group = this.#groups.get(key)!;
      return [...group.cells, group.count, group.cumulative];
    });
  }
}

/** Parse a course_enrollment line; undefined when it is not one. */
export function parseEnrollmentDay(line: string): EnrollmentDay | undefined {
  const f = line.split('\t');
  if (f.length !== 6 || (f[3] !== '0' && f[3] !== '1')) return undefined;
  return { date: f[0]!, courseId: f[1]!, userId: f[2]!, atEnd: Number(f[3]), mode: f[5]! };
}

/** Parse an auth_userprofile warehouse line; undefined when it is not one. */
export function parseProfile(line: string): [userId: string, profile: Profile] | undefined {
  const f = line.split('\t');
  if (f.length !== 4) return undefined;
  const nul = (v: string) => (v === '\\N' ? null : v);
  const year = nul(f[2]!);
  return [f[0]!, { gender: nul(f[1]!), yearOfBirth: year === null ? null : Number(year), levelOfEducation: nul(f[3]!) }];
}
