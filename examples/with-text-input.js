// A mixin: adds an input-file parameter and a line reader to any task class,
// the way edX's EventLogSelectionMixin adds log selection to its tasks.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InputError, p } from 'pipewright';

export const WithTextInput = (Base) =>
  class WithTextInput extends Base {
    static parameters = {
      ...Base.parameters,
      src: p.path({ description: 'text file to read' }),
    };

    /** The lines of `src`, one at a time. */
    async *inputLines() {
      const stream = createReadStream(this.src, 'utf8');
      stream.on('error', () => {}); // reported by the reader below, with the path
      try {
        yield* createInterface({ input: stream, crlfDelay: Infinity });
      } catch (error) {
        throw new InputError(`Cannot read ${this.src}: ${error.code ?? error.message}.`);
      }
    }
  };
