import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { isHiveBatchError } from '@hive-batch/core';
import { formatStatement, parseStatement, splitStatements } from '@hive-batch/sql';
import { corpusScripts, stripPositions } from './helpers';

const corpus: string[] = corpusScripts().flatMap((s) =>
  splitStatements(s.text).flatMap((p) => (p.kind === 'sql' ? [p.text] : [])),
);

/** Parses and, on success, checks the formatter round trip; any error but PARSE_ERROR fails the property. */
const tally = { ast: 0, error: 0 };

function parsesOrParseError(sql: string): void {
  const started = performance.now();
  try {
    const ast = parseStatement(sql);
    expect(stripPositions(parseStatement(formatStatement(ast)))).toEqual(stripPositions(ast));
    tally.ast++;
  } catch (e) {
    if (!(isHiveBatchError(e) && e.code === 'PARSE_ERROR')) throw e;
    expect(e.message).toMatch(/^line \d+:\d+ /);
    tally.error++;
  }
  // A statement parses in well under a millisecond; the bound is loose because the 2-core machine is shared
  // (GC pauses and other processes), yet a hang or quadratic blow-up would still cross it.
  expect(performance.now() - started).toBeLessThan(2000);
}

const SQL_PIECES = [
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP',
  'BY',
  'ORDER',
  'LIMIT',
  'INSERT',
  'INTO',
  'TABLE',
  'OVERWRITE',
  'CREATE',
  'AS',
  'JOIN',
  'ON',
  'LEFT',
  'SEMI',
  'UNION',
  'ALL',
  'DISTINCT',
  'CASE',
  'WHEN',
  'THEN',
  'END',
  'CAST',
  'NOT',
  'IN',
  'BETWEEN',
  'AND',
  'OR',
  'IS',
  'NULL',
  'LIKE',
  'OVER',
  'PARTITION',
  'WITHIN',
  'LATERAL',
  'VIEW',
  'WITH',
  'VALUES',
  '(',
  ')',
  ',',
  '.',
  '*',
  '+',
  '-',
  '/',
  '%',
  '=',
  '<=>',
  '<',
  '>',
  '[',
  ']',
  ':',
  "'s'",
  '"d"',
  '`q`',
  '1',
  '2.5',
  '10L',
  'a',
  'b',
  't',
  'count',
  'array',
  'map',
  'int',
  'decimal(10,2)',
  '<int>',
  '--c\n',
  '/*x*/',
  ';',
  'DIV',
];

describe('fuzz: never a crash, never a hang', () => {
  beforeEach(() => {
    tally.ast = 0;
    tally.error = 0;
  });

  it('has a corpus to mutate', () => {
    expect(corpus.length).toBeGreaterThan(500);
  });

  it('random strings give an AST or PARSE_ERROR', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), parsesOrParseError), { numRuns: 1000 });
    expect(tally.ast + tally.error).toBe(1000);
  });

  it('random token soups give an AST or PARSE_ERROR', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SQL_PIECES), { maxLength: 60 }), (pieces) =>
        parsesOrParseError(pieces.join(' ')),
      ),
      { numRuns: 2000 },
    );
    // Soups rarely form a statement, so only the count of completed cases is checked here.
    expect(tally.ast + tally.error).toBe(2000);
  });

  it('mutated corpus statements give an AST or PARSE_ERROR', () => {
    const mutation = fc.record({
      index: fc.nat({ max: corpus.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      cut: fc.nat({ max: 12 }),
      insert: fc.oneof(fc.constantFrom(...SQL_PIECES), fc.string({ maxLength: 4 })),
    });
    fc.assert(
      fc.property(mutation, ({ index, at, cut, insert }) => {
        const sql = corpus[index] ?? '';
        const k = Math.floor(at * sql.length);
        parsesOrParseError(`${sql.slice(0, k)} ${insert} ${sql.slice(k + cut)}`);
      }),
      { numRuns: 2000 },
    );
    // Both outcomes occur, so the property really exercises the parser and its errors.
    expect(tally.ast).toBeGreaterThan(0);
    expect(tally.error).toBeGreaterThan(0);
  });

  it('truncated corpus statements give an AST or PARSE_ERROR', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: corpus.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (index, at) => {
          const sql = corpus[index] ?? '';
          parsesOrParseError(sql.slice(0, Math.floor(at * sql.length)));
        },
      ),
      { numRuns: 1000 },
    );
    expect(tally.ast).toBeGreaterThan(0);
    expect(tally.error).toBeGreaterThan(0);
  });
});
