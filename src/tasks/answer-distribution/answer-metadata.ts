import { readFileSync } from 'node:fs';
import { InputError, MissingInputDataError } from '../../core/index.js';
import { isPyDict, JsonDecodeError, parsePythonJson, pyGet, pyKeys, type PyDict, type PyValue } from '../../eventlog/parse/index.js';

/**
 * edX's `--answer-metadata` (answer_dist.py:398-470): a JSON object keyed by
 * answer id, each entry giving what problem_check events before ~2014 did not
 * carry (`problem_display_name`, `input_type`, `response_type`, `question`)
 * and `answer_value_id_map` (choice id -> choice text). Null entries mean "no
 * metadata", as edX's `dict.get(id) is not None` reads them.
 */
export type AnswerMetadata = ReadonlyMap<string, PyDict>;

/** Reads and checks the file once; every problem is one line naming the file (and the answer id) and the fix. */
export function loadAnswerMetadata(path: string): AnswerMetadata {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new MissingInputDataError(`--answer-metadata ${path}: no such file; give the JSON file of answer metadata, or leave the flag out.`);
    if (code === 'EISDIR') throw new InputError(`--answer-metadata ${path} is a directory; give the JSON file of answer metadata.`);
    throw new InputError(`--answer-metadata ${path}: cannot read it (${code ?? (error as Error).message}).`);
  }
  let text: string;
  try {
    // Python 2's json.load decodes UTF-8 and refuses a byte order mark: keep it (ignoreBOM) so the parse refuses it too.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError(`--answer-metadata ${path}: not UTF-8 text; save the JSON file as UTF-8.`);
  }
  return parseAnswerMetadata(text, path);
}

/** The checks of loadAnswerMetadata on text already read; `source` names it in errors. */
export function parseAnswerMetadata(text: string, source: string): AnswerMetadata {
  let parsed: PyValue;
  try {
    parsed = parsePythonJson(text);
  } catch (error) {
    if (!(error instanceof JsonDecodeError)) throw error;
    const bom = text.startsWith('\ufeff') ? ' (it starts with a byte order mark: save it without one)' : '';
    throw new InputError(`--answer-metadata ${source}: not valid JSON${bom}: ${error.message}.`);
  }
  if (!isPyDict(parsed)) throw new InputError(`--answer-metadata ${source}: must be a JSON object keyed by answer id, not ${describe(parsed)}.`);
  const entries = new Map<string, PyDict>();
  for (const answerId of pyKeys(parsed)) {
    const entry = parsed[answerId]!;
    if (entry === null) continue;
    if (!isPyDict(entry)) throw new InputError(`--answer-metadata ${source}: the entry of answer ${JSON.stringify(answerId)} must be a JSON object, not ${describe(entry)}.`);
    // edX would raise on the first old record of that part; say so now, once.
    const map = pyGet(entry, 'answer_value_id_map');
    if (map !== undefined && !isPyDict(map))
      throw new InputError(`--answer-metadata ${source}: answer_value_id_map of answer ${JSON.stringify(answerId)} must be a JSON object of choice id -> text, not ${describe(map)}.`);
    entries.set(answerId, entry);
  }
  return entries;
}

function describe(value: PyValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return 'a number';
}
