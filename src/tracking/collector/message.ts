/**
 * What the collector makes of one request, Rockstat-style: a routing key
 * `in.gen.{service}.{name}`, transport data `td`, and the payload `data`.
 */
import type { JsonObject } from '../event.js';

export type Channel = 'http' | 'pixel' | 'redirect';

export interface CollectorMessage {
  id: string;
  key: string;
  channel: Channel;
  service: string;
  name: string;
  time: Date;
  /** Transport data: what the request itself tells us. */
  td: { ip: string; ua: string; ref: string; host: string; lang: string };
  data: JsonObject;
  /** Context the client sent (used only when the collector trusts clients with it). */
  context: JsonObject;
  /** Enricher results by enricher name. */
  enrich: JsonObject;
}

/** An error that becomes an HTTP status and a one-line message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** `in.gen.track` covers `in.gen.track` and `in.gen.track.page`; `*` covers every key. */
export function keyMatches(prefix: string, key: string): boolean {
  return prefix === '*' || key === prefix || key.startsWith(`${prefix}.`);
}

/** How specific a prefix is: `*` least, then by number of segments. */
export function keySpecificity(prefix: string): number {
  return prefix === '*' ? 0 : prefix.split('.').length;
}
