/**
 * Splits `s[start, end)` at every `sep` that is not escaped. An escape character protects the character after
 * it (Hive's LazyStruct/LazyArray/LazyMap skip the byte after the escape byte); the pieces keep their escapes.
 * Internal to the text SerDe.
 */
export function splitEscaped(s: string, sep: string, escape: string | null): string[] {
  if (escape == null) return s.split(sep);
  const out: string[] = [];
  const sepCode = sep.charCodeAt(0);
  const escCode = escape.charCodeAt(0);
  const n = s.length;
  let from = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === escCode && i + 1 < n) i++;
    else if (c === sepCode) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out;
}

/** A separator and the escape character that protects it. */
export interface Delimiter {
  readonly sep: string;
  readonly escape: string | null;
}

/** Index of the first unescaped `sep` in `s` at or after `from`, or -1. */
export function indexOfUnescaped(s: string, from: number, delim: Delimiter): number {
  const { sep, escape } = delim;
  if (escape == null) return s.indexOf(sep, from);
  const sepCode = sep.charCodeAt(0);
  const escCode = escape.charCodeAt(0);
  const n = s.length;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === escCode && i + 1 < n) i++;
    else if (c === sepCode) return i;
  }
  return -1;
}

/**
 * Hive's `LazyUtils.copyAndEscapeStringDataToText`: drops each escape character and keeps the character
 * after it, except that escaped `r` and `n` become CR and LF. A trailing lone escape character is kept.
 */
export function unescapeText(s: string, escape: string): string {
  let i = s.indexOf(escape);
  if (i < 0) return s;
  let out = s.slice(0, i);
  const n = s.length;
  for (; i < n; i++) {
    const ch = s[i] ?? '';
    if (ch === escape && i + 1 < n) {
      i++;
      const next = s[i] ?? '';
      out += next === 'r' ? '\r' : next === 'n' ? '\n' : next;
    } else out += ch;
  }
  return out;
}
