import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted at every depth, no whitespace. The same
 * value gives the same text in every process on every machine (luigi #2324
 * came from hashing a representation that was not canonical).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(record[k])).join(',') + '}';
}

const READABLE_CHARS = 60;

/**
 * `Family(a=1, b=x)_<20 hex of sha256>`: readable prefix, exact digest.
 * The digest covers the family and every identity parameter.
 */
export function taskId(family: string, identityParams: Record<string, unknown>): string {
  const digest = createHash('sha256')
    .update(canonicalJson({ family, params: identityParams }))
    .digest('hex')
    .slice(0, 20);
  const shown = Object.keys(identityParams)
    .sort()
    .map((k) => `${k}=${typeof identityParams[k] === 'string' ? identityParams[k] : canonicalJson(identityParams[k])}`)
    .join(', ');
  const readable = shown.length > READABLE_CHARS ? shown.slice(0, READABLE_CHARS - 3) + '...' : shown;
  return `${family}(${readable})_${digest}`;
}
