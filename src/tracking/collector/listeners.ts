/**
 * Listeners receive every accepted event. Unlike Rockstat's fire-and-forget
 * notify, accept() is synchronous and may refuse (queue full, closed, too big):
 * the collector turns a refusal into 503/413/400 instead of a 200 for a lost event.
 */
import type { JsonObject } from '../event.js';
import type { Tracker } from '../tracker.js';
import type { CollectorMessage } from './message.js';

export interface Listener {
  accept(message: CollectorMessage): void;
  /** For `ack: 'durable'`: resolves when accepted events are durable. */
  flush?(): Promise<void>;
  close?(): Promise<void>;
}

export interface TrackerListenerOptions {
  /**
   * Merge the client's `context` into the event (after the collector's own
   * fields, so it can set course_id, username, event_source). Only for trusted
   * producers, e.g. your own servers posting to a collector on 127.0.0.1.
   */
  trustClientContext?: boolean;
}

/** Emits each message through a Tracker, in a `collector` context built from the request. */
export function trackerListener(tracker: Tracker, options: TrackerListenerOptions = {}): Listener {
  return {
    accept(message) {
      const context: JsonObject = {
        ip: message.td.ip,
        agent: message.td.ua,
        host: message.td.host,
        referer: message.td.ref,
        accept_language: message.td.lang,
        page: message.td.ref || null,
        event_source: 'browser',
        event_id: message.id,
        collector: { key: message.key, service: message.service, channel: message.channel },
        ...(Object.keys(message.enrich).length > 0 ? { enrich: message.enrich } : {}),
        ...(options.trustClientContext ? message.context : {}),
      };
      tracker.withContext('collector', context, () => tracker.emit(message.name, message.data));
    },
    flush: () => tracker.flush(),
    close: () => tracker.close(),
  };
}
