/**
 * CCX course keys (the `ccx_keys` opaque-keys plugin edX loads when config
 * `[ccx] enabled = true`): `ccx-v1:org+course+run[+branch@B][+version@V]+ccx@N`,
 * ids of `[\w\-~.:]` (Python's Unicode `\w`), N decimal digits. Only course
 * keys: a CCX key with a block part is a usage key, not a course.
 */
const W = String.raw`\p{L}\p{N}_`;
const ID = String.raw`[${W}\-~.:]+`;
const CCX_COURSE = new RegExp(
  String.raw`^ccx-v1:(?<org>${ID})\+(?<course>${ID})\+(?<run>${ID})` +
    String.raw`(?:\+branch@(?<branch>${ID}))?(?:\+version@(?<version>[a-f0-9]{24}))?\+ccx@(?<ccx>[0-9]+)$`,
  'u',
);

/** The canonical text of a CCX course key, or null when `text` is not one. */
export function ccxCourseKey(text: string): string | null {
  const g = CCX_COURSE.exec(text)?.groups;
  if (g === undefined) return null;
  const parts = [g['org'], g['course'], g['run']];
  if (g['branch'] !== undefined) parts.push(`branch@${g['branch']}`);
  if (g['version'] !== undefined) parts.push(`version@${g['version']}`);
  parts.push(`ccx@${g['ccx']}`);
  return `ccx-v1:${parts.join('+')}`;
}
