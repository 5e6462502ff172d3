import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { p } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { MapReduceTask, type Pairs } from '../../mapreduce/index.js';
import { withConfigDefaults } from '../warehouse/config-defaults.js';
import { DirectoryTarget } from '../../targets/index.js';
import { CourseDayFile } from './course-day-file.js';
import { exportKeyOf, type ExportKey, type ExportOptions } from './export-key.js';
import { courseDayPath } from './output-path.js';
import { ccxEnabled, COUNTERS } from './parameters.js';

const Base = WithEventLogSelection(MapReduceTask);

/**
 * edX EventExportByCourseTask: every event of --interval that names a course,
 * raw as logged, into one gzip file per course and day,
 * `<output-root>/<safe course>/events/<safe course>-events-<YYYY-MM-DD>.log.gz`.
 * The reducers write those files (each atomically); the task's own output is
 * a small manifest directory (one line per file written: course, day, path,
 * events, bytes) that marks the export done.
 */
export class EventExportByCourseTask extends Base {
  static override description = 'Raw events of --interval, one gzip file per course and day under --output-root (research exports).';
  static override moduleUrl = import.meta.url;
  static override parameters = {
    ...Base.parameters,
    outputRoot: p.path({ description: 'Where the per-course folders go. Default: [event-export-course] output_root.' }),
    course: p.list(p.string(), { default: [], description: 'Export only these course ids (a JSON list); default every course.' }),
    deleteOutputRoot: p.bool({ identity: false, description: 'Delete everything under --output-root before exporting.' }),
    marker: p.string({ default: '', identity: false, description: 'Directory for the done-manifest (default: --output-root).' }),
  };
  declare outputRoot: string;
  declare course: string[];
  declare deleteOutputRoot: boolean;
  declare marker: string;
  #options: ExportOptions | undefined;

  constructor(params?: Record<string, unknown>) {
    super(withConfigDefaults(EventExportByCourseTask, params, 'event-export-course', { outputRoot: 'output_root' }));
  }

  override output(): DirectoryTarget {
    const digest = createHash('sha256').update(this.id).digest('hex').slice(0, 16);
    return new DirectoryTarget(join(this.marker || this.outputRoot, `_SUCCESS_event_export_${digest}`));
  }

  override async run(): Promise<void> {
    if (this.deleteOutputRoot) await rm(this.outputRoot, { recursive: true, force: true });
    await super.run();
  }

  override mapperInit(): void {
    this.#options = { inInterval: (day) => this.eventInInterval(day), courses: new Set(this.course), ccx: ccxEnabled() };
  }

  override *mapper(line: string): Pairs {
    const result = exportKeyOf(line, this.#options!);
    if ('drop' in result) return void this.incrementCounter(result.drop[0], result.drop[1]);
    yield [result.key, result.line];
  }

  override *reducer(key: ExportKey, lines: Iterable<string>): Pairs {
    const [date, courseId] = key;
    const file = new CourseDayFile(join(this.outputRoot, courseDayPath(courseId, date)));
    let events = 0;
    let bytes = 0;
    try {
      for (const line of lines) {
        bytes += file.writeLine(line);
        events += 1;
      }
      file.commit();
    } finally {
      file.abort();
    }
    this.incrementCounter(COUNTERS, 'Raw Bytes Written', bytes);
    this.incrementCounter(COUNTERS, 'Events Written', events);
    this.incrementCounter(COUNTERS, 'Files Written');
    yield [key, { path: file.path, events, bytes }];
  }
}
