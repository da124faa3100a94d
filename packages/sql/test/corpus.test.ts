import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseStatement, splitStatements } from '@hive-batch/sql';

const QTESTS = fileURLToPath(new URL('../../../../shared/hive-qtests/', import.meta.url));

function scripts(): { name: string; text: string }[] {
  const list: { name: string; text: string }[] = [];
  for (const dir of ['queries', 'init']) {
    for (const f of readdirSync(QTESTS + dir).sort()) {
      list.push({ name: `${dir}/${f}`, text: readFileSync(`${QTESTS}${dir}/${f}`, 'utf8') });
    }
  }
  return list;
}

describe('the qtest corpus', () => {
  const all = scripts();

  it('has the files it should', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
  });

  it.each(all)('parses every statement of $name', ({ text }) => {
    const failures: string[] = [];
    let sql = 0;
    for (const s of splitStatements(text)) {
      if (s.kind !== 'sql') continue;
      sql++;
      try {
        parseStatement(s.text, { start: s.pos });
      } catch (e) {
        failures.push(`${s.text.slice(0, 80)} → ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sql).toBeGreaterThan(0);
  });
});
