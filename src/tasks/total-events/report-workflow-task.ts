import { readFile } from 'node:fs/promises';
import { p, Task } from '../../core/index.js';
import { WithEventLogSelection } from '../../eventlog/selection/index.js';
import { mapReduceParameters } from '../../mapreduce/index.js';
import { LocalTarget, partFileLines } from '../../targets/index.js';
import { parseCountLine, renderTotalEventsReport, type DayCount } from './counts-report.js';
import { COUNTERS, TotalEventsDailyTask } from './daily-task.js';

const Base = WithEventLogSelection(Task);

/**
 * edX TotalEventsReportWorkflow: TotalEventsDailyTask's counts (in
 * --counts) as a small CSV, `--report`: `date,event_count`, newest day first.
 */
export class TotalEventsReportWorkflow extends Base {
  static override description = 'A CSV of the events per day of --interval (date,event_count, newest first), from the raw tracking logs.';
  static override parameters = {
    ...Base.parameters,
    ...mapReduceParameters,
    counts: p.path({ description: 'Directory for the daily counts (TotalEventsDailyTask --output-root).' }),
    report: p.path({ description: 'The CSV file to write.' }),
  };
  declare counts: string;
  declare report: string;

  override requires(): TotalEventsDailyTask {
    return this.clone(TotalEventsDailyTask, { outputRoot: this.counts });
  }

  override output(): LocalTarget {
    return new LocalTarget(this.report);
  }

  /**
   * Complete when the report says what the counts of this interval say:
   * --report, like --counts, is a fixed path, so one written for another
   * interval (or before a failed rerun) must not pass for this one.
   */
  override async complete(): Promise<boolean> {
    if (!this.output().exists() || !(await this.requires().complete())) return false;
    const [written, wanted] = await Promise.all([readFile(this.report, 'utf8'), this.render(false)]);
    return written === wanted;
  }

  override async run(): Promise<void> {
    await this.output().writeText(await this.render(true));
  }

  private async render(count: boolean): Promise<string> {
    const days: DayCount[] = [];
    for await (const line of partFileLines(await this.requires().output().partFiles())) {
      const day = parseCountLine(line);
      if (day) days.push(day);
      else if (count) this.incrementCounter(COUNTERS, 'Discard Malformed Count Line');
    }
    return renderTotalEventsReport(days);
  }
}
