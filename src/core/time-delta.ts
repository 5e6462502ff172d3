/**
 * A length of time, as luigi's TimeDeltaParameter and edX's `expand_interval`
 * write it: `2 days`, `1 w 2 d 3 h`, `90 minutes`, ISO 8601 `P1W` / `P2DT3H`,
 * or bare seconds `3600`. Kept as whole seconds.
 */
const UNIT_SECONDS: Record<string, number> = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 };
const UNIT_WORDS: Record<string, string> = {
  w: 'w', week: 'w', weeks: 'w',
  d: 'd', day: 'd', days: 'd',
  h: 'h', hour: 'h', hours: 'h', hr: 'h', hrs: 'h',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
};

export class TimeDelta {
  constructor(readonly seconds: number) {}

  static fromDays(days: number): TimeDelta {
    return new TimeDelta(days * 86_400);
  }

  /** Parse any accepted form; undefined when `text` is none of them. */
  static tryParse(text: string): TimeDelta | undefined {
    const t = text.trim().toLowerCase();
    if (/^\d+$/.test(t)) return new TimeDelta(Number(t));
    if (t.startsWith('p')) return parseIso8601(t);
    const parts = t.split(/\s*,\s*|\s+(?=\d)/).filter(Boolean);
    if (parts.length === 0) return undefined;
    let total = 0;
    for (const part of parts) {
      const m = /^(\d+)\s*([a-z]+)$/.exec(part);
      const unit = m && UNIT_WORDS[m[2]!];
      if (!m || !unit) return undefined;
      total += Number(m[1]) * UNIT_SECONDS[unit]!;
    }
    return new TimeDelta(total);
  }

  get days(): number {
    return this.seconds / 86_400;
  }

  /** Canonical text: `1 w 2 d 3 h`, largest unit first, zero parts left out; `0 s` for nothing. */
  toString(): string {
    let rest = this.seconds;
    const parts: string[] = [];
    for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
      const n = Math.floor(rest / size);
      if (n > 0) parts.push(`${n} ${unit}`);
      rest -= n * size;
    }
    return parts.join(' ') || '0 s';
  }

  toJSON(): string {
    return this.toString();
  }
}

function parseIso8601(t: string): TimeDelta | undefined {
  const m = /^p(?:(\d+)w)?(?:(\d+)d)?(?:t(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?)?$/.exec(t);
  if (!m || t === 'p' || t.endsWith('t')) return undefined;
  const [w, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number];
  return new TimeDelta(w * 604_800 + d * 86_400 + h * 3_600 + min * 60 + s);
}
