/** Per course, per country code (null: the user has no known address): enrolled now, and ever. */
export type CountryCounts = Map<string, Map<string | null, { count: number; cumulative: number }>>;

/**
 * edX's QueryLastCountryPerCourseTask GROUP BY over enrollment records
 * (`date course_id user_id at_end change mode`, our course_enrollment
 * table): only the records of `lastDay` describe each (course, user) as it
 * stands; `at_end` is edX's is_active. Each such record adds one to its
 * course and country's cumulative count, and to count when active.
 */
export async function countEnrollmentsByCountry(
  records: AsyncIterable<string>,
  lastDay: string,
  codes: ReadonlyMap<string, string>,
  count: (name: string) => void,
): Promise<CountryCounts> {
  const byCourse: CountryCounts = new Map();
  for await (const line of records) {
    const fields = line.split('\t');
    if (fields.length !== 6) {
      count('Discard Malformed Enrollment Line');
      continue;
    }
    const [date, courseId, userId, atEnd] = fields as [string, string, string, string];
    if (date !== lastDay) continue;
    const code = codes.get(userId) ?? null;
    count(code === null ? 'Enrollments Of Users With No Known Address' : 'Enrollments Of Users With A Location');
    let byCode = byCourse.get(courseId);
    if (!byCode) byCourse.set(courseId, (byCode = new Map()));
    const cell = byCode.get(code) ?? { count: 0, cumulative: 0 };
    cell.cumulative += 1;
    if (atEnd === '1') cell.count += 1;
    byCode.set(code, cell);
  }
  return byCourse;
}
