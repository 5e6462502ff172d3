/**
 * Python 2 `str(float)` / `unicode(float)`: 12 significant digits
 * (`'%.12g'`: exponent form below 1e-4 and from 1e12), plus `.0` when that
 * looks like an integer. edX ran on Python 2, so text it made from floats
 * looks like this: the video viewing lines its usage job cuts segments from
 * (9.99999999999999 is written `10.0`, segment 2, not 1), and problem
 * response's numeric answers.
 */
export function python2FloatStr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const [mantissa, exponentText] = x.toExponential(11).split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 12) {
    const digits = stripZeros(mantissa);
    return `${digits}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const fixed = stripZeros(x.toFixed(11 - exponent));
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

function stripZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
