/**
 * Hive's `SerDeUtils.escapeString`: escapes `"` and `\`, writes `\b \f \n \r \t` as two-character escapes and
 * other control characters below U+0020 as `\uXXXX` (lower-case hex). Everything else is kept, `/` included.
 */
export function escapeJsonString(s: string): string {
  const n = s.length;
  let i = 0;
  // Fast path: most strings need no escaping at all.
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92) break;
    i++;
  }
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 32 && c !== 34 && c !== 92) {
      out += s[i];
      continue;
    }
    switch (c) {
      case 34:
        out += '\\"';
        break;
      case 92:
        out += '\\\\';
        break;
      case 8:
        out += '\\b';
        break;
      case 12:
        out += '\\f';
        break;
      case 10:
        out += '\\n';
        break;
      case 13:
        out += '\\r';
        break;
      case 9:
        out += '\\t';
        break;
      default:
        out += '\\u' + c.toString(16).padStart(4, '0');
    }
  }
  return out;
}
