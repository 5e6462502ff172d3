/**
 * Publishes events to RabbitMQ with publisher confirms, as persistent messages
 * to a durable topic exchange (and, when named, a durable queue bound to it, so
 * nothing is lost before the consumer first starts). flush() resolves once the
 * broker has confirmed every earlier event, and rejects if it refused any.
 */
import { randomUUID } from 'node:crypto';
import amqp, { type ChannelModel, type ConfirmChannel } from 'amqplib';
import { Counters } from '../../core/counters.js';
import { QueueFullError, TrackerClosedError } from '../errors.js';
import { isPlainObject, type Backend, type EventRecord } from '../event.js';
import { serializeEvent } from '../serialize.js';
import { declareTopology, type BrokerTopology } from './topology.js';

export interface BrokerBackendOptions extends BrokerTopology {
  url: string;
  /** Unconfirmed publishes allowed at once; beyond it send() throws QueueFullError. */
  maxInFlight?: number;
  onError?: (error: unknown) => void;
}

export class BrokerBackend implements Backend {
  readonly counters = new Counters();
  #inFlight = 0;
  #refusedSinceFlush = 0;
  #closing: Promise<void> | undefined;

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: ConfirmChannel,
    private readonly options: BrokerBackendOptions & { exchange: string },
  ) {}

  static async open(options: BrokerBackendOptions): Promise<BrokerBackend> {
    const connection = await amqp.connect(options.url);
    // An 'error' event without a listener would crash the process; report it instead.
    // Publishes after a broken connection throw, and the routing backend counts them.
    const report = (error: unknown) => options.onError?.(error);
    connection.on('error', report);
    try {
      const channel = await connection.createConfirmChannel();
      channel.on('error', report);
      const topology = await declareTopology(channel, options);
      return new BrokerBackend(connection, channel, { ...options, exchange: topology.exchange });
    } catch (error) {
      await connection.close().catch(() => {});
      throw error;
    }
  }

  send(event: EventRecord): void {
    if (this.#closing) throw new TrackerClosedError('the broker backend');
    const limit = this.options.maxInFlight ?? 10_000;
    if (this.#inFlight >= limit) {
      this.counters.add('Refused', 'in flight');
      throw new QueueFullError('the broker publish', `${limit} unconfirmed events`);
    }
    const name = String(event.event_type ?? event.name ?? 'unknown');
    const context = isPlainObject(event.context) ? event.context : {};
    // The id lets the consumer drop redeliveries; events without one get a fresh id.
    const messageId = typeof context.event_id === 'string' ? context.event_id : randomUUID();
    this.#inFlight++;
    this.channel.publish(
      this.options.exchange,
      `tracking.${name.replace(/[^\w-]+/g, '_').slice(0, 200)}`,
      Buffer.from(serializeEvent(event)),
      { persistent: true, messageId, contentType: 'application/json' },
      (error) => {
        this.#inFlight--;
        if (error) {
          this.#refusedSinceFlush++;
          this.counters.add('Nacked', 'events');
          this.options.onError?.(error);
        } else {
          this.counters.add('Confirmed', 'events');
        }
      },
    );
  }

  /** Resolves when the broker confirmed every earlier publish; rejects naming how many it refused. */
  async flush(): Promise<void> {
    try {
      await this.channel.waitForConfirms();
    } catch {
      // waitForConfirms rejects on any nack; the count below says how many.
    }
    const refused = this.#refusedSinceFlush;
    this.#refusedSinceFlush = 0;
    if (refused > 0) throw new Error(`RabbitMQ refused ${refused} events (nacked); they were not delivered`);
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        await this.flush();
      } finally {
        await this.channel.close().catch(() => {});
        await this.connection.close().catch(() => {});
      }
    })();
    return this.#closing;
  }
}
