/**
 * Java's `Double.toString` layout over JavaScript's shortest round-trip digits: plain notation with at least one
 * fractional digit for 1e-3 ≤ |d| < 1e7, otherwise `d.dddE±n`. Used where Hive stores doubles as text inside a
 * partial (the n-gram estimator serializes frequencies with `Double.toString`).
 */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const [mant = '', expStr = '0'] = d.toExponential().split('e');
  const e = Number(expStr);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let out: string;
  if (e >= -3 && e < 7) {
    if (e >= 0) {
      const intPart = digits.slice(0, e + 1).padEnd(e + 1, '0');
      const frac = digits.slice(e + 1);
      out = `${intPart}.${frac === '' ? '0' : frac}`;
    } else {
      out = `0.${'0'.repeat(-e - 1)}${digits}`;
    }
  } else {
    out = `${digits.slice(0, 1)}.${digits.length > 1 ? digits.slice(1) : '0'}E${e}`;
  }
  return neg ? `-${out}` : out;
}
