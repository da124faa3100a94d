import { describe, expect, it } from 'vitest';
import { isHiveBatchError } from '@hive-batch/core';
import { parseStatement } from '@hive-batch/sql';

function errorOf(sql: string): { code: string; message: string } {
  try {
    parseStatement(sql);
  } catch (e) {
    if (isHiveBatchError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`parsed: ${sql}`);
}

describe('parse errors', () => {
  it.each([
    ['', 1, 0],
    ['SELEC 1', 1, 0],
    ['SELECT FROM t', 1, 7],
    ['SELECT a FROM t WHERE', 1, 21],
    ['SELECT a,\n  FROM t', 2, 2],
    ['SELECT (a + b FROM t', 1, 14],
    ["SELECT 'abc", 1, 7],
    ['SELECT `abc', 1, 7],
    ['SELECT a /* never closed', 1, 9],
    ['SELECT a FROM t LIMIT x', 1, 22],
    ['CREATE TABLE t (a INT', 1, 21],
    ['CREATE TABLE t (a decimal(50,2))', 1, 18],
    ['CREATE TABLE t (a nosuchtype)', 1, 18],
    ['SELECT a FROM t extra words', 1, 22],
    ['SELECT #', 1, 7],
    ['DROP VIEW v', 1, 5],
    ['SELECT CASE END', 1, 12],
    ['SELECT a IS 3', 1, 12],
  ])('%j fails with PARSE_ERROR at line %i:%i', (sql, line, column) => {
    const e = errorOf(sql);
    expect(e.code).toBe('PARSE_ERROR');
    expect(e.message.startsWith(`line ${line}:${column} `)).toBe(true);
  });

  it('rejects nesting too deep for the stack with PARSE_ERROR, not a crash', () => {
    expect(errorOf(`SELECT ${'('.repeat(5000)}1${')'.repeat(5000)}`).code).toBe('PARSE_ERROR');
    expect(errorOf(`SELECT ${'-'.repeat(1)}${' -'.repeat(5000)} 1`).code).toBe('PARSE_ERROR');
    expect(errorOf(`SELECT ${'NOT '.repeat(5000)} 1`).code).toBe('PARSE_ERROR');
    expect(errorOf(`SELECT CAST(a AS ${'array<'.repeat(3000)}int${'>'.repeat(3000)})`).code).toBe(
      'PARSE_ERROR',
    );
  });

  it('accepts reasonable nesting', () => {
    expect(parseStatement(`SELECT ${'('.repeat(50)}1${')'.repeat(50)}`).kind).toBe('query');
  });
});
