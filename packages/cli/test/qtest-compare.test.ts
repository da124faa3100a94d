import { describe, expect, it } from 'vitest';
import {
  compareRows,
  isResultBlock,
  normalizeStatement,
  pairStatements,
  parseKnownFailures,
  parseQOut,
  rowsEqual,
} from '@hive-batch/cli';

const Q_OUT = [
  'PREHOOK: query: DROP TABLE t',
  'PREHOOK: type: DROPTABLE',
  'POSTHOOK: query: DROP TABLE t',
  'POSTHOOK: type: DROPTABLE',
  'PREHOOK: query: SELECT a,',
  '  b FROM t',
  'PREHOOK: type: QUERY',
  'PREHOOK: Input: default@t',
  '#### A masked pattern was here ####',
  'POSTHOOK: query: SELECT a,',
  '  b FROM t',
  'POSTHOOK: type: QUERY',
  'POSTHOOK: Input: default@t',
  '#### A masked pattern was here ####',
  '1\tx',
  '',
  '2\ty',
  'PREHOOK: query: EXPLAIN SELECT a FROM t',
  'PREHOOK: type: QUERY',
  'POSTHOOK: query: EXPLAIN SELECT a FROM t',
  'POSTHOOK: type: QUERY',
  'STAGE DEPENDENCIES:',
  '',
].join('\n');

describe('parseQOut', () => {
  it('splits blocks, multi-line queries, headers and bodies', () => {
    const blocks = parseQOut(Buffer.from(Q_OUT));
    expect(blocks.map((b) => b.type)).toEqual(['DROPTABLE', 'QUERY', 'QUERY']);
    expect(blocks[1]?.query).toBe('SELECT a,\n  b FROM t');
    expect(blocks[1]?.body).toEqual(['1\tx', '', '2\ty']);
    expect(blocks[0]?.body).toEqual([]);
    expect(blocks.map(isResultBlock)).toEqual([false, true, false]);
  });

  it('keeps raw bytes (latin1) so sketch bytes compare exactly', () => {
    const bytes = Buffer.concat([
      Buffer.from('PREHOOK: query: select 1\nPREHOOK: type: QUERY\n'),
      Buffer.from([0xff, 0x00, 0x81, 0x0a]),
    ]);
    const [b] = parseQOut(bytes);
    expect(Buffer.from(b?.body[0] ?? '', 'latin1')).toEqual(Buffer.from([0xff, 0x00, 0x81]));
  });
});

describe('pairing', () => {
  it('normalises comments, whitespace and case', () => {
    expect(normalizeStatement('-- c\nSELECT  A\n\tFROM t;')).toBe('select a from t');
  });

  it('pairs statements to the next block with the same text, skipping unpaired ones', () => {
    const blocks = parseQOut(Buffer.from(Q_OUT));
    expect(
      pairStatements(
        ['drop table t', 'select nothing', 'SELECT a, b FROM t', 'explain select a from t'],
        blocks,
      ),
    ).toEqual([0, -1, 1, 2]);
  });
});

describe('compareRows', () => {
  it('compares ordered, sorted and multiset', () => {
    expect(compareRows(['1', '2'], ['2', '1'], 'ordered').ok).toBe(false);
    expect(compareRows(['1', '2'], ['2', '1'], 'multiset').ok).toBe(true);
    expect(compareRows(['1', '2'], ['2', '1'], 'sorted').ok).toBe(true);
    expect(compareRows(['1', '1'], ['1'], 'multiset')).toMatchObject({ ok: false });
  });

  it('reports the first differing row', () => {
    expect(compareRows(['a', 'b', 'c'], ['a', 'x', 'c'], 'ordered')).toEqual({
      ok: false,
      row: 1,
      expected: 'b',
      actual: 'x',
    });
  });

  it('accepts doubles within relative tolerance, also nested', () => {
    expect(rowsEqual('0.30000000000000004', '0.3')).toBe(true);
    expect(rowsEqual('[1.0000000000000002,2]', '[1.0,2]')).toBe(true);
    expect(rowsEqual('1.5', '1.6')).toBe(false);
    expect(rowsEqual('a\t1.0E8', 'a\t1.0000000000000001E8')).toBe(true);
    expect(rowsEqual('a', 'b')).toBe(false);
  });

  it('multiset compare tolerates rows that sort apart within tolerance', () => {
    expect(compareRows(['1.0000000000000002\tb', '1.0\ta'], ['1.0\tb', '1.0\ta'], 'multiset').ok).toBe(true);
  });
});

describe('parseKnownFailures', () => {
  it('reads test, block and reason; ignores comments', () => {
    expect(parseKnownFailures('# header\nudaf_ngrams\t3\tsentences() differs\n\n')).toEqual([
      { test: 'udaf_ngrams', block: 3, reason: 'sentences() differs' },
    ]);
  });

  it('rejects malformed lines', () => {
    expect(() => parseKnownFailures('x\tnot-a-number\ty')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
