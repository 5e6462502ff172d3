/**
 * The HTTP collector: `GET|POST /{service}/{name}[.gif|.json]` becomes key
 * `in.gen.{service}.{name}`; enrichers on key prefixes add facts, every listener
 * must accept the event, then the most specific handler answers. Never a 200
 * for an event that was not accepted.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counters } from '../../core/counters.js';
import { EventTooLargeError, QueueFullError, TrackerClosedError, TrackingInputError } from '../errors.js';
import type { JsonObject } from '../event.js';
import { eventClock } from '../event-time.js';
import { jsonHandler, pixelHandler, redirectHandler, redirectTarget, type Handler } from './handlers.js';
import type { Listener } from './listeners.js';
import { HttpError, keyMatches, keySpecificity, type Channel, type CollectorMessage } from './message.js';
import { parsePayload, readBody } from './request-body.js';

export type Enricher = (message: CollectorMessage) => Promise<JsonObject | undefined> | JsonObject | undefined;

export interface CollectorOptions {
  listeners: Listener[];
  /** `{ 'in.gen.track': { geo: lookup } }`: enrichers by key prefix, results under message.enrich.<name>. */
  enrichers?: Record<string, Record<string, Enricher>>;
  /** Extra handlers by key prefix; built in: `*` JSON, `in.gen.pixel` GIF, `in.gen.redir` redirect. */
  handlers?: Record<string, Handler>;
  /** URL segment aliases (short names also dodge ad blockers). */
  aliases?: Record<string, string>;
  redirectHosts?: string[];
  host?: string;
  port?: number;
  bodyLimit?: number;
  enricherTimeoutMs?: number;
  /** Seconds in Retry-After when listeners refuse for load. */
  retryAfterSeconds?: number;
  /** 'queued' answers once listeners accepted; 'durable' once they flushed. */
  ack?: 'queued' | 'durable';
}

const SERVICE = /^[A-Za-z0-9_-]{1,64}$/;
const NAME = /^[A-Za-z0-9_.-]{1,128}$/;
const DEFAULT_ALIASES = { gif: 'pixel', away: 'redir' };

export class Collector {
  readonly counters = new Counters();
  readonly server: Server;
  readonly #o: CollectorOptions;
  readonly #handlers: [string, Handler][];
  readonly #aliases: Record<string, string>;
  readonly #redirectHosts: Set<string>;

  constructor(options: CollectorOptions) {
    this.#o = options;
    this.#aliases = { ...DEFAULT_ALIASES, ...options.aliases };
    this.#redirectHosts = new Set(options.redirectHosts ?? []);
    const handlers = { '*': jsonHandler, 'in.gen.pixel': pixelHandler, 'in.gen.redir': redirectHandler, ...options.handlers };
    this.#handlers = Object.entries(handlers).sort(([a], [b]) => keySpecificity(b) - keySpecificity(a));
    this.server = createServer((req, res) => void this.#serve(req, res));
  }

  /** Listens (127.0.0.1 and an ephemeral port by default); resolves with the bound address. */
  async listen(): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.#o.port ?? 0, this.#o.host ?? '127.0.0.1', resolve);
    });
    return this.server.address() as AddressInfo;
  }

  /** Stops accepting, finishes requests in flight, then closes the listeners (draining them). */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
    for (const listener of this.#o.listeners) await listener.close?.();
  }

  async #serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      if (request.method === 'OPTIONS') return this.#cors(response);
      if (request.method !== 'GET' && request.method !== 'POST')
        throw new HttpError(405, `method ${request.method} is not allowed: use GET or POST`, { allow: 'GET, POST, OPTIONS' });
      const message = await this.#message(request);
      await this.#enrich(message);
      // A `.gif` URL always gets a pixel: an <img> tag cannot show anything else.
      const handler =
        message.channel === 'pixel' ? pixelHandler : this.#handlers.find(([prefix]) => keyMatches(prefix, message.key))![1];
      if (handler === redirectHandler) redirectTarget(message, this.#redirectHosts);
      this.#deliver(message);
      if (this.#o.ack === 'durable') await Promise.all(this.#o.listeners.map((l) => l.flush?.()));
      this.counters.add('Accepted', message.key);
      handler(message, response);
    } catch (error) {
      this.#fail(response, error);
    }
  }

  async #message(request: IncomingMessage): Promise<CollectorMessage> {
    const url = new URL(request.url ?? '/', 'http://collector.invalid');
    const body = request.method === 'POST' ? await readBody(request, this.#o.bodyLimit ?? 64 * 1024) : Buffer.alloc(0);
    const payload = parsePayload(body, String(request.headers['content-type'] ?? ''), url.searchParams);
    const segments = url.pathname.split('/').filter(Boolean);
    if (segments.length > 2) throw new HttpError(404, `no route for ${url.pathname}: use /{service}/{name}`);
    let [service = payload.service, name = payload.name] = segments;
    const ext = /\.(gif|json)$/.exec(name ?? '')?.[1];
    if (ext) name = name!.slice(0, -ext.length - 1);
    if (!service || !name) throw new HttpError(404, `no route for ${url.pathname}: use /{service}/{name}`);
    service = this.#aliases[service] ?? service;
    if (!SERVICE.test(service)) throw new HttpError(400, `service '${service}' must match ${SERVICE.source}`);
    if (!NAME.test(name)) throw new HttpError(400, `event name '${name}' must match ${NAME.source}`);
    const channel: Channel = ext === 'gif' || service === 'pixel' ? 'pixel' : service === 'redir' ? 'redirect' : 'http';
    const header = (h: string) => String(request.headers[h] ?? '');
    return {
      id: payload.id ?? randomUUID(),
      key: `in.gen.${service}.${name}`,
      channel,
      service,
      name,
      time: eventClock.now(),
      td: { ip: request.socket.remoteAddress ?? '', ua: header('user-agent'), ref: header('referer'), host: header('host'), lang: header('accept-language') },
      data: payload.data,
      context: payload.context,
      enrich: {},
    };
  }

  async #enrich(message: CollectorMessage): Promise<void> {
    const jobs: Promise<void>[] = [];
    for (const [prefix, enrichers] of Object.entries(this.#o.enrichers ?? {})) {
      if (!keyMatches(prefix, message.key)) continue;
      for (const [name, enricher] of Object.entries(enrichers)) jobs.push(this.#runEnricher(name, enricher, message));
    }
    await Promise.all(jobs);
  }

  /** An enricher that fails or is late is skipped and counted: enrichment is best-effort, the event is not. */
  async #runEnricher(name: string, enricher: Enricher, message: CollectorMessage): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.#o.enricherTimeoutMs ?? 200)));
    try {
      const result = await Promise.race([Promise.resolve().then(() => enricher(message)), late]);
      if (result === 'late') this.counters.add('Enricher timeouts', name);
      else if (result) message.enrich[name] = result;
    } catch {
      this.counters.add('Enricher errors', name);
    } finally {
      clearTimeout(timer);
    }
  }

  #deliver(message: CollectorMessage): void {
    let first: unknown;
    for (const listener of this.#o.listeners) {
      try {
        listener.accept(message);
      } catch (error) {
        first ??= error;
      }
    }
    if (first !== undefined) throw first;
  }

  #fail(response: ServerResponse, error: unknown): void {
    const retry = { 'retry-after': String(this.#o.retryAfterSeconds ?? 1) };
    const [status, headers, text] =
      error instanceof HttpError ? [error.status, error.headers, error.message]
      : error instanceof EventTooLargeError ? [413, {}, error.message]
      : error instanceof TrackingInputError ? [400, {}, error.message]
      : error instanceof QueueFullError ? [503, retry, error.message]
      : error instanceof TrackerClosedError ? [503, retry, 'the collector is shutting down; retry later']
      : [500, {}, 'internal error; the event was not accepted'];
    this.counters.add('Refused', String(status));
    if (status === 500) this.counters.add('Errors', (error as Error)?.message ?? String(error));
    if (response.headersSent) return void response.destroy();
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify({ error: text }));
  }

  #cors(response: ServerResponse): void {
    response.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '86400',
    });
    response.end();
  }
}
