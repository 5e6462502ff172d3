/**
 * Python `re.match` in JavaScript: anchored at the start only (`^(?:p)`), plus the
 * few spellings Python has and JS lacks, so patterns copied from an edX
 * configuration mean the same thing here.
 */
export function compilePythonMatch(pattern: string): RegExp {
  let source = pattern;
  let flags = 'u';
  // A leading global flag group, e.g. (?i) or (?is).
  const inline = /^\(\?([aiLmsux]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]!) if ('ims'.includes(f) && !flags.includes(f)) flags += f;
  }
  source = source
    .replace(/\(\?P<([A-Za-z_]\w*)>/g, '(?<$1>')
    .replace(/\(\?P=([A-Za-z_]\w*)\)/g, '\\k<$1>')
    .replace(/\\A/g, '^')
    .replace(/\\Z/g, '$(?![\\s\\S])');
  return new RegExp(`^(?:${source})`, flags);
}

/** Like Python's `re.match(pattern, text) is not None`. */
export function pythonMatches(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  return regex.test(text);
}
