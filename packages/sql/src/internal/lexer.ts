// The Hive-dialect lexer: words (identifiers and keywords alike), backquoted identifiers, string and
// numeric literals, operators. Keywords are recognised by the parser by their upper-cased text, because
// Hive lets most keywords be identifiers too.
import { HiveBatchError } from '@hive-batch/core';
import type { NumberSuffix, SourcePosition } from '../ast';
import { unescapeSqlString } from '../unescape-sql-string';

export type TokenType = 'word' | 'quotedIdent' | 'string' | 'number' | 'op' | 'eof';

export interface Token {
  readonly type: TokenType;
  /** word: upper-cased text; quotedIdent: the name; string: unescaped value; number: digits; op: operator. */
  readonly value: string;
  /** The source text of the token. */
  readonly text: string;
  readonly suffix: NumberSuffix;
  readonly pos: SourcePosition;
  /** Offset just past the token (relative to the text given to the lexer). */
  readonly end: number;
}

/** Where the lexed text starts in a larger script, so positions point into the script. */
export interface LexStart {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

const OPERATORS3 = ['<=>'];
const OPERATORS2 = ['<=', '<>', '>=', '!=', '==', '||'];
const OPERATORS1 = '=<>+-*/%~&|^!.,()[]:;';

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
function isIdentChar(c: string): boolean {
  return isLetter(c) || isDigit(c) || c === '_';
}

/** Formats a position the way Hive's ParseException does: `line L:C`. */
export function positionText(pos: SourcePosition): string {
  return `line ${pos.line}:${pos.column - 1}`;
}

/**
 * Splits `sql` into tokens, ending with one `eof` token.
 * @throws {HiveBatchError} PARSE_ERROR on an unterminated literal/comment or a character Hive does not know.
 */
export function tokenize(sql: string, start: LexStart): Token[] {
  const tokens: Token[] = [];
  const n = sql.length;
  let i = 0;
  let line = start.line;
  let lineStart = 0; // offset of the current line's first char
  const firstLineColumnShift = start.column - 1;

  const posAt = (offset: number): SourcePosition => ({
    line,
    column: offset - lineStart + 1 + (line === start.line ? firstLineColumnShift : 0),
    offset: start.offset + offset,
  });
  // Advances over [from, to) keeping line bookkeeping right (strings and comments may span lines).
  const advanceLines = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      if (sql.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
  };
  const fail = (offset: number, message: string): never => {
    throw new HiveBatchError('PARSE_ERROR', `${positionText(posAt(offset))} ${message}`);
  };
  const push = (type: TokenType, value: string, from: number): void => {
    tokens.push({ type, value, text: sql.slice(from, i), suffix: 'none', pos: posAt(from), end: i });
  };

  while (i < n) {
    const c = sql.charAt(i);
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f') {
      advanceLines(i, i + 1);
      i++;
      continue;
    }
    if (c === '-' && sql.charAt(i + 1) === '-') {
      while (i < n && sql.charAt(i) !== '\n') i++;
      continue;
    }
    if (c === '/' && sql.charAt(i + 1) === '*') {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0) fail(i, 'unterminated /* comment');
      advanceLines(i, close + 2);
      i = close + 2;
      continue;
    }
    const from = i;
    const pos = posAt(from);
    if (c === "'" || c === '"') {
      // Hive's StringLiteral is one or more quoted parts with nothing between them.
      while (i < n && (sql.charAt(i) === "'" || sql.charAt(i) === '"')) {
        const q = sql.charAt(i);
        i++;
        for (;;) {
          if (i >= n) fail(from, `unterminated string literal starting with ${q}`);
          const d = sql.charAt(i);
          if (d === '\\') {
            i += 2;
            continue;
          }
          i++;
          if (d === q) break;
        }
      }
      const text = sql.slice(from, i);
      tokens.push({
        type: 'string',
        value: unescapeSqlString(text),
        text,
        suffix: 'none',
        pos,
        end: i,
      });
      advanceLines(from, i);
      continue;
    }
    if (c === '`') {
      let name = '';
      i++;
      for (;;) {
        if (i >= n) fail(from, 'unterminated backquoted identifier');
        const d = sql.charAt(i);
        if (d === '`') {
          if (sql.charAt(i + 1) === '`') {
            name += '`';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        name += d;
        i++;
      }
      tokens.push({
        type: 'quotedIdent',
        value: name,
        text: sql.slice(from, i),
        suffix: 'none',
        pos,
        end: i,
      });
      advanceLines(from, i);
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(sql.charAt(i + 1)))) {
      const lit = scanNumber(sql, i);
      // Hive identifiers may start with a digit; the longer match wins (ANTLR), ties go to the literal.
      let w = i;
      while (w < n && isIdentChar(sql.charAt(w))) w++;
      if (!lit.hasDot && w > lit.end) {
        i = w;
        push('word', sql.slice(from, i).toUpperCase(), from);
        continue;
      }
      i = lit.end;
      tokens.push({
        type: 'number',
        value: lit.digits,
        text: sql.slice(from, i),
        suffix: lit.suffix,
        pos,
        end: i,
      });
      continue;
    }
    if (isLetter(c) || c === '_') {
      while (i < n && isIdentChar(sql.charAt(i))) i++;
      push('word', sql.slice(from, i).toUpperCase(), from);
      continue;
    }
    const three = sql.slice(i, i + 3);
    const two = sql.slice(i, i + 2);
    if (OPERATORS3.includes(three)) {
      i += 3;
      push('op', three, from);
      continue;
    }
    if (OPERATORS2.includes(two)) {
      i += 2;
      push('op', two, from);
      continue;
    }
    if (OPERATORS1.includes(c)) {
      i++;
      push('op', c, from);
      continue;
    }
    fail(from, `unexpected character '${c}'`);
  }
  tokens.push({ type: 'eof', value: '<EOF>', text: '', suffix: 'none', pos: posAt(n), end: n });
  return tokens;
}

interface NumberScan {
  readonly digits: string;
  readonly suffix: NumberSuffix;
  readonly hasDot: boolean;
  readonly end: number;
}

function scanNumber(sql: string, start: number): NumberScan {
  const n = sql.length;
  let i = start;
  while (i < n && isDigit(sql.charAt(i))) i++;
  let hasDot = false;
  let hasExp = false;
  if (sql.charAt(i) === '.') {
    hasDot = true;
    i++;
    while (i < n && isDigit(sql.charAt(i))) i++;
  }
  const e = sql.charAt(i);
  if (e === 'e' || e === 'E') {
    let j = i + 1;
    if (sql.charAt(j) === '+' || sql.charAt(j) === '-') j++;
    if (isDigit(sql.charAt(j))) {
      while (j < n && isDigit(sql.charAt(j))) j++;
      i = j;
      hasExp = true;
    }
  }
  const digits = sql.slice(start, i);
  const s1 = sql.charAt(i).toUpperCase();
  const s2 = sql.charAt(i + 1).toUpperCase();
  if (s1 === 'B' && s2 === 'D') return { digits, suffix: 'BD', hasDot, end: i + 2 };
  if (s1 === 'D') return { digits, suffix: 'D', hasDot, end: i + 1 };
  if (!hasDot && !hasExp && (s1 === 'Y' || s1 === 'S' || s1 === 'L')) {
    return { digits, suffix: s1, hasDot, end: i + 1 };
  }
  return { digits, suffix: 'none', hasDot, end: i };
}
