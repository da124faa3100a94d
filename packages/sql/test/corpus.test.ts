import { describe, expect, it } from 'vitest';
import { formatStatement, parseStatement, splitStatements } from '@hive-batch/sql';
import type { Statement } from '@hive-batch/sql';
import { corpusScripts, stripPositions } from './helpers';

describe('the qtest corpus', () => {
  const all = corpusScripts();

  it('has the files it should', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
  });

  it.each(all)('parses every statement of $name, and parse(format(ast)) gives the same AST', ({ text }) => {
    const failures: string[] = [];
    let sql = 0;
    for (const s of splitStatements(text)) {
      if (s.kind !== 'sql') continue;
      sql++;
      let ast: Statement;
      try {
        ast = parseStatement(s.text, { start: s.pos });
      } catch (e) {
        failures.push(`parse: ${s.text.slice(0, 80)} → ${(e as Error).message}`);
        continue;
      }
      const formatted = formatStatement(ast);
      try {
        const again = parseStatement(formatted);
        if (JSON.stringify(stripPositions(again)) !== JSON.stringify(stripPositions(ast))) {
          failures.push(`round trip differs: ${formatted}`);
        }
      } catch (e) {
        failures.push(`reparse: ${formatted} → ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sql).toBeGreaterThan(0);
  });
});
