import { Parameter, ParameterValueError, type ParameterOptions } from './parameter.js';

/**
 * A list of items of one type. From text it reads a JSON array (as edX passes
 * `--src '["s3://a", "s3://b"]'`) or a comma-separated list; a repeated CLI
 * flag appends (the CLI handles that).
 */
export class ListParameter<T> extends Parameter<T[]> {
  readonly typeName: string;
  constructor(readonly item: Parameter<T>, options: ParameterOptions<T[]> = {}) {
    super(options);
    this.typeName = `list of ${item.typeName}`;
  }

  parse(text: string): T[] {
    const t = text.trim();
    if (t.startsWith('[')) {
      return this.normalize(parseJsonList(t));
    }
    if (t === '') return [];
    return t.split(',').map((part) => this.item.parse(part.trim()));
  }

  override normalize(value: unknown): T[] {
    if (typeof value === 'string') return this.parse(value);
    if (!Array.isArray(value)) throw new ParameterValueError(`expected a list, got ${JSON.stringify(value)}`);
    return value.map((v) => this.item.normalize(v));
  }

  override serialize(value: T[]): string {
    return JSON.stringify(value.map((v) => this.item.toIdentity(v)));
  }

  override toIdentity(value: T[]): unknown {
    return value.map((v) => this.item.toIdentity(v));
  }
}

/**
 * JSON, forgiving backslashes JSON does not define: edX configs write regexes
 * as `pattern = [".*tracking.log-(?P<date>\d{8}).*\.gz"]`, where `\d` is a
 * regex escape, not a JSON one. Those backslashes are kept as written.
 */
function parseJsonList(text: string): unknown {
  for (const candidate of [text, text.replace(/\\(\\|["\/bfnrtu])|\\/g, (m, kept: string | undefined) => (kept ? m : '\\\\'))]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the lenient form next
    }
  }
  throw new ParameterValueError('expected a JSON list like ["a", "b"] or a comma-separated list');
}
