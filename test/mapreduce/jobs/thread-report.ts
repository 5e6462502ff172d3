import { threadId } from 'node:worker_threads';
import { p } from '../../../src/core/index.js';
import { MapReduceTask } from '../../../src/mapreduce/index.js';
import { DirectoryTarget } from '../../../src/targets/index.js';

/**
 * Says which worker threads mapped its input, and keeps per-instance state
 * in its hooks: what a worker pool shared by several jobs must keep apart.
 */
export class ThreadReport extends MapReduceTask {
  static override moduleUrl = import.meta.url;
  static override parameters = { ...MapReduceTask.parameters, src: p.list(p.path()), dest: p.path(), tag: p.string() };
  declare src: string[];
  declare dest: string;
  declare tag: string;
  #lines = 0;

  override async inputFiles() {
    return this.src;
  }
  output() {
    return new DirectoryTarget(this.dest);
  }
  override mapperInit() {
    this.incrementCounter('Hooks', 'mapperInit');
  }
  override *mapper(line: string) {
    this.#lines++;
    yield ['thread', threadId] as const;
    yield ['tag', `${this.tag}:${line.split(' ')[0]}`] as const;
  }
  override *mapperFinal() {
    yield ['lines', this.#lines] as const;
  }
  override *reducer(key: string, values: Iterable<number | string>) {
    const all = [...values];
    if (key === 'lines') yield [key, (all as number[]).reduce((a, b) => a + b, 0)] as const;
    else yield [key, [...new Set(all)].sort()] as const;
  }
}
