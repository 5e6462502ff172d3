/**
 * opaque-keys' locator grammar (BlockLocatorBase.URL_RE), shared by course,
 * library and block keys: `[org+course[+run]+][branch@B+][version@V+][type@T+][block@ID]`,
 * every id of `[\w\-~.:]` (Python's Unicode `\w`), a `+` separating only
 * when something follows. A version must be 24 lowercase hex digits (bson's
 * ObjectId); any other length is an InvalidKeyError, so null here.
 */
const W = String.raw`\p{L}\p{N}_`;
const ID = String.raw`[${W}\-~.:]+`;
const SEP = String.raw`(?:\+(?!$)|$)`;
const LOCATOR = new RegExp(
  String.raw`^(?:(?<org>${ID})\+(?<course>${ID})(?:\+(?<run>${ID}))?${SEP})??` +
    String.raw`(?:branch@(?<branch>${ID})${SEP})?` +
    String.raw`(?:version@(?<version>[a-f0-9]+)${SEP})?` +
    String.raw`(?:type@(?<type>${ID})${SEP})?` +
    String.raw`(?:block@(?<block>${ID}))?$`,
  'u',
);

export interface LocatorParts {
  org?: string;
  course?: string;
  run?: string;
  branch?: string;
  version?: string;
  type?: string;
  block?: string;
}

export function parseLocator(text: string): LocatorParts | null {
  const groups = LOCATOR.exec(text)?.groups;
  if (groups === undefined) return null;
  if (groups['version'] !== undefined && groups['version'].length !== 24) return null;
  const parts: LocatorParts = {};
  for (const [name, value] of Object.entries(groups)) if (value !== undefined) parts[name as keyof LocatorParts] = value;
  return parts;
}
