import type { Readable, Writable } from 'node:stream';
import { UsageError, type Counters } from '../core/index.js';
import { forEachLine, forEachLineContaining } from '../eventlog/reader/index.js';
import { annotate } from './failure.js';
import type { MapReduceTask } from './job.js';
import { compareUtf8, formatRecord, splitRecord } from './keys.js';
import { LINE_COUNTERS } from './map-input.js';
import { MapPhase, ReducePhase, type EmitEncoded } from './phases.js';
import type { Phase } from './step.js';

export interface StreamingIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** What a streaming task writes on stderr before failing, so the Hadoop runner can find the cause in the task logs. */
export const STREAMING_ERROR_MARKER = 'pipewright:error:';

/**
 * One phase of one step as a Hadoop Streaming program (`launch-task
 * --streaming map|combine|reduce --step N Family ...`): reads stdin, writes
 * `keyJSON<TAB>valueJSON` lines (the last step's reducer writes
 * formatOutput() lines), and reports counters as
 * `reporter:counter:GROUP,NAME,N` on stderr when it ends. combine and reduce
 * expect their input sorted by key (`LC_ALL=C sort`, as Hadoop sorts) and
 * hold the values of one key in memory at a time.
 */
export async function runStreamingPhase(task: MapReduceTask, phase: Phase, step: number, io: StreamingIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<void> {
  if (typeof (task as Partial<MapReduceTask>).checkedSteps !== 'function')
    throw new UsageError(`${task.family} is not a map/reduce task; --streaming runs MapReduceTask families only.`);
  const steps = task.checkedSteps();
  if (!Number.isInteger(step) || step < 0 || step >= steps.length)
    throw new UsageError(`${task.family} has ${steps.length} step(s); --step ${step} does not exist (steps count from 0).`);
  const out = new LineOutput(io.stdout);
  const final = phase === 'reduce' && step === steps.length - 1;
  const emit: EmitEncoded = final ? (k, v) => out.line(task.formatOutput(JSON.parse(k), JSON.parse(v))) : (k, v) => out.line(formatRecord(k, v));
  try {
    if (phase === 'map') await streamMap(task, new MapPhase(task, steps[step]!, step, emit), step > 0, io.stdin, out);
    else await streamReduce(new ReducePhase(task, steps[step]!, step, phase === 'combine' ? 'combiner' : 'reducer', emit), io.stdin, out);
    await out.flush();
  } catch (error) {
    io.stderr.write(`${STREAMING_ERROR_MARKER} ${error instanceof Error ? error.message : String(error)}\n`);
    throw error;
  } finally {
    io.stderr.write(counterLines(task.counters));
  }
}

async function streamMap(task: MapReduceTask, phase: MapPhase, records: boolean, stdin: Readable, out: LineOutput): Promise<void> {
  const source = process.env.mapreduce_map_input_file ?? process.env.map_input_file ?? 'stdin';
  const needle = task.mapperPrefilter && !records ? Buffer.from(task.mapperPrefilter, 'utf8') : undefined;
  phase.start();
  let linesBefore = 0;
  let linesMapped = 0;
  let unterminated = false;
  for await (const chunk of wholeLineChunks(stdin)) {
    const onLine = (start: number, end: number) => {
      linesMapped++;
      try {
        const text = chunk.toString('utf8', start, end);
        if (!records) return phase.line(text);
        const [k, v] = splitRecord(text);
        phase.record(k, v);
      } catch (error) {
        throw annotate(error, `${phase.who} failed on ${source} line ${linesBefore + countNewlines(chunk, start) + 1}`);
      }
    };
    if (needle) forEachLineContaining(chunk, needle, onLine);
    else forEachLine(chunk, onLine);
    linesBefore += countNewlines(chunk, chunk.length);
    unterminated = chunk.length > 0 && chunk[chunk.length - 1] !== 10;
    await out.flush();
  }
  phase.finish();
  if (records) return;
  // The same input counters as the other runners, so every runner's summary agrees.
  const linesRead = linesBefore + (unterminated ? 1 : 0);
  task.counters.add(LINE_COUNTERS.group, LINE_COUNTERS.read(task.family), linesRead);
  if (needle) task.counters.add(LINE_COUNTERS.group, LINE_COUNTERS.prefiltered(task.family, task.mapperPrefilter!), linesRead - linesMapped);
}

async function streamReduce(phase: ReducePhase, stdin: Readable, out: LineOutput): Promise<void> {
  phase.start();
  let key: string | undefined;
  let values: string[] = [];
  for await (const chunk of wholeLineChunks(stdin)) {
    const text = chunk.toString('utf8');
    for (const line of text.split('\n')) {
      if (line === '') continue;
      const [k, v] = splitRecord(line);
      if (k !== key) {
        if (key !== undefined) {
          if (compareUtf8(key, k) > 0)
            throw new UsageError(`${phase.who}: input is not sorted by key (${k.slice(0, 60)} after ${key.slice(0, 60)}); sort it bytewise with LC_ALL=C sort, as Hadoop does.`);
          phase.group(key, values);
        }
        key = k;
        values = [];
      }
      values.push(v);
    }
    await out.flush();
  }
  if (key !== undefined) phase.group(key, values);
  phase.finish();
}

/** Buffers of whole lines from a byte stream (the last may lack its '\n'); UTF-8 is decoded per line by the caller. */
async function* wholeLineChunks(stream: Readable): AsyncGenerator<Buffer> {
  let carry: Buffer | undefined;
  for await (const piece of stream as AsyncIterable<Buffer | string>) {
    const data = typeof piece === 'string' ? Buffer.from(piece) : piece;
    const joined = carry ? Buffer.concat([carry, data]) : data;
    const last = joined.lastIndexOf(10);
    if (last === -1) {
      carry = joined;
      continue;
    }
    yield joined.subarray(0, last + 1);
    carry = last + 1 < joined.length ? joined.subarray(last + 1) : undefined;
  }
  if (carry && carry.length > 0) yield carry;
}

function countNewlines(buffer: Buffer, end: number): number {
  let n = 0;
  for (let at = buffer.indexOf(10); at !== -1 && at < end; at = buffer.indexOf(10, at + 1)) n++;
  return n;
}

/** `reporter:counter:GROUP,NAME,N` lines; Hadoop splits on commas, so commas in names become semicolons (as mrjob does). */
export function counterLines(counters: Counters): string {
  const clean = (s: string) => s.replace(/,/g, ';').replace(/\n/g, ' ');
  let text = '';
  for (const [group, names] of Object.entries(counters.toJSON()))
    for (const [name, n] of Object.entries(names)) text += `reporter:counter:${clean(group)},${clean(name)},${n}\n`;
  return text;
}

/** Collects output lines and writes them in batches, waiting when the pipe is full. */
class LineOutput {
  #pending: string[] = [];
  constructor(readonly stream: Writable) {}
  line(text: string): void {
    this.#pending.push(text, '\n');
  }
  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const text = this.#pending.join('');
    this.#pending = [];
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
}
