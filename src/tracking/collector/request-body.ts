/**
 * Reads a request into `{service?, name?, data, context}`: JSON or urlencoded
 * bodies, capped in bytes (413), malformed ones refused with a reason (400).
 */
import type { IncomingMessage } from 'node:http';
import { isPlainObject, type JsonObject } from '../event.js';
import { HttpError } from './message.js';

export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) {
    request.resume(); // drain without keeping it
    throw new HttpError(413, `body of ${declared} bytes is over the limit of ${limit}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.resume();
      throw new HttpError(413, `body is over the limit of ${limit} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export interface ParsedPayload {
  service?: string;
  name?: string;
  /** A client-chosen event id, so a retried request can be deduplicated downstream. */
  id?: string;
  data: JsonObject;
  context: JsonObject;
}

/**
 * A JSON body is `{data, context?, service?, name?}`, or, without a `data` key,
 * the payload itself. Query parameters (and urlencoded bodies) are strings.
 */
export function parsePayload(body: Buffer, contentType: string, query: URLSearchParams): ParsedPayload {
  const fromQuery: JsonObject = Object.fromEntries(query.entries());
  let fields: Record<string, unknown> = {};
  if (body.length > 0) {
    if (contentType.includes('application/x-www-form-urlencoded')) {
      fields = Object.fromEntries(new URLSearchParams(body.toString('utf8')).entries());
    } else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch (error) {
        throw new HttpError(400, `body is not valid JSON (${(error as Error).message})`);
      }
      if (!isPlainObject(parsed)) throw new HttpError(400, 'body must be a JSON object');
      fields = parsed;
    }
  }
  const { service, name, context, data, id, ...rest } = fields;
  if (id !== undefined && (typeof id !== 'string' || !/^[\w-]{8,64}$/.test(id)))
    throw new HttpError(400, 'body.id must be 8-64 letters, digits, _ or - (e.g. a UUID)');
  if (context !== undefined && !isPlainObject(context)) throw new HttpError(400, 'body.context must be an object');
  if (data !== undefined && !isPlainObject(data)) throw new HttpError(400, 'body.data must be an object');
  return {
    service: typeof service === 'string' ? service : query.get('service') ?? undefined,
    name: typeof name === 'string' ? name : query.get('name') ?? undefined,
    id,
    data: { ...fromQuery, ...((data ?? rest) as JsonObject) },
    context: (context ?? {}) as JsonObject,
  };
}
