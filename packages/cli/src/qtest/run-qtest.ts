// The qtest conformance runner: each `.q` in a fresh warehouse with `src`/`srcpart`, statements paired with
// `.q.out` blocks, result blocks compared by the corpus README's rules.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HiveBatchError, isHiveBatchError } from '@hive-batch/core';
import { Session, formatResultLines } from '@hive-batch/runtime';
import { parseStatement, splitStatements } from '@hive-batch/sql';
import type { Statement } from '@hive-batch/sql';
import { compareRows } from './compare';
import type { CompareMode } from './compare';
import { isResultBlock, pairStatements, parseQOut } from './q-out';
import type { QOutBlock } from './q-out';

/** Options of {@link runQtests}. */
export interface QtestOptions {
  readonly queries: string;
  readonly results: string;
  readonly data: string;
  /** Only these tests (names without `.q`). */
  readonly only?: readonly string[];
  /** `test#block` → reason: failures listed here are reported as known, not as failures. */
  readonly knownFailures?: ReadonlyMap<string, string>;
  /** Called after each test. */
  readonly onTest?: (t: QtestTestResult) => void;
}

/** One failed block. */
export interface QtestFailure {
  readonly block: number;
  readonly query: string;
  readonly expected: string | null;
  readonly actual: string | null;
  /** Set when the failure is listed in the known-failures file. */
  readonly known?: string;
  /** Error code and message when the statement failed instead of printing rows. */
  readonly error?: string;
}

/** One test's outcome; counts are result blocks. */
export interface QtestTestResult {
  readonly name: string;
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failures: readonly QtestFailure[];
  /** Known failures that passed (the list can drop them). */
  readonly fixed: readonly number[];
}

/** The whole run. */
export interface QtestReport {
  readonly tests: readonly QtestTestResult[];
  readonly totals: { readonly passed: number; readonly failed: number; readonly skipped: number };
}

const SRC_DDL = [
  "CREATE TABLE src (key STRING COMMENT 'default', value STRING COMMENT 'default') STORED AS TEXTFILE",
  "LOAD DATA LOCAL INPATH '${DATA}/kv1.txt' INTO TABLE src",
  "CREATE TABLE srcpart (key STRING COMMENT 'default', value STRING COMMENT 'default') PARTITIONED BY (ds STRING, hr STRING) STORED AS TEXTFILE",
  ...['2008-04-08', '2008-04-09'].flatMap((ds) =>
    ['11', '12'].map(
      (hr) =>
        `LOAD DATA LOCAL INPATH '\${DATA}/kv1.txt' OVERWRITE INTO TABLE srcpart PARTITION (ds='${ds}', hr='${hr}')`,
    ),
  ),
];

function compareModeOf(stmt: Statement | null, sortQueryResults: boolean): CompareMode {
  if (sortQueryResults) return 'sorted';
  if (stmt?.kind === 'query' && stmt.query.orderBy.length > 0) return 'ordered';
  return 'multiset';
}

function latin1OfUtf8(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

function describe(e: unknown): string {
  if (isHiveBatchError(e)) return `Error [${e.code}]: ${e.message}`;
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** Lists the tests of a queries directory (names without `.q`), sorted. */
export function listTests(queries: string): string[] {
  return readdirSync(queries)
    .filter((f) => f.endsWith('.q'))
    .map((f) => f.slice(0, -2))
    .sort();
}

/** Runs one test. */
export async function runQtest(name: string, options: QtestOptions): Promise<QtestTestResult> {
  const qFile = path.join(options.queries, `${name}.q`);
  if (!existsSync(qFile))
    throw new HiveBatchError('INVALID_ARGUMENT', `No qtest named ${name} (${qFile} does not exist)`);
  const qText = readFileSync(qFile, 'utf8');
  const outFile = path.join(options.results, `${name}.q.out`);
  const blocks: QOutBlock[] = existsSync(outFile) ? parseQOut(readFileSync(outFile)) : [];
  const sortQueryResults = /^--\s*SORT_QUERY_RESULTS/m.test(qText);
  const pieces = splitStatements(qText);
  const sqlPieces = pieces.filter((p) => p.kind === 'sql');
  const pairing = pairStatements(
    sqlPieces.map((p) => p.text),
    blocks,
  );
  const resultBlocks = new Set(blocks.filter(isResultBlock).map((b) => b.number));
  const compared = new Set<number>();
  const failures: QtestFailure[] = [];
  const fixed: number[] = [];
  let passed = 0;
  const warehouse = mkdtempSync(path.join(os.tmpdir(), `qtest-${name}-`));
  const dataDir = path.resolve(options.data);
  const session = await Session.open({
    warehouse,
    conf: { 'test.data.dir': dataDir },
    resolveLoadPath: (p) => p.replace(/^(?:\.\.\/)*data\/files\//, dataDir + '/').replace('${DATA}', dataDir),
  });
  const known = options.knownFailures ?? new Map<string, string>();
  const fail = (f: QtestFailure): void => {
    const reason = known.get(`${name}#${f.block}`);
    failures.push(reason != null ? { ...f, known: reason } : f);
  };
  try {
    for (const ddl of SRC_DDL) await session.execute(ddl.replace('${DATA}', dataDir));
    let sqlIndex = 0;
    for (const piece of pieces) {
      if (piece.kind === 'command') {
        session.runCommand(piece.command);
        continue;
      }
      const bi = pairing[sqlIndex++] ?? -1;
      const block = bi >= 0 ? blocks[bi] : undefined;
      const isResult = block != null && resultBlocks.has(block.number);
      let stmt: Statement | null = null;
      try {
        stmt = parseStatement(session.substitute(piece.text), { start: piece.pos });
        const result = await session.executeStatement(stmt);
        if (!isResult) continue;
        compared.add(block.number);
        const actual = formatResultLines(result).join('\n').split('\n').map(latin1OfUtf8);
        const actualRows = result.kind === 'rows' && result.rows.length === 0 ? [] : actual;
        const cmp = compareRows(block.body, actualRows, compareModeOf(stmt, sortQueryResults));
        if (cmp.ok) {
          passed++;
          if (known.has(`${name}#${block.number}`)) fixed.push(block.number);
        } else {
          fail({
            block: block.number,
            query: piece.text,
            expected: cmp.expected ?? null,
            actual: cmp.actual ?? null,
          });
        }
      } catch (e) {
        if (!isResult) continue;
        compared.add(block.number);
        fail({
          block: block.number,
          query: piece.text,
          expected: block.body[0] ?? null,
          actual: null,
          error: describe(e),
        });
      }
    }
  } finally {
    await session.close().catch(() => undefined);
    rmSync(warehouse, { recursive: true, force: true });
  }
  // Result blocks no statement paired with are skipped.
  const skipped = [...resultBlocks].filter((b) => !compared.has(b)).length;
  return { name, passed, failed: failures.length, skipped, failures, fixed };
}

/** Runs the tests and totals the result blocks. Failures listed as known count as skipped in the totals. */
export async function runQtests(options: QtestOptions): Promise<QtestReport> {
  const names =
    options.only != null && options.only.length > 0 ? [...options.only] : listTests(options.queries);
  const tests: QtestTestResult[] = [];
  for (const n of names) {
    const t = await runQtest(n, options);
    tests.push(t);
    options.onTest?.(t);
  }
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const t of tests) {
    passed += t.passed;
    const knownCount = t.failures.filter((f) => f.known != null).length;
    failed += t.failed - knownCount;
    skipped += t.skipped + knownCount;
  }
  return { tests, totals: { passed, failed, skipped } };
}

/** The per-test line: `PASS|FAIL|SKIP name passed/total`, plus the first differing row on failure. */
export function formatTestLines(t: QtestTestResult): string[] {
  const total = t.passed + t.failed + t.skipped;
  const unknown = t.failures.filter((f) => f.known == null);
  const status = unknown.length > 0 ? 'FAIL' : t.passed === 0 && total > 0 ? 'SKIP' : 'PASS';
  const lines = [
    `${status} ${t.name} ${t.passed}/${total}${t.failed > unknown.length ? ` (${t.failed - unknown.length} known failing)` : ''}`,
  ];
  const first = unknown[0];
  if (first != null) {
    const show = (s: string | null): string =>
      s == null ? '(none)' : JSON.stringify(Buffer.from(s, 'latin1').toString('utf8'));
    lines.push(`  block ${first.block}: ${first.query.replace(/\s+/g, ' ').slice(0, 160)}`);
    if (first.error != null) lines.push(`    error:    ${first.error}`);
    lines.push(`    expected: ${show(first.expected)}`, `    actual:   ${show(first.actual)}`);
  }
  if (t.fixed.length > 0) lines.push(`  known failures now passing: blocks ${t.fixed.join(', ')}`);
  return lines;
}
