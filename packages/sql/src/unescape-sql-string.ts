/**
 * Unescapes a Hive string literal token exactly as Hive's `BaseSemanticAnalyzer.unescapeSQLString` does.
 *
 * The input is the literal as written, quotes included; it may be several adjacent quoted parts
 * (`'a''b'` is `ab` in Hive, not `a'b`). Escapes: `\0 \' \" \b \n \r \t \Z \\`, `\uXXXX`, three-digit
 * octal `\[01][0-7][0-7]` (so `\200` is `200`: only 0–127 are octal escapes),
 * `\%` and `\_` keep their backslash (for LIKE), any other `\c` is `c`.
 *
 * @param quoted - The literal including its quotes.
 * @returns The string value.
 * @example
 * ```ts
 * unescapeSqlString("'a\\tb'"); // 'a\tb'
 * ```
 */
export function unescapeSqlString(quoted: string): string {
  let out = '';
  let enclosure: string | null = null;
  const n = quoted.length;
  for (let i = 0; i < n; i++) {
    const c = quoted.charAt(i);
    if (enclosure == null) {
      if (c === "'" || c === '"') enclosure = c;
      // Hive ignores everything between the parts of a literal sequence.
      continue;
    }
    if (c === enclosure) {
      enclosure = null;
      continue;
    }
    // The length checks mirror Hive's, which count the closing quote.
    if (c === '\\' && i + 6 < n && quoted.charAt(i + 1) === 'u') {
      const hex = quoted.slice(i + 2, i + 6);
      const code = /^[0-9a-fA-F]{4}$/.test(hex) ? parseInt(hex, 16) : hexDigitsLoose(hex);
      out += String.fromCharCode(code & 0xffff);
      i += 5;
      continue;
    }
    if (c === '\\' && i + 4 < n) {
      const d1 = quoted.charAt(i + 1);
      const d2 = quoted.charAt(i + 2);
      const d3 = quoted.charAt(i + 3);
      if (d1 >= '0' && d1 <= '1' && d2 >= '0' && d2 <= '7' && d3 >= '0' && d3 <= '7') {
        const byte = (d1.charCodeAt(0) - 48) * 64 + (d2.charCodeAt(0) - 48) * 8 + (d3.charCodeAt(0) - 48);
        // The first digit is 0 or 1, so the byte is at most 0o177 and always ASCII.
        out += String.fromCharCode(byte);
        i += 3;
        continue;
      }
    }
    if (c === '\\' && i + 2 < n) {
      const e = quoted.charAt(i + 1);
      out += ESCAPES[e] ?? e;
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  "'": "'",
  '"': '"',
  b: '\b',
  n: '\n',
  r: '\r',
  t: '\t',
  Z: '\u001a',
  '\\': '\\',
  // Hive keeps these escaped so LIKE still sees them as literal % and _.
  '%': '\\%',
  _: '\\_',
};

// Java's Character.digit returns -1 for a non-hex char and Hive adds it in anyway; reproduce that.
function hexDigitsLoose(hex: string): number {
  let code = 0;
  for (const ch of hex) {
    const d = parseInt(ch, 16);
    code = (code << 4) + (Number.isNaN(d) ? -1 : d);
  }
  return code;
}
