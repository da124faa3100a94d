import { describe, expect, it } from 'vitest';
import { parseScript, splitStatements } from '@hive-batch/sql';

describe('splitStatements', () => {
  it('splits on ; outside quotes and comments, and drops empty pieces', () => {
    const parts = splitStatements(
      'SELECT \';\' FROM t; -- a; comment\nSELECT "x;y", `a;b` FROM u /* ; */;\n;\n  -- only a comment\n',
    );
    expect(parts.map((p) => p.text)).toEqual(["SELECT ';' FROM t", 'SELECT "x;y", `a;b` FROM u /* ; */']);
  });

  it('honours backslash escapes inside quotes', () => {
    expect(splitStatements("SELECT 'a\\';b'; SELECT 2").map((p) => p.text)).toEqual([
      "SELECT 'a\\';b'",
      'SELECT 2',
    ]);
  });

  it('keeps a last statement without ;', () => {
    expect(splitStatements('SELECT 1;\nSELECT 2').map((p) => p.text)).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('reports where each statement starts', () => {
    const parts = splitStatements('-- head\nset a=1;\n\n  SELECT 1;');
    expect(parts.map((p) => p.pos)).toEqual([
      { line: 2, column: 1, offset: 8 },
      { line: 4, column: 3, offset: 20 },
    ]);
  });

  it('parses set in the forms Hive CLI knows', () => {
    const cmds = splitStatements('set hive.map.aggr = false; SET x=; set y; set; set -v; set k = a=b  ').map(
      (p) => (p.kind === 'command' ? p.command : null),
    );
    expect(cmds).toEqual([
      { kind: 'set', key: 'hive.map.aggr', value: 'false' },
      { kind: 'set', key: 'x', value: '' },
      { kind: 'showSetting', key: 'y' },
      { kind: 'showSettings', verbose: false },
      { kind: 'showSettings', verbose: true },
      { kind: 'set', key: 'k', value: 'a=b' },
    ]);
  });

  it('strips a trailing comment from a set value', () => {
    const [p] = splitStatements('set a=1 -- why\n;');
    expect(p?.kind === 'command' ? p.command : null).toEqual({ kind: 'set', key: 'a', value: '1' });
  });

  it('parses ADD / LIST / DELETE resources, RESET, DFS and SOURCE', () => {
    const cmds = splitStatements(
      'ADD JAR a.jar b.jar; add files x; LIST JARS; list file f1; DELETE JAR a.jar; reset; RESET a b; dfs -ls /; source x.sql',
    ).map((p) => (p.kind === 'command' ? p.command : null));
    expect(cmds).toEqual([
      { kind: 'addResource', resource: 'jar', uris: ['a.jar', 'b.jar'] },
      { kind: 'addResource', resource: 'file', uris: ['x'] },
      { kind: 'listResources', resource: 'jar', filters: [] },
      { kind: 'listResources', resource: 'file', filters: ['f1'] },
      { kind: 'deleteResource', resource: 'jar', uris: ['a.jar'] },
      { kind: 'reset', keys: [] },
      { kind: 'reset', keys: ['a', 'b'] },
      { kind: 'dfs', args: '-ls /' },
      { kind: 'source', path: 'x.sql' },
    ]);
  });

  it('leaves DELETE FROM to the SQL parser', () => {
    expect(splitStatements('DELETE FROM t WHERE a = 1')[0]?.kind).toBe('sql');
  });

  it('rejects ADD JAR without a path with PARSE_ERROR', () => {
    expect(() => splitStatements('add jar;')).toThrow(expect.objectContaining({ code: 'PARSE_ERROR' }));
  });
});

describe('parseScript', () => {
  it('parses each SQL statement with positions in the script', () => {
    const items = parseScript('set a=1;\nSELECT x\nFROM t;');
    expect(items.map((i) => i.kind)).toEqual(['command', 'statement']);
    const second = items[1];
    expect(second?.kind === 'statement' ? second.statement.pos : null).toEqual({
      line: 2,
      column: 1,
      offset: 9,
    });
  });

  it('reports errors at their place in the script', () => {
    expect(() => parseScript('SELECT 1;\n\nSELECT FROM t;')).toThrow(/^line 3:7 /);
  });
});
