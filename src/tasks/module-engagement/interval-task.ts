import { addDays, isIsoDay, p, UsageError, WrapperTask } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { mapReduceParameters } from '../../mapreduce/index.js';
import { SqlLoadTask } from '../../sql/index.js';
import { ModuleEngagementMysqlTask } from './mysql-task.js';
import { configuredOverwriteNDays, engagementParameters, intervalFromDate, withEngagementDefaults } from './parameters.js';

const Base = WithEventLogSelection(WrapperTask);

/**
 * edX ModuleEngagementIntervalTask: every day of --interval computed and
 * loaded into module_engagement. Days already computed are reused; days from
 * --overwrite-from-date on are recomputed from raw logs (late events).
 */
export class ModuleEngagementIntervalTask extends Base {
  static override description = 'Module engagement of every day of --interval into table module_engagement; days from --overwrite-from-date are recomputed.';
  static override parameters = {
    ...Base.parameters,
    ...mapReduceParameters,
    ...SqlLoadTask.parameters,
    ...engagementParameters,
    overwriteFromDate: p.string({ default: '', identity: false, description: 'Recompute the days from this one (YYYY-MM-DD) to the end of --interval. Default: none.' }),
    overwriteMysql: p.bool({ identity: false, description: 'accepted for edX compatibility: a recomputed day is always reloaded' }),
  };
  declare overwriteFromDate: string;

  constructor(params?: Record<string, unknown>) {
    super(withEngagementDefaults(params));
    if (this.overwriteFromDate !== '' && !isIsoDay(this.overwriteFromDate))
      throw new UsageError(`--overwrite-from-date ${JSON.stringify(this.overwriteFromDate)} is not a day; give YYYY-MM-DD.`);
  }

  #days: ModuleEngagementMysqlTask[] | undefined;

  // The same instances every time: a recomputed day's tasks know they have run (see ModuleEngagementDataTask.complete).
  override requires(): ModuleEngagementMysqlTask[] {
    return (this.#days ??= this.interval
      .dates()
      .reverse()
      .map((date) => {
        const overwriteHive = this.overwriteFromDate !== '' && date >= this.overwriteFromDate;
        return this.clone(ModuleEngagementMysqlTask, { date, overwriteHive });
      }));
  }
}

/**
 * The module_engagement part of edX ModuleEngagementWorkflowTask (--date):
 * the two weeks before --date, the last --overwrite-n-days of them
 * recomputed. The roster, summaries and metric ranges (which need LMS
 * tables and Elasticsearch) are not computed.
 */
export class ModuleEngagementWorkflowTask extends ModuleEngagementIntervalTask {
  static override description = 'Module engagement of the two weeks before --date into table module_engagement (edX workflow entry point; no roster).';
  static override parameters = {
    ...ModuleEngagementIntervalTask.parameters,
    date: p.date({ description: 'Analyse the two weeks before this day (run nightly with today).' }),
    interval: intervalFromDate,
    overwriteNDays: p.int({ default: 3, identity: false, description: 'Recompute the last N days before --date (late events). Default: [module-engagement] overwrite_n_days, else 3.' }),
  };
  declare date: string;
  declare overwriteNDays: number;

  constructor(params?: Record<string, unknown>) {
    const date = params?.date;
    const configured = configuredOverwriteNDays();
    if (params?.overwriteNDays === undefined && configured !== undefined && !/^\s*-?\d+\s*$/.test(configured))
      throw new UsageError(`[module-engagement] overwrite_n_days ${JSON.stringify(configured)} is not a whole number of days; give e.g. 3.`);
    const n = Number(params?.overwriteNDays ?? configured ?? 3);
    // A bad --overwrite-n-days is left to the parameter's own one-line error.
    const derived = typeof date === 'string' && isIsoDay(date.trim()) && Number.isInteger(n) ? { interval: `${addDays(date.trim(), -14)}-${date.trim()}`, overwriteFromDate: addDays(date.trim(), -n) } : {};
    super({ ...params, ...derived });
  }
}
