import { describe, expect, it } from 'vitest';
import { formatStatement, parseScript, parseStatement, splitStatements } from '@hive-batch/sql';

describe('the README examples', () => {
  it('usage', () => {
    const stmt = parseStatement(
      "SELECT key, count(DISTINCT value) AS n FROM src WHERE key > '1' GROUP BY key",
    );
    expect(stmt.kind).toBe('query');
    expect(formatStatement(stmt)).toBe(
      "SELECT key, count(DISTINCT value) AS n FROM src WHERE key > '1' GROUP BY key",
    );
    expect(splitStatements('set hive.map.aggr=false;\n-- note\nSELECT 1;')).toEqual([
      {
        kind: 'command',
        command: { kind: 'set', key: 'hive.map.aggr', value: 'false' },
        text: 'set hive.map.aggr=false',
        pos: { line: 1, column: 1, offset: 0 },
      },
      { kind: 'sql', text: 'SELECT 1', pos: { line: 3, column: 1, offset: 33 } },
    ]);
    expect(parseScript('ADD JAR udfs.jar; CREATE TEMPORARY FUNCTION f AS "a.B";').map((i) => i.kind)).toEqual(
      ['command', 'statement'],
    );
  });

  it('error format: PARSE_ERROR at line 1, character 7', () => {
    // Only the code and the documented `line L:C` prefix are asserted; the wording may change.
    expect(() => parseStatement('SELECT FROM t')).toThrow(
      expect.objectContaining({
        code: 'PARSE_ERROR',
        message: expect.stringMatching(/^line 1:7 /) as unknown,
      }),
    );
  });
});
