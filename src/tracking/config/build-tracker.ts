/**
 * A Tracker from plain data, like edX's EVENT_TRACKING_BACKENDS: engines are
 * looked up by name (never imported from strings), and the whole tree is
 * validated before anything is opened, so a typo in the last backend cannot
 * leave the first one holding a lock. Errors name the config path.
 */
import { TrackingConfigError } from '../errors.js';
import type { Backend, Processor } from '../event.js';
import type { GeoLookup } from '../processors/enrichers.js';
import { Tracker } from '../tracker.js';
import { backendFactory } from './backend-engines.js';
import { object, onlyKeys, optionalBoolean, optionalChoice, optionalNumber } from './checks.js';
import { processorFactory } from './processor-engines.js';

/** What config cannot hold: functions you inject. */
export interface TrackingServices {
  geoLookup?: GeoLookup;
}

export type Factory<T> = () => Promise<T>;

export function backendsFactory(value: unknown, path: string, services: TrackingServices): Factory<Record<string, Backend>> {
  const node = object(value, path);
  const factories = Object.entries(node).map(([name, child]) => [name, backendFactory(child, `${path}.${name}`, services)] as const);
  return async () => {
    const opened: Record<string, Backend> = {};
    try {
      for (const [name, factory] of factories) opened[name] = await factory();
    } catch (error) {
      await Promise.allSettled(Object.values(opened).map((b) => b.close?.()));
      throw error;
    }
    return opened;
  };
}

export function processorsList(value: unknown, path: string, services: TrackingServices): Processor[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TrackingConfigError(path, 'must be a list of processors');
  return value.map((item, i) => processorFactory(item, `${path}[${i}]`, services));
}

export async function buildTracker(config: unknown, services: TrackingServices = {}, root = 'tracking'): Promise<Tracker> {
  const node = object(config, root);
  onlyKeys(node, ['backends', 'processors', 'maxEventBytes', 'eventIds', 'failures'], root);
  if (node.backends === undefined) throw new TrackingConfigError(`${root}.backends`, 'is required: where should events go?');
  const openBackends = backendsFactory(node.backends, `${root}.backends`, services);
  const processors = processorsList(node.processors, `${root}.processors`, services);
  const maxEventBytes = optionalNumber(node, 'maxEventBytes', root, 1);
  const eventIds = optionalBoolean(node, 'eventIds', root);
  const failures = optionalChoice(node, 'failures', root, ['isolate', 'throw'] as const);
  return new Tracker({ backends: await openBackends(), processors, maxEventBytes, eventIds, failures });
}
