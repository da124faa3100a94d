import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { formatStatement, parseStatement, splitStatements } from '@hive-batch/sql';

const QTESTS = fileURLToPath(new URL('../../../../shared/hive-qtests/', import.meta.url));
const scripts = ['queries', 'init'].flatMap((dir) =>
  readdirSync(QTESTS + dir).map((f) => readFileSync(`${QTESTS}${dir}/${f}`, 'utf8')),
);
const statements = scripts.flatMap((s) =>
  splitStatements(s).flatMap((p) => (p.kind === 'sql' ? [p.text] : [])),
);
const asts = statements.map((s) => parseStatement(s));
const typical =
  "SELECT key, count(DISTINCT value), percentile_approx(CAST(key AS double), 0.5) FROM src WHERE ds = '2008-04-08' GROUP BY key ORDER BY key LIMIT 10";

describe('qtest corpus (568 statements, 68.7 KB)', () => {
  bench('splitStatements, all scripts', () => {
    for (const s of scripts) splitStatements(s);
  });
  bench('parseStatement, all statements', () => {
    for (const s of statements) parseStatement(s);
  });
  bench('formatStatement, all statements', () => {
    for (const a of asts) formatStatement(a);
  });
});

describe('one typical statement', () => {
  bench('parseStatement', () => {
    parseStatement(typical);
  });
});
