/**
 * Real servers for the tests that need them: MariaDB and RabbitMQ.
 * .ci/run starts both and sets PIPEWRIGHT_REQUIRE_SERVICES=1, which makes
 * these tests mandatory; elsewhere they skip with one line when no server answers.
 */
import { connect } from 'node:net';
import { describe } from 'vitest';

export const MYSQL_TEST_URL =
  process.env.PIPEWRIGHT_TEST_MYSQL_URL ?? 'mysql://pipewright:pipewright-test@127.0.0.1:3306/pipewright_test';
export const AMQP_TEST_URL = process.env.PIPEWRIGHT_TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

const required = process.env.PIPEWRIGHT_REQUIRE_SERVICES === '1';

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port), timeout: 1000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

async function describeIfServer(name: string, url: string): Promise<typeof describe> {
  const ok = await reachable(url);
  if (ok) return describe;
  const where = new URL(url).host;
  if (required) throw new Error(`${name} is required (PIPEWRIGHT_REQUIRE_SERVICES=1) but nothing answers on ${where}`);
  console.warn(`skipping ${name} tests: no server on ${where} (bash .ci/services.sh starts one)`);
  return describe.skip as unknown as typeof describe; // same call shape; vitest types the chained form apart
}

/** `describe` when MariaDB answers, `describe.skip` (with one line saying why) when not. */
export const describeMysql = await describeIfServer('MariaDB/MySQL', MYSQL_TEST_URL);
/** `describe` when RabbitMQ answers, `describe.skip` (with one line saying why) when not. */
export const describeRabbit = await describeIfServer('RabbitMQ', AMQP_TEST_URL);
