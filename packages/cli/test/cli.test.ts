import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs, run } from '@hive-batch/cli';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cli-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(['--warehouse', path.join(dir, 'wh'), ...argv], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    isTTY: false,
  });
  return { code, out, err };
}

describe('hive-batch', () => {
  it('runs -e statements and prints TSV like Hive', async () => {
    const r = await cli(
      '-e',
      'CREATE TABLE t (a INT, b DOUBLE); INSERT INTO t VALUES (1, 1.0), (NULL, 2.5); SELECT * FROM t ORDER BY a;',
    );
    expect(r).toMatchObject({ code: 0, out: 'NULL\t2.5\n1\t1.0\n' });
    expect(r.err).toContain('rows read');
  });

  it('prints json and table formats', async () => {
    expect((await cli('--format', 'json', '-S', '-e', "SELECT 1 AS x, 'a' AS y")).out).toBe(
      '{"x":1,"y":"a"}\n',
    );
    expect((await cli('--format', 'table', '-S', '-e', 'SELECT 1 AS x')).out).toContain('| x |');
  });

  it('gives one coded error line and exit 1 for bad SQL and missing tables', async () => {
    expect(await cli('-e', 'SELEC 1')).toMatchObject({ code: 1, out: '' });
    const missing = await cli('-e', 'SELECT * FROM nope');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^Error \[TABLE_NOT_FOUND\]: .*\n$/);
    expect((await cli('-f', path.join(dir, 'none.sql'))).err).toMatch(/^Error \[IO_ERROR\]/);
  });

  it('exits 2 with usage for bad options', async () => {
    const r = await cli('--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: hive-batch');
    expect(() => parseArgs(['qtest', '--queries', 'q'])).toThrow();
  });
});
