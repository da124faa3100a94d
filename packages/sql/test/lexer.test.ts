import { describe, expect, it } from 'vitest';
import { parseStatement, unescapeSqlString } from '@hive-batch/sql';
import type { Expression } from '@hive-batch/sql';
import { stripPositions } from './helpers';

/** The first select item of `SELECT <text>`. */
function selectExpr(text: string): Expression {
  const stmt = parseStatement(`SELECT ${text}`);
  if (stmt.kind !== 'query' || stmt.query.body.kind !== 'select') throw new Error('not a select');
  const item = stmt.query.body.items[0];
  if (item == null) throw new Error('no item');
  return item.expr;
}

describe('unescapeSqlString (Hive BaseSemanticAnalyzer.unescapeSQLString)', () => {
  it.each([
    ["'abc'", 'abc'],
    ['"abc"', 'abc'],
    ["'a\\tb\\nc\\rd'", 'a\tb\nc\rd'],
    ["'it\\'s'", "it's"],
    ["'back\\\\slash'", 'back\\slash'],
    ["'nul\\0x'", 'nul\0x'],
    ["'ctl\\Zx'", 'ctl\u001ax'],
    ["'\\001'", '\u0001'],
    ["'\\002x'", '\u0002x'],
    ["'\\u0041b'", 'Ab'],
    ["'a\\_b\\%'", 'a\\_b\\%'],
    ["'\\q'", 'q'],
    ["'a''b'", 'ab'],
    ['\'a\'"b"', 'ab'],
    ["'\\177'", '\u007f'],
    ["'\\200x'", '200x'],
  ])('%s → %j', (quoted, value) => {
    expect(unescapeSqlString(quoted)).toBe(value);
  });
});

describe('literals', () => {
  it.each([
    ['10', '10', 'none'],
    ['10Y', '10', 'Y'],
    ['10s', '10', 'S'],
    ['10L', '10', 'L'],
    ['10BD', '10', 'BD'],
    ['1.5bd', '1.5', 'BD'],
    ['2D', '2', 'D'],
    ['1e3', '1e3', 'none'],
    ['1.5E-3', '1.5E-3', 'none'],
    ['.5', '.5', 'none'],
    ['98765432109876543210.12345', '98765432109876543210.12345', 'none'],
  ])('%s is a number %s with suffix %s', (text, digits, suffix) => {
    expect(stripPositions(selectExpr(text))).toEqual({ kind: 'number', text: digits, suffix });
  });

  it('reads double-quoted text as a string, as Hive does', () => {
    expect(stripPositions(selectExpr('"neg"'))).toEqual({ kind: 'string', value: 'neg' });
  });

  it('joins adjacent string literals', () => {
    expect(stripPositions(selectExpr("'a' 'b'\n'c'"))).toEqual({ kind: 'string', value: 'abc' });
  });

  it('reads NULL, TRUE, FALSE, DATE and TIMESTAMP literals', () => {
    expect(selectExpr('NULL').kind).toBe('null');
    expect(stripPositions(selectExpr('true'))).toEqual({ kind: 'boolean', value: true });
    expect(stripPositions(selectExpr("DATE '2020-01-02'"))).toEqual({
      kind: 'typedLiteral',
      type: 'date',
      value: '2020-01-02',
    });
    expect(stripPositions(selectExpr("INTERVAL '1' DAY"))).toMatchObject({ kind: 'interval', unit: 'day' });
  });
});

describe('identifiers and comments', () => {
  it('lets an identifier start with a digit when it is longer than the number (ANTLR longest match)', () => {
    expect(stripPositions(selectExpr('1a'))).toEqual({ kind: 'column', parts: ['1a'] });
  });

  it('reads backquoted identifiers, with doubled backquotes', () => {
    expect(stripPositions(selectExpr('`dec`'))).toEqual({ kind: 'column', parts: ['dec'] });
    expect(stripPositions(selectExpr('`a``b`.`c d`'))).toEqual({ kind: 'column', parts: ['a`b', 'c d'] });
  });

  it('treats keywords case-insensitively and keeps identifier case', () => {
    const stmt = parseStatement('sElEcT Key FrOm Src');
    expect(stmt.kind).toBe('query');
    expect(JSON.stringify(stmt)).toContain('"Key"');
  });

  it('skips -- and /* */ comments', () => {
    const stmt = parseStatement('SELECT /* hint; */ a -- trailing; comment\n FROM t');
    expect(stmt.kind).toBe('query');
  });

  it('gives every node the position it starts at', () => {
    const stmt = parseStatement('SELECT\n  a + b\nFROM t');
    if (stmt.kind !== 'query' || stmt.query.body.kind !== 'select') throw new Error('not a select');
    const e = stmt.query.body.items[0]?.expr;
    expect(e?.pos).toEqual({ line: 2, column: 3, offset: 9 });
    if (e?.kind !== 'binary') throw new Error('not binary');
    expect(e.right.pos).toEqual({ line: 2, column: 7, offset: 13 });
  });

  it('shifts positions by the start option', () => {
    const stmt = parseStatement('SELECT a', { start: { line: 5, column: 3, offset: 40 } });
    expect(stmt.pos).toEqual({ line: 5, column: 3, offset: 40 });
  });
});
