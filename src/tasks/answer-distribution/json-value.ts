import { isPyDict, pyHas, type PyDict, type PyValue } from '../../eventlog/parse/python/py-value.js';

/** A parsed JSON object (Python dict), as parsePythonJson gives it. */
export type JsonObject = PyDict;

/** `isinstance(x, dict)`. */
export function isJsonObject(value: unknown): value is JsonObject {
  return isPyDict(value);
}

/** Python `d.get(key, fallback)`: the value when the key is present (even null), else the fallback. */
export function dictGet(dict: JsonObject, key: string, fallback: PyValue = null): PyValue {
  return pyHas(dict, key) ? (dict[key] as PyValue) : fallback;
}

export type { PyValue };
