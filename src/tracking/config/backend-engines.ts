/** Backend engines by name: `routing`, `file`, `broker`, `memory`, `console`. */
import { TrackingConfigError } from '../errors.js';
import type { Backend } from '../event.js';
import { BrokerBackend } from '../broker/broker-backend.js';
import { BatchingFileBackend } from '../file/batching-file-backend.js';
import { ConsoleBackend, MemoryBackend } from '../memory-backend.js';
import { RoutingBackend } from '../routing-backend.js';
import { backendsFactory, processorsList, type Factory, type TrackingServices } from './build-tracker.js';
import { engineNode, onlyKeys, optionalBoolean, optionalChoice, optionalNumber, optionalString, requiredString } from './checks.js';

export const BACKEND_ENGINES = ['routing', 'file', 'broker', 'memory', 'console'] as const;

const FILE_NUMBERS = ['batchSize', 'flushIntervalMs', 'maxQueueEvents', 'maxQueueBytes', 'maxEventBytes', 'closeTimeoutMs', 'maxBytes'] as const;

export function backendFactory(value: unknown, path: string, services: TrackingServices): Factory<Backend> {
  const { engine, options, optionsPath: at } = engineNode(value, path);
  switch (engine) {
    case 'routing': {
      onlyKeys(options, ['backends', 'processors', 'failures'], at);
      const children = backendsFactory(options.backends ?? {}, `${at}.backends`, services);
      const processors = processorsList(options.processors, `${at}.processors`, services);
      const failures = optionalChoice(options, 'failures', at, ['isolate', 'throw'] as const);
      return async () => new RoutingBackend({ backends: await children(), processors, failures });
    }
    case 'file': {
      onlyKeys(options, ['dir', 'baseName', 'period', 'fsync', 'rotateOnClose', ...FILE_NUMBERS], at);
      const dir = requiredString(options, 'dir', at);
      const numbers = Object.fromEntries(FILE_NUMBERS.map((key) => [key, optionalNumber(options, key, at, 1)]));
      const resolved = {
        dir,
        baseName: optionalString(options, 'baseName', at),
        period: optionalChoice(options, 'period', at, ['daily', 'hourly', 'none'] as const),
        fsync: optionalBoolean(options, 'fsync', at),
        rotateOnClose: optionalBoolean(options, 'rotateOnClose', at),
        ...numbers,
      };
      return () => BatchingFileBackend.open(resolved);
    }
    case 'broker': {
      onlyKeys(options, ['url', 'exchange', 'queue', 'bindingKey', 'maxInFlight'], at);
      const resolved = {
        url: requiredString(options, 'url', at),
        exchange: optionalString(options, 'exchange', at),
        queue: optionalString(options, 'queue', at),
        bindingKey: optionalString(options, 'bindingKey', at),
        maxInFlight: optionalNumber(options, 'maxInFlight', at, 1),
      };
      return () => BrokerBackend.open(resolved);
    }
    case 'memory':
      onlyKeys(options, [], at);
      return async () => new MemoryBackend();
    case 'console':
      onlyKeys(options, [], at);
      return async () => new ConsoleBackend();
    default:
      throw new TrackingConfigError(`${path}.engine`, `unknown backend engine '${engine}'; known: ${BACKEND_ENGINES.join(', ')}`);
  }
}
