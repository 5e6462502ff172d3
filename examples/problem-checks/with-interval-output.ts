// A small mixin: --output-root, and an output folder per task and --interval.
// A folder named only after --output-root would be found complete by the next
// night's run (another interval) and its old counts loaded again; one folder
// per interval makes each night's run its own work.
import { DirectoryTarget, p, type DateInterval, type Task, type TaskBase } from 'pipewright';

export const WithIntervalOutput = <B extends TaskBase<Task & { interval: DateInterval }>>(Base: B) => {
  abstract class IntervalOutput extends Base {
    static override parameters = {
      ...Base.parameters,
      outputRoot: p.path({ description: 'folder for the intermediate output (one subfolder per task and interval)' }),
    };
    declare outputRoot: string;

    /** `<output-root>/<name>/<interval>`, e.g. out/problem-checks/2024-03-04-2024-03-06. */
    intervalDirectory(name: string): DirectoryTarget {
      return new DirectoryTarget(`${this.outputRoot}/${name}/${this.interval}`);
    }
  }
  return IntervalOutput;
};
