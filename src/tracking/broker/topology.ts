/** The exchange and queue both sides declare (idempotently), so either may start first. */
import type { Channel } from 'amqplib';

export interface BrokerTopology {
  /** Durable topic exchange; default `pipewright.tracking`. */
  exchange?: string;
  /** Durable queue bound to the exchange; the consumer reads it. */
  queue?: string;
  /** Binding pattern; default `tracking.#` (every event). */
  bindingKey?: string;
}

export const DEFAULT_EXCHANGE = 'pipewright.tracking';

export async function declareTopology(channel: Channel, topology: BrokerTopology): Promise<{ exchange: string }> {
  const exchange = topology.exchange ?? DEFAULT_EXCHANGE;
  await channel.assertExchange(exchange, 'topic', { durable: true });
  if (topology.queue) {
    await channel.assertQueue(topology.queue, { durable: true });
    await channel.bindQueue(topology.queue, exchange, topology.bindingKey ?? 'tracking.#');
  }
  return { exchange };
}
