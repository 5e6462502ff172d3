import { describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import amqp from 'amqplib';
import { randomUUID } from 'node:crypto';
import { AMQP_TEST_URL, describeRabbit } from '../support/services.js';
import { BatchingFileBackend, legacyFieldMapping, RotatingLogFile, RoutingBackend, Tracker } from '../../src/tracking/index.js';
import { BrokerBackend, BrokerConsumer } from '../../src/tracking/broker/index.js';
import { GatedWriter, readAllRecords, tempDir } from './support.js';

const names = () => {
  const id = randomUUID().slice(0, 8);
  return { exchange: `pw.test.${id}`, queue: `pw.test.${id}` };
};

async function queueDepth(queue: string): Promise<number> {
  const connection = await amqp.connect(AMQP_TEST_URL);
  try {
    const channel = await connection.createChannel();
    return (await channel.checkQueue(queue)).messageCount;
  } finally {
    await connection.close();
  }
}

async function cleanup(topology: { exchange: string; queue: string }) {
  const connection = await amqp.connect(AMQP_TEST_URL);
  const channel = await connection.createChannel();
  await channel.deleteQueue(topology.queue);
  await channel.deleteExchange(topology.exchange);
  await connection.close();
}

async function producer(topology: { exchange: string; queue: string }) {
  const broker = await BrokerBackend.open({ url: AMQP_TEST_URL, ...topology });
  const tracker = new Tracker({
    backends: { broker: new RoutingBackend({ processors: [legacyFieldMapping], backends: { broker } }) },
    eventIds: true,
    failures: 'throw',
  });
  return { tracker, broker };
}

describeRabbit('RabbitMQ round trip', () => {
  it('publishes with confirms; the consumer writes tracking lines and acks only once durable', async () => {
    const topology = names();
    const { tracker, broker } = await producer(topology);
    for (let seq = 0; seq < 250; seq++) tracker.emit('edx.test.numbered', { seq });
    await tracker.flush();
    expect(broker.counters.get('Confirmed', 'events')).toBe(250);
    expect(await queueDepth(topology.queue)).toBe(250);

    const dir = await tempDir();
    const file = await BatchingFileBackend.open({ dir, batchSize: 50 });
    const consumer = await BrokerConsumer.start({ url: AMQP_TEST_URL, ...topology, backend: file, batchSize: 50, flushIntervalMs: 20 });
    await vi.waitFor(() => expect(consumer.counters.get('Acked', 'messages')).toBe(250), { timeout: 10_000 });
    await consumer.close();
    await file.close();
    await tracker.close();
    const records = await readAllRecords(dir);
    expect(records.map((r) => r.event.seq)).toEqual([...Array(250).keys()]);
    expect(records[0]).toMatchObject({ event_type: 'edx.test.numbered', event_source: 'server' });
    expect(await queueDepth(topology.queue)).toBe(0);
    await cleanup(topology);
  }, 20_000);

  it('a consumer that dies before its batch is durable leaves the messages for the next one; ids drop redeliveries', async () => {
    const topology = names();
    const { tracker } = await producer(topology);
    for (let seq = 0; seq < 40; seq++) tracker.emit('edx.test.numbered', { seq });
    await tracker.close();

    // First consumer: its disk never completes a write, so nothing may be acked.
    const stalledDir = await tempDir();
    const stalled = new BatchingFileBackend(new GatedWriter(await RotatingLogFile.open({ dir: stalledDir })), { batchSize: 10 });
    const first = await BrokerConsumer.start({ url: AMQP_TEST_URL, ...topology, backend: stalled, batchSize: 10, flushIntervalMs: 10 });
    await vi.waitFor(() => expect(first.counters.get('Received', 'events')).toBe(20)); // prefetch = 2 batches
    expect(first.counters.get('Acked', 'messages')).toBe(0);
    await first.abandon();
    expect(await queueDepth(topology.queue)).toBe(40);

    // Second consumer, with a duplicate published on purpose (same event id).
    const dir = await tempDir();
    const file = await BatchingFileBackend.open({ dir, batchSize: 10 });
    const second = await BrokerConsumer.start({ url: AMQP_TEST_URL, ...topology, backend: file, batchSize: 10, flushIntervalMs: 10 });
    await vi.waitFor(() => expect(second.counters.get('Acked', 'messages')).toBe(40), { timeout: 10_000 });
    const connection = await amqp.connect(AMQP_TEST_URL);
    const channel = await connection.createConfirmChannel();
    const copy = JSON.stringify({ event_type: 'edx.test.numbered', event: { seq: 0 }, context: {} });
    const firstId = (await readAllRecords(dir))[0]!.context.event_id;
    channel.publish(topology.exchange, 'tracking.edx_test', Buffer.from(copy), { messageId: firstId, persistent: true });
    await channel.waitForConfirms();
    await connection.close();
    await vi.waitFor(() => expect(second.counters.get('Dropped', 'duplicate')).toBe(1));
    await second.close();
    await file.close();
    expect((await readAllRecords(dir)).map((r) => r.event.seq)).toEqual([...Array(40).keys()]);
    expect(await queueDepth(topology.queue)).toBe(0);
    await cleanup(topology);
  }, 20_000);
});
