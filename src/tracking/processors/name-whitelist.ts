/** edX's NameWhitelistProcessor: drops events whose name is not on the list. */
import { EventEmissionExit, TrackingConfigError } from '../errors.js';
import type { EventRecord, Processor } from '../event.js';
import { eventName } from './regex-filter.js';

export function nameWhitelistProcessor(whitelist: string[], configPath = 'NameWhitelistProcessor'): Processor {
  // A bare string would otherwise be iterated as characters: 'edx.x' would allow 'e', 'd', ...
  if (typeof whitelist === 'string' || !Array.isArray(whitelist))
    throw new TrackingConfigError(`${configPath}.whitelist`, 'must be a list of event names, not a string or nothing');
  const allowed = new Set(whitelist);
  return (event: EventRecord) => {
    if (!allowed.has(eventName(event))) throw new EventEmissionExit('not in whitelist');
  };
}
