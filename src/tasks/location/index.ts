/**
 * edX's geography workflow (location-per-course): where each course's
 * learners are, by the country of the last IP address each was seen at.
 * LastDailyIpAddressOfUserTask (daily warehouse partitions from raw logs) ->
 * LastCountryOfUser (last address over the interval -> country, GeoIP) ->
 * InsertToMysqlLastCountryPerCourseTask (joined with the enrollment
 * history, table course_enrollment_location_current).
 */
import { registerTask } from '../../core/index.js';
import { InsertToMysqlLastCountryPerCourseTask } from './insert-task.js';
import { LastCountryOfUser } from './last-country-task.js';
import { LastDailyIpAddressOfUserTask } from './last-daily-ip-task.js';

registerTask(LastDailyIpAddressOfUserTask);
registerTask(LastCountryOfUser);
registerTask(InsertToMysqlLastCountryPerCourseTask);

export { LastDailyIpAddressOfUserTask, LastCountryOfUser, InsertToMysqlLastCountryPerCourseTask };
export { ipSightingFromLine } from './last-ip-event.js';
export { countryOfIp, UNKNOWN } from './country-of-ip.js';
export { openCountryDatabase, type Country, type CountryDatabase } from './geoip/country-database.js';
