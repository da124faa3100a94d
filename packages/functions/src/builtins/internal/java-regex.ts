import { HiveBatchError } from '@hive-batch/core';

const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * Translates the parts of Java's regex syntax that JavaScript spells differently: `\Q…\E` quoting, leading
 * inline flags `(?i)` `(?s)` `(?m)`, `\A` / `\z` / `\Z` anchors, POSIX classes `\p{Alpha}` …, and possessive
 * quantifiers (`a*+`, taken as greedy). Everything else is passed through; most Java patterns mean the same
 * in JavaScript.
 */
function translate(pattern: string): { source: string; flags: string } {
  let flags = '';
  let p = pattern;
  for (;;) {
    const m = /^\(\?([imsux]+)\)/.exec(p);
    if (m == null) break;
    for (const f of m[1] ?? '') if ((f === 'i' || f === 'm' || f === 's') && !flags.includes(f)) flags += f;
    p = p.slice(m[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? '';
    if (c === '\\') {
      const n = p[i + 1] ?? '';
      if (n === 'Q') {
        const end = p.indexOf('\\E', i + 2);
        const lit = end < 0 ? p.slice(i + 2) : p.slice(i + 2, end);
        out += escapeLiteral(lit);
        i = end < 0 ? p.length : end + 1;
        continue;
      }
      if (!inClass && n === 'A') {
        out += '^';
        i++;
        continue;
      }
      if (!inClass && (n === 'z' || n === 'Z')) {
        out += '$';
        i++;
        continue;
      }
      if ((n === 'p' || n === 'P') && p[i + 2] === '{') {
        const close = p.indexOf('}', i + 3);
        const name = close < 0 ? '' : p.slice(i + 3, close).replace(/^Is/, '');
        const cls = POSIX[name];
        if (cls != null && close >= 0) {
          out += inClass ? cls : n === 'p' ? `[${cls}]` : `[^${cls}]`;
          i = close;
          continue;
        }
      }
      out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (p[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (p[i + 1] === ']') {
        // Java allows a literal ] first in a class.
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '+' && i > 0 && /[*+?}]/.test(p[i - 1] ?? '') && p[i - 2] !== '\\') continue; // possessive
    out += c;
  }
  return { source: out, flags };
}

/**
 * Compiles a Java regular expression as a JavaScript `RegExp` (global flag added when `global`).
 * @throws {HiveBatchError} `FUNCTION_CALL_FAILED` when the pattern does not compile (Java's PatternSyntaxException)
 */
export function compileJavaRegex(pattern: string, global: boolean): RegExp {
  const { source, flags } = translate(pattern);
  const g = global ? 'g' : '';
  try {
    return new RegExp(source, flags + g + 'u');
  } catch {
    try {
      // Java accepts escapes that unicode-mode JavaScript rejects (`\-` outside a class …).
      return new RegExp(source, flags + g);
    } catch (cause) {
      throw new HiveBatchError('FUNCTION_CALL_FAILED', `Invalid regular expression: ${pattern}`, { cause });
    }
  }
}

/** Caches the last compiled pattern, as Hive's regex UDFs do for non-constant patterns. */
export function createRegexCache(global: boolean): (pattern: string) => RegExp {
  let lastPattern: string | null = null;
  let last: RegExp | null = null;
  return (pattern) => {
    if (last != null && pattern === lastPattern) {
      last.lastIndex = 0;
      return last;
    }
    last = compileJavaRegex(pattern, global);
    lastPattern = pattern;
    return last;
  };
}

/**
 * Hive LIKE pattern to an anchored regex (`UDFLike.likePatternToRegExp`): `_` any one character, `%` any run,
 * `\_` and `\%` literal; `.` excludes line terminators as in Java without DOTALL.
 */
export function likeToRegex(pattern: string): RegExp {
  const any = '[^\\n\\r\\u0085\\u2028\\u2029]';
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    const n = pattern[i + 1];
    if (c === '\\' && (n === '_' || n === '%')) {
      out += n === '_' ? '_' : '%';
      i++;
    } else if (c === '_') out += any;
    else if (c === '%') out += `${any}*`;
    else out += escapeLiteral(c);
  }
  return new RegExp(`^(?:${out})$`, 'u');
}
