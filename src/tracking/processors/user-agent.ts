/**
 * A small user-agent classifier: browser family and major version, OS, device
 * kind, bot or not. Enough for the breakdowns the reports need; inject a full
 * parser through userAgentEnricher({ parse }) when you need more.
 */
export interface UserAgentInfo {
  browser: string;
  version: string;
  os: string;
  device: 'desktop' | 'mobile' | 'tablet' | 'bot' | 'other';
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: [string, RegExp][] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\b(?:OPR|Opera)\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chromium', /\bChromium\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//],
  ['Internet Explorer', /\b(?:MSIE |Trident\/.*rv:)(\d+)/],
  ['curl', /^curl\/(\d+)/],
  ['python-requests', /^python-requests\/(\d+)/],
];

const SYSTEMS: [string, RegExp][] = [
  ['Windows', /Windows/],
  ['Android', /Android/],
  ['iOS', /iPhone|iPad|iPod/],
  ['macOS', /Mac OS X|Macintosh/],
  ['ChromeOS', /CrOS/],
  ['Linux', /Linux|X11/],
];

export function parseUserAgent(agent: string): UserAgentInfo {
  let browser = 'Other';
  let version = '';
  for (const [name, regex] of BROWSERS) {
    const match = regex.exec(agent);
    if (match) {
      browser = name;
      version = match[1] ?? '';
      break;
    }
  }
  const os = SYSTEMS.find(([, regex]) => regex.test(agent))?.[0] ?? 'Other';
  return { browser, version, os, device: deviceOf(agent) };
}

function deviceOf(agent: string): UserAgentInfo['device'] {
  if (/bot\b|crawler|spider|slurp|^curl\/|^python-requests/i.test(agent)) return 'bot';
  if (/iPad|Tablet|Android(?!.*Mobile)/.test(agent)) return 'tablet';
  if (/Mobi|iPhone|iPod|Android/.test(agent)) return 'mobile';
  if (/Windows|Macintosh|X11|CrOS|Linux/.test(agent)) return 'desktop';
  return 'other';
}
