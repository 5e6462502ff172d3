/**
 * Reads tracking events from RabbitMQ into a batching file backend and acks a
 * batch only after the backend says it is durable (flush resolved): at-least-once.
 * A crash before the ack means redelivery, never loss; message ids (from
 * context.event_id) let a dedup window drop redeliveries it still remembers.
 */
import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { Counters } from '../../core/counters.js';
import { QueueFullError } from '../errors.js';
import { isPlainObject, type Backend } from '../event.js';
import { DedupWindow } from './dedup-window.js';
import { declareTopology, type BrokerTopology } from './topology.js';

export interface BrokerConsumerOptions extends BrokerTopology {
  url: string;
  queue: string;
  /** Where events go; its flush() must mean "durable" (BatchingFileBackend's does). */
  backend: Backend & { flush(): Promise<void> };
  /** Ack after this many messages... */
  batchSize?: number;
  /** ...or this long after the first unacked one. */
  flushIntervalMs?: number;
  /** Remember this many message ids to drop redeliveries; 0 turns dedup off. */
  dedupWindow?: number;
  onError?: (error: unknown) => void;
  /** The broker went away (not by close()): unacked messages are back in the queue; restart. */
  onConnectionLost?: (error?: Error) => void;
}

export class BrokerConsumer {
  readonly counters = new Counters();
  #pending: ConsumeMessage[] = [];
  #commits: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #consumerTag = '';
  #stopping = false;
  readonly #dedup: DedupWindow | undefined;

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
    private readonly options: BrokerConsumerOptions,
  ) {
    const window = options.dedupWindow ?? 100_000;
    this.#dedup = window > 0 ? new DedupWindow(window) : undefined;
  }

  static async start(options: BrokerConsumerOptions): Promise<BrokerConsumer> {
    const connection = await amqp.connect(options.url);
    // Without listeners these would crash the process. Unacked messages return to the
    // queue when the connection goes; the operator restarts the consumer.
    const report = (error: unknown) => options.onError?.(error);
    connection.on('error', report);
    const channel = await connection.createChannel();
    channel.on('error', report);
    await declareTopology(channel, options);
    const batchSize = options.batchSize ?? 100;
    // Unacked messages are bounded by prefetch: memory stays bounded whatever the backlog.
    await channel.prefetch(batchSize * 2);
    const consumer = new BrokerConsumer(connection, channel, options);
    connection.on('close', (error?: Error) => {
      if (!consumer.#stopping) options.onConnectionLost?.(error);
    });
    const reply = await channel.consume(options.queue, (message) => message && consumer.#receive(message), { noAck: false });
    consumer.#consumerTag = reply.consumerTag;
    return consumer;
  }

  #receive(message: ConsumeMessage): void {
    let record: unknown;
    try {
      record = JSON.parse(message.content.toString('utf8'));
    } catch {
      record = undefined;
    }
    if (!isPlainObject(record)) {
      this.counters.add('Refused', 'unparseable message');
      this.channel.nack(message, false, false); // dead-letters it if the queue has a DLX
      return;
    }
    const id = message.properties.messageId;
    if (this.#dedup && typeof id === 'string' && this.#dedup.has(id)) {
      this.counters.add('Dropped', 'duplicate');
    } else {
      try {
        this.options.backend.send(record);
        if (typeof id === 'string') this.#dedup?.remember(id);
        this.counters.add('Received', 'events');
      } catch (error) {
        if (!(error instanceof QueueFullError)) this.options.onError?.(error);
        this.counters.add('Requeued', error instanceof QueueFullError ? 'queue full' : 'refused');
        this.channel.nack(message, false, true);
        return;
      }
    }
    this.#pending.push(message);
    if (this.#pending.length >= (this.options.batchSize ?? 100)) this.#commit();
    else this.#timer ??= setTimeout(() => this.#commit(), this.options.flushIntervalMs ?? 1000);
  }

  /** Flush the backend, then ack everything up to the batch's last message. Commits run in order. */
  #commit(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return this.#commits;
    this.#commits = this.#commits.then(async () => {
      try {
        await this.options.backend.flush();
        this.channel.ack(batch[batch.length - 1]!, true);
        this.counters.add('Acked', 'messages', batch.length);
      } catch (error) {
        // Not durable: leave them unacked. The broker redelivers if we go away.
        this.#pending = batch.concat(this.#pending);
        this.options.onError?.(error);
      }
    });
    return this.#commits;
  }

  /** Stops consuming, acks what is durable, and disconnects; unacked messages go back to the queue. */
  async close(): Promise<void> {
    this.#stopping = true;
    await this.channel.cancel(this.#consumerTag).catch(() => {});
    await this.#commit();
    await this.channel.close().catch(() => {});
    await this.connection.close().catch(() => {});
  }

  /** Drops the connection without acking: what a crash looks like to the broker (for tests and drills). */
  async abandon(): Promise<void> {
    this.#stopping = true;
    clearTimeout(this.#timer);
    await this.connection.close().catch(() => {});
  }
}
