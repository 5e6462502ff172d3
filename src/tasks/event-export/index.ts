/**
 * edX's research export by course: EventExportByCourseTask writes the raw
 * events of every course, one gzip file per course and day.
 */
import { registerTask } from '../../core/index.js';
import { EventExportByCourseTask } from './event-export-by-course-task.js';

registerTask(EventExportByCourseTask);

export { EventExportByCourseTask };
export { exportKeyOf, type ExportKey, type ExportOptions, type ExportResult } from './export-key.js';
export { courseDayPath } from './output-path.js';
export { CourseDayFile } from './course-day-file.js';
