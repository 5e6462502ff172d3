import { familyOf, p, registry, withSectionDefaults, type TaskClass } from '../../core/index.js';
import { lmsParameters } from '../enrollments/lms-connection.js';
import { LmsTableImportTask, lmsImportDate } from '../warehouse/lms-table-import.js';

/**
 * edX's HistogramTaskFromSqoopParamsMixin, ours: --name and --dest name the
 * intermediate TSV (`DEST/grade_dist_NAME/`), --date the day of the LMS
 * import the distribution is made from (part of every id: tomorrow's run is
 * new work), and where the LMS is.
 */
export const distributionParameters = {
  name: p.string({ description: 'Name of this run: the intermediate output is DEST/grade_dist_NAME/ (or seq_open_dist_NAME/).' }),
  dest: p.path({ description: 'Folder of the intermediate output (and of the LMS import when no --warehouse-path or [hive] warehouse_path is given).' }),
  date: lmsImportDate(true),
  warehousePath: p.path({
    identity: false,
    description: 'Folder of the LMS import (courseware_studentmodule/dt=DATE/).',
    defaultText: '[hive] warehouse_path, else --dest',
  }),
  ...lmsParameters,
  importPageRows: LmsTableImportTask.parameters.importPageRows,
};

/**
 * `--warehouse-path`: given, else `[hive] warehouse_path`, else --dest, where
 * edX's Sqoop dump went (`DEST/courseware_studentmodule`).
 */
export function withWarehouseDefault(cls: TaskClass, params: Record<string, unknown> | undefined): Record<string, unknown> {
  const dest = typeof params?.dest === 'string' ? params.dest : registry.config.get(familyOf(cls), 'dest');
  return withSectionDefaults(cls, params, 'hive', { warehousePath: 'warehouse_path' }, { warehouse_path: dest });
}
