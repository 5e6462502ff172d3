import { p } from '../../core/index.js';

/**
 * edX's WarehouseMixin: `--warehouse-path`, default `[hive] warehouse_path`
 * (filled in by withConfigDefaults). Not part of the task id: moving the
 * warehouse does not make the work different.
 */
export const warehouseParameters = {
  warehousePath: p.path({
    identity: false,
    description: 'Folder of the intermediate day partitions (<table>/dt=YYYY-MM-DD/) that later runs reuse.',
    defaultText: '[hive] warehouse_path',
  }),
};

/** edX's OverwriteHiveAndMysqlDownstreamMixin. */
export const overwriteParameters = {
  overwriteHive: p.bool({ default: false, identity: false, description: 'recompute the intermediate warehouse partitions even if they exist' }),
  overwriteMysql: p.bool({ default: false, identity: false, description: "replace the table's rows instead of appending (edX default: off)" }),
};
