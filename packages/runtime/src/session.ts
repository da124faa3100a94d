// A session: settings, current database, the catalog, and statement execution.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { builtinAggregates, createAggregateRegistry } from '@hive-batch/aggregate';
import type { AggregateRegistry } from '@hive-batch/aggregate';
import { createSqliteCatalog } from '@hive-batch/catalog';
import type { Catalog, Table, TableId } from '@hive-batch/catalog';
import { runCtas } from '@hive-batch/ctas';
import {
  HiveBatchError,
  HiveTypes,
  batchFromRows,
  createSchema,
  formatDataType,
  formatRow,
} from '@hive-batch/core';
import type { DataType, Field } from '@hive-batch/core';
import { QueryBinder, bindExpr, cast, formatPlan, parseStatement, splitStatements } from '@hive-batch/sql';
import type {
  CliCommand,
  CreateTableStatement,
  Expression,
  InsertStatement,
  LoadDataStatement,
  PartitionSpec,
  Query,
  Statement,
  SourcePosition,
  BinderEnv,
  BoundQuery,
  PlanColumn,
  ScalarFunctionResolver,
} from '@hive-batch/sql';
import { executePlan } from './exec/execute-plan';
import type { ExecContext, Row } from './exec/execute-plan';
import {
  builtinScalarResolver,
  chainScalarFunctions,
  describeScalarFunction,
  interimScalarFunctions,
  scalarFunctionNames,
} from './scalar/scalar-functions';
import { HiveTableSink } from '@hive-batch/connector-hive';
import { createFunctionCatalog } from '@hive-batch/functions';
import type { FunctionCatalog } from '@hive-batch/functions';
import type { AggregateFunctionDefinition } from '@hive-batch/aggregate';
import { scanTable } from './storage/hive-source-scan';
import { clearDirectory, loadFiles, writeTextFile } from './storage/text-table';
import type { ScanProgress } from './storage/text-table';

/** A result column. */
export interface ResultColumn {
  readonly name: string;
  readonly type: DataType;
}

/** What one statement produced. */
export interface StatementResult {
  /** `rows`: a query result; `text`: lines to print as they are (DESCRIBE, EXPLAIN, SHOW); `ok`: nothing to print. */
  readonly kind: 'rows' | 'text' | 'ok';
  readonly columns: readonly ResultColumn[];
  readonly rows: readonly (readonly unknown[])[];
  readonly lines: readonly string[];
  /** The statement as parsed (null for CLI commands). */
  readonly statement: Statement | null;
}

/** Options of {@link Session.open}. */
export interface SessionOptions {
  /** Warehouse directory; the metastore lives at `<warehouse>/metastore.db`. */
  readonly warehouse: string;
  /** Initial settings (`--hiveconf k=v`). */
  readonly conf?: Readonly<Record<string, string>>;
  /** Called while scans run. */
  readonly onProgress?: (p: ScanProgress) => void;
  /** Base directory for relative LOAD DATA paths. Defaults to the current directory. */
  readonly baseDir?: string;
  /** Rewrites a LOAD DATA path (the qtest runner maps `../../data/files/` to the corpus). */
  readonly resolveLoadPath?: (p: string) => string;
}

/** One INSERT branch, bound and ready to run. */
interface InsertJob {
  readonly table: Table;
  readonly columns: readonly PlanColumn[];
  readonly rows: () => Promise<Row[]>;
  readonly overwrite: boolean;
  readonly partition: PartitionSpec | null;
}

let jobCounter = 0;

const OK = (statement: Statement | null): StatementResult => ({
  kind: 'ok',
  columns: [],
  rows: [],
  lines: [],
  statement,
});
const TEXT = (lines: string[], statement: Statement | null): StatementResult => ({
  kind: 'text',
  columns: [],
  rows: [],
  lines,
  statement,
});

function tableIdOf(name: { database: string | null; table: string }, current: string): TableId {
  return { database: (name.database ?? current).toLowerCase(), table: name.table.toLowerCase() };
}

function boolSetting(v: string | undefined, dflt: boolean): boolean {
  if (v == null) return dflt;
  return v.trim().toLowerCase() === 'true';
}

/** Prints a result's rows as Hive's CLI does (TSV). */
export function formatResultLines(result: StatementResult): string[] {
  if (result.kind === 'text') return [...result.lines];
  if (result.kind !== 'rows') return [];
  const types = result.columns.map((c) => c.type);
  return result.rows.map((r) => formatRow(r, types));
}

/** A Hive-dialect session over a local warehouse. */
export class Session {
  readonly conf: Map<string, string>;
  currentDatabase = 'default';
  readonly catalog: Catalog;
  private readonly aggregates: AggregateRegistry;
  private readonly options: SessionOptions;
  private readonly functions: ScalarFunctionResolver;
  /** Temporary and catalog functions (CREATE FUNCTION … USING JAR), through @hive-batch/functions. */
  readonly functionCatalog: FunctionCatalog;
  /** User functions the current statement calls, resolved before binding (the registry is async). */
  private userScalars = new Map<string, NonNullable<ReturnType<ScalarFunctionResolver['lookup']>>>();
  private userAggregates = new Map<string, AggregateFunctionDefinition>();

  private constructor(catalog: Catalog, options: SessionOptions) {
    this.catalog = catalog;
    this.options = options;
    this.conf = new Map(Object.entries(options.conf ?? {}));
    this.aggregates = createAggregateRegistry(builtinAggregates());
    this.functionCatalog = createFunctionCatalog({
      catalog,
      builtinAggregates: builtinAggregates(),
      currentDatabase: () => this.currentDatabase,
    });
    this.functions = chainScalarFunctions([
      { lookup: (name) => this.userScalars.get(name.toLowerCase()) },
      builtinScalarResolver(),
      interimScalarFunctions,
    ]);
  }

  /** Opens (creating if needed) the warehouse and its metastore. */
  static async open(options: SessionOptions): Promise<Session> {
    const catalog = await Promise.resolve(
      createSqliteCatalog({ warehouse: path.resolve(options.warehouse) }),
    );
    return new Session(catalog, options);
  }

  async close(): Promise<void> {
    await this.functionCatalog.close();
    await this.catalog.close();
  }

  /** Substitutes `${hiveconf:k}` / `${k}` variables as Hive's CLI does. */
  substitute(text: string): string {
    return text.replace(/\$\{(?:hiveconf:|hivevar:)?([^}]+)\}/g, (m, k: string) => this.conf.get(k) ?? m);
  }

  /** Runs a whole script; `onResult` sees each statement's result in order. */
  async runScript(
    script: string,
    onResult: (r: StatementResult, text: string) => void | Promise<void>,
  ): Promise<void> {
    for (const piece of splitStatements(script)) {
      if (piece.kind === 'command') {
        await onResult(this.runCommand(piece.command), piece.text);
      } else {
        await onResult(await this.execute(piece.text, piece.pos), piece.text);
      }
    }
  }

  /** Runs a CLI command (`set`, `add jar`, …). */
  runCommand(cmd: CliCommand): StatementResult {
    switch (cmd.kind) {
      case 'set':
        if (cmd.value != null) {
          this.conf.set(cmd.key, this.substitute(cmd.value));
          return OK(null);
        }
        return TEXT([`${cmd.key}=${this.conf.get(cmd.key) ?? '<undefined>'}`], null);
      default:
        return OK(null);
    }
  }

  private get binderEnv(): BinderEnv {
    return {
      getTable: (db, t) => this.catalog.getTable(tableIdOf({ database: db, table: t }, this.currentDatabase)),
      functions: this.functions,
      isAggregate: (n) => this.lookupAggregate(n) != null,
      resolveAggregate: (name, call) => {
        const def = this.lookupAggregate(name);
        if (def == null) throw new HiveBatchError('UNKNOWN_FUNCTION', `Invalid function ${name}`);
        return def.resolve(call, { cboEnabled: boolSetting(this.conf.get('hive.cbo.enable'), true) });
      },
      orderByPosition: boolSetting(this.conf.get('hive.orderby.position.alias'), true),
      cboEnabled: boolSetting(this.conf.get('hive.cbo.enable'), true),
    };
  }

  private lookupAggregate(name: string): AggregateFunctionDefinition | undefined {
    return this.userAggregates.get(name.toLowerCase()) ?? this.aggregates.lookup(name);
  }

  /** Resolves the temporary/catalog functions a statement calls (names the built-ins do not know, or shadow). */
  private async prepareFunctions(stmt: Statement): Promise<void> {
    this.userScalars = new Map();
    this.userAggregates = new Map();
    const names = new Set<string>();
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) {
        for (const y of x) walk(y);
        return;
      }
      if (x == null || typeof x !== 'object') return;
      const o = x as { kind?: string; name?: unknown };
      if (o.kind === 'call' && Array.isArray(o.name)) names.add((o.name as string[]).join('.').toLowerCase());
      for (const [k, v] of Object.entries(x)) if (k !== 'pos' && k !== 'type') walk(v);
    };
    walk(stmt);
    for (const n of names) {
      const f = await this.functionCatalog.lookupFunction(n);
      if (f == null || f.source === 'builtin') continue;
      const key = n.split('.').pop() ?? n;
      if (f.kind === 'scalar') this.userScalars.set(key, f.definition);
      else if (f.kind === 'aggregate') this.userAggregates.set(key, f.definition);
    }
  }

  private execContext(): ExecContext {
    return {
      aggregateEnv: {
        lookupAggregate: (name) => this.lookupAggregate(name),
        cboEnabled: boolSetting(this.conf.get('hive.cbo.enable'), true),
      },
      readTable: async (table, prune, projection) =>
        scanTable(this.catalog, table.id, {
          prune,
          projection: projection ?? null,
          ...(this.options.onProgress != null ? { onProgress: this.options.onProgress } : {}),
          splitPerFile: /Bucketized/i.test(this.conf.get('hive.input.format') ?? ''),
        }),
    };
  }

  /** Binds a query. */
  async bindQuery(q: Query): Promise<BoundQuery> {
    return new QueryBinder(this.binderEnv).bindQuery(q);
  }

  /** Runs a query and returns its rows. */
  async runQuery(q: Query): Promise<{ columns: readonly PlanColumn[]; rows: Row[] }> {
    const bound = await this.bindQuery(q);
    return { columns: bound.columns, rows: await executePlan(bound.plan, this.execContext()) };
  }

  /** Parses and runs one statement (without its `;`). */
  async execute(text: string, start?: SourcePosition): Promise<StatementResult> {
    const stmt = parseStatement(this.substitute(text), start != null ? { start } : undefined);
    return this.executeStatement(stmt);
  }

  async executeStatement(stmt: Statement): Promise<StatementResult> {
    await this.prepareFunctions(stmt);
    switch (stmt.kind) {
      case 'query': {
        const { columns, rows } = await this.runQuery(stmt.query);
        return {
          kind: 'rows',
          columns: columns.map((c) => ({ name: c.name, type: c.type })),
          rows,
          lines: [],
          statement: stmt,
        };
      }
      case 'insert':
        await this.insert(stmt);
        return OK(stmt);
      case 'createTable':
        await this.createTable(stmt);
        return OK(stmt);
      case 'dropTable': {
        const t = await this.catalog.findTable(tableIdOf(stmt.name, this.currentDatabase));
        if (t == null) return OK(stmt); // hive.exec.drop.ignorenonexistent=true
        await this.catalog.dropTable(t.id, { ifExists: true });
        return OK(stmt);
      }
      case 'truncateTable': {
        const t = await this.catalog.getTable(tableIdOf(stmt.name, this.currentDatabase));
        clearDirectory(t.location);
        for (const p of await this.catalog.listPartitions(t.id)) clearDirectory(p.location);
        return OK(stmt);
      }
      case 'createDatabase':
        await this.catalog.createDatabase(
          {
            name: stmt.name.toLowerCase(),
            ...(stmt.location != null ? { location: stmt.location } : {}),
            ...(stmt.comment != null ? { comment: stmt.comment } : {}),
          },
          { ifNotExists: stmt.ifNotExists },
        );
        return OK(stmt);
      case 'dropDatabase':
        await this.catalog.dropDatabase(stmt.name.toLowerCase(), {
          ifExists: stmt.ifExists,
          cascade: stmt.cascade,
        });
        return OK(stmt);
      case 'use':
        await this.catalog.getDatabase(stmt.database.toLowerCase());
        this.currentDatabase = stmt.database.toLowerCase();
        return OK(stmt);
      case 'loadData':
        await this.loadData(stmt);
        return OK(stmt);
      case 'explain': {
        const inner = stmt.statement;
        if (inner.kind === 'query') {
          const bound = await this.bindQuery(inner.query);
          return TEXT(['PLAN', ...formatPlan(bound.plan, '  ').split('\n')], stmt);
        }
        if (inner.kind === 'insert') {
          const lines: string[] = ['PLAN'];
          const shared =
            inner.from != null ? await new QueryBinder(this.binderEnv).bindFrom(inner.from, new Map()) : null;
          for (const br of inner.branches) {
            if (br.source.kind === 'values') continue;
            const bound = await new QueryBinder(this.binderEnv).bindQuery(br.source, new Map(), shared);
            lines.push(
              `  Sink ${br.target.kind === 'table' ? br.target.table.table : 'directory'}`,
              ...formatPlan(bound.plan, '    ').split('\n'),
            );
          }
          return TEXT(lines, stmt);
        }
        return TEXT(['PLAN', `  ${inner.kind}`], stmt);
      }
      case 'describeTable': {
        const t = await this.catalog.getTable(tableIdOf(stmt.table, this.currentDatabase));
        const fmt = (f: Field): string => `${f.name.padEnd(20)}\t${formatDataType(f.type).padEnd(20)}\t`;
        const lines = t.columns.map(fmt);
        if (t.partitionKeys.length > 0) {
          lines.push(
            '\t \t ',
            '# Partition Information\t \t ',
            `${'# col_name'.padEnd(20)}\t${'data_type'.padEnd(20)}\tcomment             `,
            '\t \t ',
            ...t.partitionKeys.map(fmt),
          );
        }
        if (stmt.detail === 'formatted' || stmt.detail === 'extended') {
          lines.push(
            '',
            `# Detailed Table Information`,
            `Database:           \t${t.id.database}`,
            `Location:           \t${t.location}`,
            `Table Type:         \t${t.tableType}`,
            `InputFormat:        \t${t.storage.format}`,
          );
        }
        return TEXT(lines, stmt);
      }
      case 'describeFunction': {
        const def = this.aggregates.lookup(stmt.name);
        if (def != null) {
          const text = stmt.extended ? (def.extendedDescription ?? def.description) : def.description;
          return TEXT(text.split('\n'), stmt);
        }
        const scalar = describeScalarFunction(stmt.name, stmt.extended);
        if (scalar != null) return TEXT(scalar.split('\n'), stmt);
        return TEXT(await this.functionCatalog.describeFunction(stmt.name, stmt.extended), stmt);
      }
      case 'describeDatabase': {
        const db = await this.catalog.getDatabase(stmt.name.toLowerCase());
        return TEXT([`${db.name}\t${db.comment ?? ''}\t${db.location}`], stmt);
      }
      case 'showTables': {
        const names = await this.catalog.listTables((stmt.database ?? this.currentDatabase).toLowerCase());
        return TEXT(filterLike(names, stmt.pattern), stmt);
      }
      case 'showDatabases':
        return TEXT(filterLike(await this.catalog.listDatabases(), stmt.pattern), stmt);
      case 'showPartitions': {
        const t = await this.catalog.getTable(tableIdOf(stmt.table, this.currentDatabase));
        return TEXT(
          (await this.catalog.listPartitions(t.id)).map((p) => p.name),
          stmt,
        );
      }
      case 'showFunctions': {
        const names = [
          ...new Set([
            ...this.aggregates.list().flatMap((d) => [d.name, ...d.aliases]),
            ...scalarFunctionNames(),
            ...(await this.functionCatalog.showFunctions()),
          ]),
        ].sort();
        return TEXT(filterLike(names, stmt.pattern), stmt);
      }
      case 'analyzeTable':
        await this.catalog.getTable(tableIdOf(stmt.table, this.currentDatabase));
        return OK(stmt);
      case 'alterTable': {
        const t = await this.catalog.getTable(tableIdOf(stmt.name, this.currentDatabase));
        const a = stmt.action;
        if (a.kind === 'addPartitions') {
          for (const p of a.partitions) {
            const values = this.partitionValues(t, p.spec);
            await this.catalog.addPartition(
              t.id,
              { values, ...(p.location != null ? { location: p.location } : {}) },
              { ifNotExists: a.ifNotExists },
            );
          }
          return OK(stmt);
        }
        if (a.kind === 'dropPartitions') {
          for (const p of a.partitions)
            await this.catalog.dropPartition(t.id, this.partitionValues(t, p), { ifExists: a.ifExists });
          return OK(stmt);
        }
        if (a.kind === 'setTblProperties') {
          await this.catalog.alterTable(t.id, {
            properties: Object.fromEntries(a.properties.map((p) => [p.key, p.value])),
          });
          return OK(stmt);
        }
        throw new HiveBatchError('NOT_IMPLEMENTED', `ALTER TABLE ${a.kind} is not supported yet`);
      }
      case 'createFunction':
        await this.functionCatalog.createFunction({
          name: stmt.name,
          className: stmt.className,
          temporary: stmt.temporary,
          resources: stmt.resources.map((r) => ({ type: r.type, uri: r.uri })),
        });
        return OK(stmt);
      case 'dropFunction':
        await this.functionCatalog.dropFunction({
          name: stmt.name,
          temporary: stmt.temporary,
          ifExists: stmt.ifExists,
        });
        return OK(stmt);
      case 'reloadFunctions':
        await this.functionCatalog.reloadFunctions();
        return OK(stmt);
      case 'showCreateTable':
      case 'showColumns': {
        const t = await this.catalog.getTable(tableIdOf(stmt.table, this.currentDatabase));
        return TEXT(
          [...t.columns, ...t.partitionKeys].map((c) => c.name),
          stmt,
        );
      }
    }
  }

  private partitionValues(t: Table, spec: PartitionSpec): string[] {
    return t.partitionKeys.map((k) => {
      const e = spec.entries.find((x) => x.column.toLowerCase() === k.name.toLowerCase());
      if (e?.value == null)
        throw new HiveBatchError('SEMANTIC_ERROR', `Partition column ${k.name} needs a value`);
      return this.constantText(e.value);
    });
  }

  private constantText(e: Expression): string {
    const b = bindExpr(e, { columns: [], isAggregate: () => false, functions: this.functions });
    if (b.constant == null) throw new HiveBatchError('SEMANTIC_ERROR', 'Partition values must be constants');
    const v = b.constant.value;
    return v == null ? '__HIVE_DEFAULT_PARTITION__' : formatRow([v], [b.type]);
  }

  private async createTable(stmt: CreateTableStatement): Promise<void> {
    const id = tableIdOf(stmt.name, this.currentDatabase);
    const serdeProperties: Record<string, string> = {};
    const rf = stmt.rowFormat;
    if (rf?.kind === 'delimited') {
      if (rf.fieldsTerminatedBy != null) {
        serdeProperties['field.delim'] = rf.fieldsTerminatedBy;
        serdeProperties['serialization.format'] = rf.fieldsTerminatedBy;
      }
      if (rf.collectionItemsTerminatedBy != null)
        serdeProperties['colelction.delim'] = rf.collectionItemsTerminatedBy;
      if (rf.mapKeysTerminatedBy != null) serdeProperties['mapkey.delim'] = rf.mapKeysTerminatedBy;
      if (rf.escapedBy != null) serdeProperties['escape.delim'] = rf.escapedBy;
      if (rf.nullDefinedAs != null) serdeProperties['serialization.null.format'] = rf.nullDefinedAs;
    } else if (rf?.kind === 'serde') {
      for (const p of rf.properties) serdeProperties[p.key] = p.value;
    }
    let format = 'TEXTFILE';
    const sa = stmt.storedAs;
    if (sa?.kind === 'named') format = sa.format.toUpperCase();
    else if (sa?.kind === 'inputOutput')
      format = /text/i.test(sa.inputFormat)
        ? 'TEXTFILE'
        : /parquet/i.test(sa.inputFormat)
          ? 'PARQUET'
          : 'SEQUENCEFILE';
    const properties = Object.fromEntries(stmt.tblProperties.map((p) => [p.key, p.value]));
    const storage = { format, serdeProperties, ...(rf?.kind === 'serde' ? { serde: rf.className } : {}) };
    if (stmt.asSelect != null) {
      const bound = await this.bindQuery(stmt.asSelect);
      await runCtas({
        catalog: this.catalog,
        table: id,
        columns: bound.columns.map((c, i) => ({
          name: c.name,
          type: c.type.kind === 'void' ? HiveTypes.string : c.type,
          selectIndex: i,
        })),
        ifNotExists: stmt.ifNotExists,
        storage,
        properties,
        ...(stmt.location != null ? { location: stmt.location } : {}),
        job: async ({ location }) => {
          const rows = await executePlan(bound.plan, this.execContext());
          const t = await this.catalog.findTable(id);
          const fake: Table =
            t ??
            ({
              id,
              columns: bound.columns.map((c) => ({ name: c.name, type: c.type })),
              partitionKeys: [],
              location,
              tableType: 'MANAGED_TABLE',
              storage: { format, serde: '', serdeProperties },
              properties: {},
              statistics: {},
              createTime: Date.now(),
            } satisfies Table);
          writeTextFile(fake, location, rows);
          return { numRows: rows.length };
        },
      });
      return;
    }
    if (stmt.like != null) {
      const src = await this.catalog.getTable(tableIdOf(stmt.like, this.currentDatabase));
      await this.catalog.createTable(
        {
          id,
          columns: src.columns,
          partitionKeys: src.partitionKeys,
          storage: src.storage,
          ...(stmt.location != null ? { location: stmt.location } : {}),
        },
        { ifNotExists: stmt.ifNotExists },
      );
      return;
    }
    await this.catalog.createTable(
      {
        id,
        columns: stmt.columns.map((c) => ({ name: c.name.toLowerCase(), type: c.type })),
        partitionKeys: stmt.partitionedBy.map((c) => ({ name: c.name.toLowerCase(), type: c.type })),
        storage,
        properties,
        tableType: stmt.external ? 'EXTERNAL_TABLE' : 'MANAGED_TABLE',
        ...(stmt.location != null ? { location: stmt.location } : {}),
        ...(stmt.comment != null ? { comment: stmt.comment } : {}),
      },
      { ifNotExists: stmt.ifNotExists },
    );
  }

  private async partitionDir(t: Table, values: readonly string[]): Promise<string> {
    await this.catalog.addPartition(t.id, { values }, { ifNotExists: true });
    return (await this.catalog.getPartition(t.id, values)).location;
  }

  private async loadData(stmt: LoadDataStatement): Promise<void> {
    const t = await this.catalog.getTable(tableIdOf(stmt.table, this.currentDatabase));
    let src = this.options.resolveLoadPath?.(stmt.path) ?? stmt.path;
    src = src.replace(/^file:(\/\/)?/, '');
    src = path.resolve(this.options.baseDir ?? process.cwd(), src);
    let dir = t.location;
    if (t.partitionKeys.length > 0) {
      if (stmt.partition == null)
        throw new HiveBatchError(
          'SEMANTIC_ERROR',
          `Table ${t.id.table} is partitioned: LOAD DATA needs a PARTITION clause`,
        );
      dir = await this.partitionDir(t, this.partitionValues(t, stmt.partition));
    }
    loadFiles(src, dir, stmt.overwrite);
  }

  private async insert(stmt: InsertStatement): Promise<void> {
    const binder = new QueryBinder(this.binderEnv);
    const ctes = new Map(stmt.with.map((c) => [c.name.toLowerCase(), c.query] as const));
    const shared = stmt.from != null ? await binder.bindFrom(stmt.from, ctes) : null;
    // Hive runs every branch over the same input; bind all first so an error leaves every table untouched.
    const jobs: InsertJob[] = [];
    for (const br of stmt.branches) {
      if (br.target.kind !== 'table')
        throw new HiveBatchError('NOT_IMPLEMENTED', 'INSERT OVERWRITE DIRECTORY is not supported yet');
      const table = await this.catalog.getTable(tableIdOf(br.target.table, this.currentDatabase));
      if (br.source.kind === 'values') {
        const rowsAst = br.source.rows;
        const cols: PlanColumn[] = (rowsAst[0] ?? []).map((_, i) => ({
          name: `col${i + 1}`,
          type: HiveTypes.string,
          qualifier: null,
        }));
        const scope = { columns: [], isAggregate: () => false, functions: this.functions };
        const bound = rowsAst.map((r) => r.map((e) => bindExpr(e, scope)));
        const colTypes = cols.map(
          (_, i) => bound.find((r) => r[i]?.type.kind !== 'void')?.[i]?.type ?? HiveTypes.void,
        );
        jobs.push({
          table,
          columns: cols.map((c, i) => ({ ...c, type: colTypes[i] as DataType })),
          rows: () =>
            Promise.resolve(bound.map((r) => r.map((e, i) => cast(e, colTypes[i] as DataType).eval([])))),
          overwrite: br.target.overwrite,
          partition: br.target.partition,
        });
        continue;
      }
      const q = await binder.bindQuery(br.source, ctes, shared);
      jobs.push({
        table,
        columns: q.columns,
        rows: () => executePlan(q.plan, this.execContext()),
        overwrite: br.target.overwrite,
        partition: br.target.partition,
      });
    }
    for (const job of jobs) await this.writeInsert(job, await job.rows());
  }

  private async writeInsert(job: InsertJob, rows: Row[]): Promise<void> {
    const { table, columns, overwrite, partition } = job;
    const staticParts = new Map<string, string>();
    for (const e of partition?.entries ?? [])
      if (e.value != null) staticParts.set(e.column.toLowerCase(), this.constantText(e.value));
    const dynamicKeys = table.partitionKeys.filter((k) => !staticParts.has(k.name.toLowerCase()));
    const nData = table.columns.length;
    const expected = nData + dynamicKeys.length;
    if (columns.length !== expected) {
      throw new HiveBatchError(
        'SEMANTIC_ERROR',
        `Cannot insert into target table ${table.id.table}: it has ${expected} columns, but the query has ${columns.length}`,
      );
    }
    // Through connector-hive's sink: staged attempt directory, atomic commit, partitions and statistics.
    const staticPartition = Object.fromEntries(staticParts);
    // Job ids that sort by time keep data files in INSERT order, as Hive's 000000_0, 000000_0_copy_1, … do.
    const jobId = `${Date.now().toString(36).padStart(10, '0')}-${(jobCounter++).toString(36).padStart(6, '0')}-${randomUUID().slice(0, 8)}`;
    const sink = await HiveTableSink.open({
      catalog: this.catalog,
      table: table.id,
      jobId,
      overwrite,
      ...(staticParts.size > 0 ? { staticPartition } : {}),
    });
    const targetTypes = sink.inputColumns.map((f) => f.type);
    const schema = createSchema(sink.inputColumns);
    const writer = sink.createWriter(0, 0);
    const BATCH = 1024;
    for (let start = 0; start < rows.length; start += BATCH) {
      const chunk = rows.slice(start, start + BATCH).map((r) =>
        r.map((v, i) => {
          const from = (columns[i] as PlanColumn).type;
          const to = targetTypes[i] ?? HiveTypes.string;
          return cast({ type: from, text: '', eval: () => v }, to).eval([]);
        }),
      );
      await writer.write(batchFromRows(schema, chunk));
    }
    await sink.commit([await writer.close()]);
  }
}

function filterLike(names: readonly string[], pattern: string | null): string[] {
  if (pattern == null) return [...names];
  const re = new RegExp(
    '^(' +
      pattern
        .split('|')
        .map((p) => p.replace(/[.+?^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*'))
        .join('|') +
      ')$',
    'i',
  );
  return names.filter((n) => re.test(n));
}
