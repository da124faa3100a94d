// A cursor over the token list with the small vocabulary every parser file uses: look ahead,
// accept/expect keywords and operators, identifiers, and Hive-style parse errors.
import { HiveBatchError } from '@hive-batch/core';
import type { SourcePosition } from '../ast';
import type { Token } from './lexer';
import { positionText } from './lexer';

/** Hive 3.1's reserved keywords: usable as identifiers only when backquoted. */
export const RESERVED: ReadonlySet<string> = new Set([
  'ALL',
  'ALTER',
  'AND',
  'ARRAY',
  'AS',
  'AUTHORIZATION',
  'BETWEEN',
  'BIGINT',
  'BINARY',
  'BOOLEAN',
  'BOTH',
  'BY',
  'CACHE',
  'CASE',
  'CAST',
  'CHAR',
  'COLUMN',
  'COMMIT',
  'CONF',
  'CONSTRAINT',
  'CREATE',
  'CROSS',
  'CUBE',
  'CURRENT',
  'CURRENT_DATE',
  'CURRENT_TIMESTAMP',
  'CURSOR',
  'DATABASE',
  'DATE',
  'DAYOFWEEK',
  'DECIMAL',
  'DELETE',
  'DESCRIBE',
  'DISTINCT',
  'DOUBLE',
  'DROP',
  'ELSE',
  'END',
  'EXCHANGE',
  'EXISTS',
  'EXTENDED',
  'EXTERNAL',
  'EXTRACT',
  'FALSE',
  'FETCH',
  'FLOAT',
  'FLOOR',
  'FOLLOWING',
  'FOR',
  'FOREIGN',
  'FROM',
  'FULL',
  'FUNCTION',
  'GRANT',
  'GROUP',
  'GROUPING',
  'HAVING',
  'IF',
  'IMPORT',
  'IN',
  'INNER',
  'INSERT',
  'INT',
  'INTEGER',
  'INTERSECT',
  'INTERVAL',
  'INTO',
  'IS',
  'JOIN',
  'LATERAL',
  'LEFT',
  'LESS',
  'LIKE',
  'LOCAL',
  'MACRO',
  'MAP',
  'MORE',
  'NONE',
  'NOT',
  'NULL',
  'NUMERIC',
  'OF',
  'ON',
  'ONLY',
  'OR',
  'ORDER',
  'OUT',
  'OUTER',
  'OVER',
  'PARTIALSCAN',
  'PARTITION',
  'PERCENT',
  'PRECEDING',
  'PRECISION',
  'PRESERVE',
  'PRIMARY',
  'PROCEDURE',
  'RANGE',
  'READS',
  'REDUCE',
  'REFERENCES',
  'REGEXP',
  'REVOKE',
  'RIGHT',
  'RLIKE',
  'ROLLBACK',
  'ROLLUP',
  'ROW',
  'ROWS',
  'SELECT',
  'SET',
  'SMALLINT',
  'START',
  'SYNC',
  'TABLE',
  'TABLESAMPLE',
  'THEN',
  'TIME',
  'TIMESTAMP',
  'TO',
  'TRANSFORM',
  'TRIGGER',
  'TRUE',
  'TRUNCATE',
  'UNBOUNDED',
  'UNION',
  'UNIQUEJOIN',
  'UPDATE',
  'USER',
  'USING',
  'UTC_TMESTAMP',
  'VALUES',
  'VARCHAR',
  'VIEWS',
  'WHEN',
  'WHERE',
  'WINDOW',
  'WITH',
]);

/** Non-reserved words that start a clause, so they can never be an alias written without AS. */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'SORT',
  'DISTRIBUTE',
  'CLUSTER',
  'LIMIT',
  'OFFSET',
  'EXCEPT',
  'MINUS',
  'SEMI',
  'ANTI',
  'NULLS',
  'ASC',
  'DESC',
]);

/** Reserved words that may still name a function when followed by `(` (Hive's sql11ReservedKeywordsUsedAsFunctionName, plus infix words usable as functions). */
export const FUNCTION_KEYWORDS: ReadonlySet<string> = new Set([
  'IF',
  'ARRAY',
  'MAP',
  'BIGINT',
  'BINARY',
  'BOOLEAN',
  'CURRENT_DATE',
  'CURRENT_TIMESTAMP',
  'DATE',
  'DOUBLE',
  'FLOAT',
  'GROUPING',
  'INT',
  'INTEGER',
  'SMALLINT',
  'TIMESTAMP',
  'FLOOR',
  'EXTRACT',
  'CHAR',
  'VARCHAR',
  'DECIMAL',
  'NUMERIC',
  'LIKE',
  'RLIKE',
  'REGEXP',
  'TRUNCATE',
  'USER',
]);

/** Nesting bound: deeper input is rejected with PARSE_ERROR instead of overflowing the stack. */
const MAX_DEPTH = 200;

function describe(t: Token): string {
  return t.type === 'eof' ? "'<EOF>'" : `'${t.text.length > 40 ? `${t.text.slice(0, 40)}…` : t.text}'`;
}

export class TokenCursor {
  readonly tokens: readonly Token[];
  index = 0;
  private depth = 0;

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  peek(ahead = 0): Token {
    const t = this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
    if (t == null) throw new HiveBatchError('PARSE_ERROR', 'line 1:0 empty input');
    return t;
  }

  get pos(): SourcePosition {
    return this.peek().pos;
  }

  next(): Token {
    const t = this.peek();
    if (t.type !== 'eof') this.index++;
    return t;
  }

  atEnd(): boolean {
    return this.peek().type === 'eof';
  }

  /** True when the token `ahead` is the word `word` (upper case). */
  isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === 'word' && t.value === word;
  }

  /** True when the next tokens are exactly these words. */
  isWords(...words: string[]): boolean {
    return words.every((w, k) => this.isWord(w, k));
  }

  acceptWord(word: string): boolean {
    if (this.isWord(word)) {
      this.index++;
      return true;
    }
    return false;
  }

  /** Accepts a sequence of words only when all of them are there. */
  acceptWords(...words: string[]): boolean {
    if (!this.isWords(...words)) return false;
    this.index += words.length;
    return true;
  }

  expectWord(word: string, context: string): Token {
    if (!this.isWord(word)) this.fail(context, word);
    return this.next();
  }

  expectWords(context: string, ...words: string[]): void {
    for (const w of words) this.expectWord(w, context);
  }

  isOp(op: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === 'op' && t.value === op;
  }

  acceptOp(op: string): boolean {
    if (this.isOp(op)) {
      this.index++;
      return true;
    }
    return false;
  }

  expectOp(op: string, context: string): Token {
    if (!this.isOp(op)) this.fail(context, `'${op}'`);
    return this.next();
  }

  /** An identifier: a non-reserved word or a backquoted name. */
  isIdentifier(ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.type === 'quotedIdent' || (t.type === 'word' && !RESERVED.has(t.value));
  }

  /** Returns the identifier's name as written (backquotes removed). */
  identifier(context: string): string {
    const t = this.peek();
    if (!this.isIdentifier()) this.fail(context, 'an identifier');
    this.index++;
    return t.type === 'quotedIdent' ? t.value : t.text;
  }

  /** After AS, Hive accepts any word (reserved ones too). */
  anyName(context: string): string {
    const t = this.peek();
    if (t.type === 'quotedIdent' || t.type === 'word') {
      this.index++;
      return t.type === 'quotedIdent' ? t.value : t.text;
    }
    return this.fail(context, 'a name');
  }

  /** An alias written without AS: an identifier that does not start the next clause. */
  isImplicitAlias(): boolean {
    const t = this.peek();
    return this.isIdentifier() && !(t.type === 'word' && CLAUSE_WORDS.has(t.value));
  }

  /** One string literal, or several adjacent ones joined (Hive's StringLiteralSequence). */
  isString(): boolean {
    return this.peek().type === 'string';
  }

  string(context: string): string {
    if (!this.isString()) this.fail(context, 'a string literal');
    let value = '';
    while (this.isString()) value += this.next().value;
    return value;
  }

  /** A non-negative integer literal (no suffix). */
  integer(context: string): number {
    const t = this.peek();
    if (t.type !== 'number' || !/^\d+$/.test(t.value) || t.suffix !== 'none') {
      return this.fail(context, 'an integer');
    }
    this.index++;
    return Number(t.value);
  }

  enter(context: string): void {
    if (++this.depth > MAX_DEPTH) {
      throw new HiveBatchError(
        'PARSE_ERROR',
        `${positionText(this.pos)} nesting deeper than ${MAX_DEPTH} levels in ${context}`,
      );
    }
  }

  leave(): void {
    this.depth--;
  }

  /** Throws Hive's "cannot recognize input near …" at the current token. */
  fail(context: string, expected: string): never {
    const near = [this.peek(0), this.peek(1), this.peek(2)]
      .filter((_t, k, all) => k === 0 || all[k - 1]?.type !== 'eof')
      .map(describe)
      .join(' ');
    throw new HiveBatchError(
      'PARSE_ERROR',
      `${positionText(this.pos)} cannot recognize input near ${near} in ${context}; expected ${expected}`,
    );
  }
}
