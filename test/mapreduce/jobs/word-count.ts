import { p } from '../../../src/core/index.js';
import { MapReduceTask, type MapReduceStep } from '../../../src/mapreduce/index.js';
import { DirectoryTarget, StampedDirectoryTarget } from '../../../src/targets/index.js';

const inputParameters = { ...MapReduceTask.parameters, src: p.list(p.path()), dest: p.path() };

/** Word count, with a combiner and counters: the job every runner must agree on. */
export class WordCount extends MapReduceTask {
  static override moduleUrl = import.meta.url;
  static override parameters = inputParameters;
  declare src: string[];
  declare dest: string;

  override async inputFiles() {
    return this.src;
  }
  output() {
    return new DirectoryTarget(this.dest);
  }
  override *mapper(line: string) {
    this.incrementCounter('Words', 'lines');
    for (const word of line.split(/\s+/u)) {
      if (word === '') continue;
      this.incrementCounter('Words', 'words');
      yield [word, 1] as const;
    }
  }
  override *combiner(word: string, counts: Iterable<number>) {
    let sum = 0;
    for (const n of counts) sum += n;
    yield [word, sum] as const;
  }
  override *reducer(word: string, counts: Iterable<number>) {
    let sum = 0;
    for (const n of counts) sum += n;
    yield [word, sum] as const;
  }
}

/**
 * Two steps: count words, then group words by their count
 * (step 2 mapper gets (word, count), keys [count] as a tuple).
 */
export class WordsByCount extends MapReduceTask {
  static override moduleUrl = import.meta.url;
  static override parameters = inputParameters;
  declare src: string[];
  declare dest: string;

  override async inputFiles() {
    return this.src;
  }
  output() {
    return new DirectoryTarget(this.dest);
  }
  override steps(): MapReduceStep[] {
    return [
      {
        *mapper(line: string) {
          for (const word of line.split(/\s+/u)) if (word) yield [word.toLowerCase(), 1];
        },
        *reducer(word: string, counts: Iterable<number>) {
          let sum = 0;
          for (const n of counts) sum += n;
          yield [word, sum];
        },
      },
      {
        *mapper(this: WordsByCount, word: string, count: number) {
          this.incrementCounter('Step 2', 'words seen');
          yield [[count], word];
        },
        reducerInit(this: WordsByCount & { groups?: number }) {
          this.groups = 0;
        },
        *reducer(this: WordsByCount & { groups?: number }, key: [number], words: Iterable<string>) {
          this.groups!++;
          yield [key, [...words].sort()];
        },
        *reducerFinal(this: WordsByCount & { groups?: number }) {
          this.incrementCounter('Step 2', 'groups', this.groups!);
        },
      },
    ];
  }
}

/** Fails on the line that contains "boom": the failure must name the file and line. */
export class FailingMapper extends WordCount {
  static override moduleUrl = import.meta.url;
  override *mapper(line: string) {
    if (line.includes('boom')) throw new TypeError('cannot count "boom"');
    yield* super.mapper(line);
  }
}

/** Word count of the lines containing "the" only, by raw pre-filter: lines without it are never decoded. */
export class PrefilteredWordCount extends WordCount {
  static override moduleUrl = import.meta.url;
  override mapperPrefilter = 'the';
  override *mapper(line: string) {
    if (!line.includes('the')) throw new Error(`the pre-filter let through ${JSON.stringify(line)}`);
    yield* super.mapper(line);
  }
}

/** Word count into a directory that records the task's id (a fixed output root, as edX's reports have). */
export class StampedWordCount extends WordCount {
  static override moduleUrl = import.meta.url;
  override output() {
    return new StampedDirectoryTarget(this.dest, this.id);
  }
}
