/**
 * Handlers answer the request once its event is accepted. The most specific
 * handler for the key answers; the default is JSON `{id, key}`.
 */
import type { ServerResponse } from 'node:http';
import { HttpError, type CollectorMessage } from './message.js';

export type Handler = (message: CollectorMessage, response: ServerResponse) => void;

/** The classic transparent 1x1 GIF (43 bytes). */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const NO_CACHE = { 'cache-control': 'no-cache, no-store, must-revalidate', pragma: 'no-cache' };

export const jsonHandler: Handler = (message, response) => {
  response.writeHead(200, { 'content-type': 'application/json', ...NO_CACHE });
  response.end(JSON.stringify({ id: message.id, key: message.key }));
};

export const pixelHandler: Handler = (_message, response) => {
  response.writeHead(200, { 'content-type': 'image/gif', 'content-length': PIXEL_GIF.length, ...NO_CACHE });
  response.end(PIXEL_GIF);
};

/** Checks a redirect target before the event is accepted: only allow-listed hosts (no open redirect). */
export function redirectTarget(message: CollectorMessage, allowedHosts: ReadonlySet<string>): string {
  const to = message.data.to;
  if (typeof to !== 'string' || to === '') throw new HttpError(400, "redirect needs a 'to' parameter");
  let url: URL;
  try {
    url = new URL(to);
  } catch {
    throw new HttpError(400, `redirect target ${JSON.stringify(to)} is not an absolute URL`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || !allowedHosts.has(url.host))
    throw new HttpError(400, `redirect host '${url.host}' is not allowed; add it to the collector's redirect allow-list`);
  return url.toString();
}

export const redirectHandler: Handler = (message, response) => {
  response.writeHead(302, { location: String(message.data.to), ...NO_CACHE });
  response.end();
};
