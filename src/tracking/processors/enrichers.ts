/**
 * Synchronous enrichers: they add facts derived from the request (user agent,
 * geography) under `context.enrich.<name>`, never inside the edX `event` payload
 * that the pipeline's tasks read. Slow or remote lookups belong in the collector,
 * before emit, so emit stays cheap.
 */
import { isPlainObject, type EventRecord, type JsonObject, type Processor } from '../event.js';
import { parseUserAgent, type UserAgentInfo } from './user-agent.js';

/** Reads a request field from the context (envelope) or the top level (legacy record). */
function requestField(event: EventRecord, field: string): string {
  const context = isPlainObject(event.context) ? event.context : {};
  const value = context[field] ?? event[field];
  return typeof value === 'string' ? value : '';
}

function setEnrichment(event: EventRecord, name: string, value: JsonObject): void {
  if (!isPlainObject(event.context)) event.context = {};
  const context = event.context as Record<string, unknown>;
  const enrich = isPlainObject(context.enrich) ? context.enrich : (context.enrich = {});
  (enrich as Record<string, unknown>)[name] = value;
}

export interface UserAgentEnricherOptions {
  parse?: (agent: string) => UserAgentInfo | JsonObject;
}

export function userAgentEnricher(options: UserAgentEnricherOptions = {}): Processor {
  const parse = options.parse ?? parseUserAgent;
  const cache = new Map<string, JsonObject>();
  return (event) => {
    const agent = requestField(event, 'agent');
    if (!agent) return;
    let info = cache.get(agent);
    if (!info) {
      info = { ...parse(agent) } as JsonObject;
      if (cache.size >= 512) cache.delete(cache.keys().next().value!); // bounded, oldest out
      cache.set(agent, info);
    }
    setEnrichment(event, 'ua', info);
  };
}

/** A geo lookup you provide (MaxMind, a table, ...); undefined when the address is unknown. */
export type GeoLookup = (ip: string) => JsonObject | undefined;

export function geoEnricher(lookup: GeoLookup): Processor {
  if (typeof lookup !== 'function') throw new TypeError('geoEnricher needs a lookup function (ip) => {country, ...}');
  return (event) => {
    const ip = requestField(event, 'ip');
    if (!ip) return;
    const geo = lookup(ip);
    if (geo) setEnrichment(event, 'geo', geo);
  };
}
