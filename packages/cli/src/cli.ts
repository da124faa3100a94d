// The `hive-batch` command: argument parsing, statement output, progress, and the one error boundary.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  HiveBatchError,
  HiveDecimal,
  formatDate,
  formatHiveValue,
  formatTimestamp,
  isHiveBatchError,
  isInternalError,
} from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import { Session, formatResultLines } from '@hive-batch/runtime';
import type { ScanProgress, StatementResult } from '@hive-batch/runtime';
import { formatConformanceMarkdown, parseManifestClasses } from './qtest/conformance';
import { knownFailureIndex, parseKnownFailures } from './qtest/known-failures';
import { formatTestLines, runQtests } from './qtest/run-qtest';

export const USAGE = `Usage: hive-batch [options]                 interactive shell (statements end with ;)
       hive-batch -e '<sql>' [options]        run the statements given
       hive-batch -f <file.sql> [options]     run a script
       hive-batch qtest --queries DIR --results DIR --data DIR [--only t1,t2] [--json] [--known-failures FILE]

Options:
  --warehouse DIR        warehouse directory (default ./warehouse; the metastore is created on first use)
  --hiveconf k=v         a setting, as with SET k=v (repeatable)
  --format tsv|json|table  result format (default tsv, exactly as Hive's CLI prints)
  -S, --silent           no progress on stderr
  -h, --help             this text
  -v, --version          the version`;

/** Where output goes (injectable for tests). */
export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTTY: boolean;
}

const DEFAULT_IO: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: process.stderr.isTTY,
};

class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface CliArgs {
  command: 'sql' | 'qtest' | 'help' | 'version';
  execute: string | null;
  file: string | null;
  warehouse: string;
  conf: Record<string, string>;
  format: 'tsv' | 'json' | 'table';
  silent: boolean;
  queries: string | null;
  results: string | null;
  data: string | null;
  only: string[];
  json: boolean;
  knownFailures: string | null;
  writeConformance: string | null;
}

/** Parses the command line. @throws UsageError */
export function parseArgs(argv: readonly string[]): CliArgs {
  const a: CliArgs = {
    command: 'sql',
    execute: null,
    file: null,
    warehouse: './warehouse',
    conf: {},
    format: 'tsv',
    silent: false,
    queries: null,
    results: null,
    data: null,
    only: [],
    json: false,
    knownFailures: null,
    writeConformance: null,
  };
  let i = 0;
  if (argv[0] === 'qtest') {
    a.command = 'qtest';
    i = 1;
  }
  const value = (flag: string): string => {
    const v = argv[++i];
    if (v == null) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : null;
    const v = (): string => inline ?? value(flag);
    switch (flag) {
      case '-e':
        a.execute = v();
        break;
      case '-f':
        a.file = v();
        break;
      case '--warehouse':
        a.warehouse = v();
        break;
      case '--hiveconf': {
        const kv = v();
        const k = kv.indexOf('=');
        if (k <= 0) throw new UsageError(`--hiveconf expects k=v, got ${kv}`);
        a.conf[kv.slice(0, k)] = kv.slice(k + 1);
        break;
      }
      case '--format': {
        const f = v();
        if (f !== 'tsv' && f !== 'json' && f !== 'table')
          throw new UsageError(`--format must be tsv, json or table, got ${f}`);
        a.format = f;
        break;
      }
      case '-S':
      case '--silent':
        a.silent = true;
        break;
      case '--queries':
        a.queries = v();
        break;
      case '--results':
        a.results = v();
        break;
      case '--data':
        a.data = v();
        break;
      case '--only':
        a.only.push(
          ...v()
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        );
        break;
      case '--json':
        a.json = true;
        break;
      case '--known-failures':
        a.knownFailures = v();
        break;
      case '--write-conformance':
        a.writeConformance = v();
        break;
      case '-h':
      case '--help':
        a.command = 'help';
        break;
      case '-v':
      case '--version':
        a.command = 'version';
        break;
      default:
        throw new UsageError(`Unknown option ${arg}`);
    }
  }
  if (a.command === 'sql' && a.execute != null && a.file != null)
    throw new UsageError('-e and -f cannot be used together');
  if (a.command === 'qtest' && (a.queries == null || a.results == null || a.data == null)) {
    throw new UsageError('qtest needs --queries, --results and --data');
  }
  return a;
}

function jsonValue(v: unknown, t: DataType): unknown {
  if (v == null) return null;
  switch (t.kind) {
    case 'bigint':
      return Number.isSafeInteger(Number(v)) ? Number(v) : (v as bigint).toString();
    case 'decimal':
      return formatHiveValue(v, t);
    case 'date':
      return formatDate(v as number);
    case 'timestamp':
      return formatTimestamp(v as bigint);
    case 'binary':
      return Buffer.from(v as Uint8Array).toString('base64');
    case 'array':
      return (v as unknown[]).map((x) => jsonValue(x, t.element));
    case 'map':
      return Object.fromEntries(
        [...(v as Map<unknown, unknown>)].map(([k, x]) => [
          String(jsonValue(k, t.key)),
          jsonValue(x, t.value),
        ]),
      );
    case 'struct':
      return Object.fromEntries(
        t.fields.map((f) => [f.name, jsonValue((v as Record<string, unknown>)[f.name], f.type)]),
      );
    default:
      return HiveDecimal.isDecimal(v) ? String(v) : v;
  }
}

/** Prints one statement's result in the chosen format. */
export function renderResult(r: StatementResult, format: CliArgs['format']): string[] {
  if (r.kind !== 'rows' || format === 'tsv') return formatResultLines(r);
  if (format === 'json') {
    return r.rows.map((row) =>
      JSON.stringify(Object.fromEntries(r.columns.map((c, i) => [c.name, jsonValue(row[i], c.type)]))),
    );
  }
  const cells = formatResultLines(r).map((l) => l.split('\t'));
  const header = r.columns.map((c) => c.name);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)));
  const sep = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+';
  const line = (row: readonly string[]): string =>
    '| ' + widths.map((w, i) => (row[i] ?? '').padEnd(w)).join(' | ') + ' |';
  return [
    sep,
    line(header),
    sep,
    ...cells.map(line),
    sep,
    `${cells.length} row${cells.length === 1 ? '' : 's'} selected`,
  ];
}

function progressReporter(io: CliIo, silent: boolean): (p: ScanProgress) => void {
  if (silent) return () => undefined;
  return (p) => {
    if (io.isTTY) {
      const width = 20;
      const filled = Math.round((p.splitsDone / Math.max(p.splitsTotal, 1)) * width);
      io.stderr(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.table}: ${p.splitsDone}/${p.splitsTotal} splits, ${p.rowsRead} rows${p.splitsDone === p.splitsTotal ? '\n' : ''}`,
      );
    } else if (p.splitsDone === p.splitsTotal) {
      io.stderr(`scan ${p.table}: ${p.splitsDone}/${p.splitsTotal} splits done, ${p.rowsRead} rows read\n`);
    }
  };
}

async function runSql(args: CliArgs, io: CliIo): Promise<number> {
  const session = await Session.open({
    warehouse: args.warehouse,
    conf: args.conf,
    onProgress: progressReporter(io, args.silent),
  });
  try {
    const print = (r: StatementResult): void => {
      for (const l of renderResult(r, args.format)) io.stdout(l + '\n');
    };
    if (args.execute != null || args.file != null) {
      let script: string;
      if (args.file != null) {
        try {
          script = readFileSync(args.file, 'utf8');
        } catch (cause) {
          throw new HiveBatchError('IO_ERROR', `Cannot read script ${args.file}`, { cause });
        }
      } else script = args.execute ?? '';
      await session.runScript(script, print);
      return 0;
    }
    await repl(session, io, print);
    return 0;
  } finally {
    await session.close();
  }
}

async function repl(session: Session, io: CliIo, print: (r: StatementResult) => void): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  let buffer = '';
  const interactive = process.stdin.isTTY;
  const prompt = (p: string): void => {
    rl.setPrompt(p);
    if (interactive) rl.prompt();
  };
  prompt('hive-batch> ');
  for await (const line of rl) {
    buffer += line + '\n';
    const trimmed = buffer.trim();
    if (trimmed === 'quit;' || trimmed === 'exit;' || trimmed === 'quit' || trimmed === 'exit') break;
    if (!/;\s*$/.test(line)) {
      prompt(trimmed !== '' ? '          > ' : 'hive-batch> ');
      continue;
    }
    const text = buffer;
    buffer = '';
    try {
      await session.runScript(text, print);
    } catch (e) {
      io.stderr(errorLine(e) + '\n');
    }
    prompt('hive-batch> ');
  }
  rl.close();
}

function errorLine(e: unknown): string {
  if (isHiveBatchError(e)) return `Error [${e.code}]: ${e.message.split('\n')[0] ?? ''}`;
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

async function runQtestCommand(args: CliArgs, io: CliIo): Promise<number> {
  let known = new Map<string, string>();
  if (args.knownFailures != null) {
    let text: string;
    try {
      text = readFileSync(args.knownFailures, 'utf8');
    } catch (cause) {
      throw new HiveBatchError('IO_ERROR', `Cannot read known-failures file ${args.knownFailures}`, {
        cause,
      });
    }
    known = knownFailureIndex(parseKnownFailures(text));
  }
  const report = await runQtests({
    queries: args.queries ?? '',
    results: args.results ?? '',
    data: args.data ?? '',
    only: args.only,
    knownFailures: known,
    onTest: (t) => {
      if (!args.json) for (const l of formatTestLines(t)) io.stdout(l + '\n');
    },
  });
  if (args.json) {
    io.stdout(
      JSON.stringify({
        tests: report.tests.map((t) => ({
          name: t.name,
          passed: t.passed,
          failed: t.failed,
          skipped: t.skipped,
          failures: t.failures.map((f) => ({
            block: f.block,
            query: f.query,
            expected: f.expected == null ? null : Buffer.from(f.expected, 'latin1').toString('utf8'),
            actual: f.actual == null ? null : Buffer.from(f.actual, 'latin1').toString('utf8'),
            ...(f.error != null ? { error: f.error } : {}),
            ...(f.known != null ? { known: f.known } : {}),
          })),
        })),
        totals: report.totals,
      }) + '\n',
    );
  } else {
    io.stdout(
      `qtest: ${report.totals.passed} passed, ${report.totals.failed} failed, ${report.totals.skipped} skipped\n`,
    );
  }
  if (args.writeConformance != null) {
    const manifest = path.join(args.queries ?? '', '..', 'MANIFEST.tsv');
    const classes = existsSync(manifest)
      ? parseManifestClasses(readFileSync(manifest, 'utf8'))
      : new Map<string, string>();
    writeFileSync(args.writeConformance, formatConformanceMarkdown(report, classes));
  }
  return report.totals.failed > 0 ? 1 : 0;
}

/**
 * Runs the CLI and returns the exit code; the only place errors are turned into output:
 * HiveBatchError → `Error [CODE]: message`, 1; usage → usage text, 2; InternalError → stack + report text, 70;
 * anything else → stack, 1.
 */
export async function run(argv: readonly string[], io: CliIo = DEFAULT_IO): Promise<number> {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout(USAGE + '\n');
        return 0;
      case 'version':
        io.stdout('hive-batch 0.1.0\n');
        return 0;
      case 'qtest':
        return await runQtestCommand(args, io);
      default:
        return await runSql(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError || (isHiveBatchError(e) && e.code === 'USAGE_ERROR')) {
      io.stderr(`Error [USAGE_ERROR]: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    if (isInternalError(e)) {
      io.stderr(
        `${e.stack ?? String(e)}\nThis is a bug in hive-batch; please report it with the statement that caused it.\n`,
      );
      return 70;
    }
    if (isHiveBatchError(e)) {
      io.stderr(errorLine(e) + '\n');
      return 1;
    }
    io.stderr(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

/** bin entry: runs and sets the exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await run(argv);
}
