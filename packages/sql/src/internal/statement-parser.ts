// Statements: dispatch on the first words, DDL/DML/utility grammar. Queries and expressions come from
// query-parser.
import type {
  AlterTableAction,
  AlterTableStatement,
  Bucketing,
  ColumnDef,
  CommonTableExpr,
  CreateTableStatement,
  Expression,
  FromItem,
  FunctionResource,
  InsertBranch,
  InsertStatement,
  PartitionSpec,
  PartitionSpecEntry,
  Property,
  Query,
  RowFormat,
  SourcePosition,
  Statement,
  StorageFormat,
  TableName,
  ValuesSource,
} from '../ast';
import {
  parseExpression,
  parseExpressionList,
  parseFromClause,
  parseQuery,
  parseQueryRest,
  parseTableName,
  parseWith,
} from './query-parser';
import type { TokenCursor } from './token-cursor';
import { parseType } from './type-parser';

/** Parses one statement and requires the input to end after it (an optional `;` is allowed). */
export function parseWholeStatement(c: TokenCursor): Statement {
  const stmt = parseStatementAt(c);
  c.acceptOp(';');
  if (!c.atEnd()) c.fail('statement', 'end of statement');
  return stmt;
}

function parseStatementAt(c: TokenCursor): Statement {
  const t = c.peek();
  const pos = t.pos;
  if (t.type === 'op' && t.value === '(') return { kind: 'query', pos, query: parseQuery(c) };
  if (t.type !== 'word') return c.fail('statement', 'a statement');
  switch (t.value) {
    case 'SELECT':
      return { kind: 'query', pos, query: parseQuery(c) };
    case 'WITH': {
      const ctes = parseWith(c);
      if (c.isWord('INSERT') || c.isWord('FROM')) {
        const insert = tryParseInsert(c, ctes, pos);
        if (insert != null) return insert;
      }
      return { kind: 'query', pos, query: parseQueryRest(c, ctes, pos) };
    }
    case 'FROM':
    case 'INSERT': {
      const insert = tryParseInsert(c, [], pos);
      if (insert != null) return insert;
      return { kind: 'query', pos, query: parseQuery(c) };
    }
    case 'CREATE':
      return parseCreate(c);
    case 'DROP':
      return parseDrop(c);
    case 'ALTER':
      return parseAlter(c);
    case 'LOAD':
      return parseLoad(c);
    case 'EXPLAIN':
      return parseExplain(c);
    case 'DESCRIBE':
    case 'DESC':
      return parseDescribe(c);
    case 'SHOW':
      return parseShow(c);
    case 'USE':
      c.next();
      return { kind: 'use', pos, database: c.identifier('USE') };
    case 'ANALYZE':
      return parseAnalyze(c);
    case 'RELOAD':
      c.next();
      if (!c.acceptWord('FUNCTIONS')) c.expectWord('FUNCTION', 'RELOAD');
      return { kind: 'reloadFunctions', pos };
    case 'TRUNCATE': {
      c.next();
      c.acceptWord('TABLE');
      const name = parseTableName(c, 'TRUNCATE');
      return { kind: 'truncateTable', pos, name, partition: parseOptionalPartition(c) };
    }
    default:
      return c.fail('statement', 'a statement');
  }
}

// ---------------------------------------------------------------------------------------------
// INSERT and multi-insert

/** Returns null (cursor restored) when a leading FROM turns out to start a plain `FROM … SELECT` query. */
function tryParseInsert(
  c: TokenCursor,
  ctes: readonly CommonTableExpr[],
  pos: SourcePosition,
): InsertStatement | null {
  let from: FromItem | null = null;
  if (c.isWord('FROM')) {
    const mark = c.index;
    from = parseFromClause(c);
    if (!c.isWord('INSERT')) {
      c.index = mark;
      return null;
    }
  }
  const branches: InsertBranch[] = [];
  do branches.push(parseInsertBranch(c, from != null));
  while (from != null && c.isWord('INSERT'));
  return { kind: 'insert', pos, with: ctes, from, branches };
}

function parseInsertBranch(c: TokenCursor, sharedFrom: boolean): InsertBranch {
  const pos = c.pos;
  c.expectWord('INSERT', 'insert clause');
  let target: InsertBranch['target'];
  const overwrite = c.acceptWord('OVERWRITE');
  if (!overwrite) c.expectWord('INTO', 'insert clause');
  if (overwrite && (c.isWord('DIRECTORY') || c.isWords('LOCAL', 'DIRECTORY'))) {
    const local = c.acceptWord('LOCAL');
    c.expectWord('DIRECTORY', 'insert clause');
    const path = c.string('insert clause');
    const rowFormat = c.isWords('ROW', 'FORMAT') ? parseRowFormat(c) : null;
    const storedAs = c.isWord('STORED') ? parseStoredAs(c) : null;
    target = { kind: 'directory', pos, local, path, rowFormat, storedAs };
  } else {
    c.acceptWord('TABLE');
    const table = parseTableName(c, 'insert clause');
    const partition = parseOptionalPartition(c);
    const ifNotExists = c.acceptWords('IF', 'NOT', 'EXISTS');
    let columns: string[] | null = null;
    // `(cols)` — but `(SELECT …)` is the source query.
    if (c.isOp('(') && !c.isWord('SELECT', 1) && !c.isWord('WITH', 1) && !c.isOp('(', 1)) {
      c.next();
      columns = [];
      do columns.push(c.identifier('insert column list'));
      while (c.acceptOp(','));
      c.expectOp(')', 'insert column list');
    }
    target = { kind: 'table', pos, overwrite, table, partition, ifNotExists, columns };
  }
  const source: Query | ValuesSource = c.isWord('VALUES') ? parseValues(c) : parseQuery(c);
  if (sharedFrom && source.kind === 'query' && source.body.kind === 'select' && source.body.from != null) {
    c.fail('multi-insert', 'a SELECT without its own FROM');
  }
  return { pos, target, source };
}

function parseValues(c: TokenCursor): ValuesSource {
  const pos = c.pos;
  c.expectWord('VALUES', 'VALUES');
  const rows: Expression[][] = [];
  do {
    c.expectOp('(', 'VALUES');
    rows.push(parseExpressionList(c));
    c.expectOp(')', 'VALUES');
  } while (c.acceptOp(','));
  return { kind: 'values', pos, rows };
}

// ---------------------------------------------------------------------------------------------
// Shared DDL pieces

function parseOptionalPartition(c: TokenCursor): PartitionSpec | null {
  return c.isWord('PARTITION') ? parsePartitionSpec(c) : null;
}

function parsePartitionSpec(c: TokenCursor): PartitionSpec {
  const pos = c.pos;
  c.expectWord('PARTITION', 'partition spec');
  c.expectOp('(', 'partition spec');
  const entries: PartitionSpecEntry[] = [];
  do {
    const at = c.pos;
    const column = c.identifier('partition spec');
    const value = c.acceptOp('=') ? parseExpression(c) : null;
    entries.push({ pos: at, column, value });
  } while (c.acceptOp(','));
  c.expectOp(')', 'partition spec');
  return { pos, entries };
}

function parseProperties(c: TokenCursor, context: string): Property[] {
  c.expectOp('(', context);
  const props: Property[] = [];
  do {
    const pos = c.pos;
    const key = c.string(context);
    c.expectOp('=', context);
    props.push({ pos, key, value: c.string(context) });
  } while (c.acceptOp(','));
  c.expectOp(')', context);
  return props;
}

function parseColumnDefs(c: TokenCursor, context: string): ColumnDef[] {
  c.expectOp('(', context);
  const cols: ColumnDef[] = [];
  do {
    const pos = c.pos;
    const name = c.identifier(context);
    const type = parseType(c);
    const comment = c.acceptWord('COMMENT') ? c.string(context) : null;
    cols.push({ pos, name, type, comment });
  } while (c.acceptOp(','));
  c.expectOp(')', context);
  return cols;
}

function parseIdentifierList(c: TokenCursor, context: string): string[] {
  c.expectOp('(', context);
  const names: string[] = [];
  do names.push(c.identifier(context));
  while (c.acceptOp(','));
  c.expectOp(')', context);
  return names;
}

function parseRowFormat(c: TokenCursor): RowFormat {
  const ctx = 'ROW FORMAT';
  const pos = c.pos;
  c.expectWords(ctx, 'ROW', 'FORMAT');
  if (c.acceptWord('SERDE')) {
    const className = c.string(ctx);
    const properties = c.acceptWords('WITH', 'SERDEPROPERTIES') ? parseProperties(c, ctx) : [];
    return { kind: 'serde', pos, className, properties };
  }
  c.expectWord('DELIMITED', ctx);
  let fieldsTerminatedBy: string | null = null;
  let escapedBy: string | null = null;
  let collectionItemsTerminatedBy: string | null = null;
  let mapKeysTerminatedBy: string | null = null;
  let linesTerminatedBy: string | null = null;
  let nullDefinedAs: string | null = null;
  if (c.acceptWords('FIELDS', 'TERMINATED', 'BY')) {
    fieldsTerminatedBy = c.string(ctx);
    if (c.acceptWords('ESCAPED', 'BY')) escapedBy = c.string(ctx);
  }
  if (c.acceptWords('COLLECTION', 'ITEMS', 'TERMINATED', 'BY')) collectionItemsTerminatedBy = c.string(ctx);
  if (c.acceptWords('MAP', 'KEYS', 'TERMINATED', 'BY')) mapKeysTerminatedBy = c.string(ctx);
  if (c.acceptWords('LINES', 'TERMINATED', 'BY')) linesTerminatedBy = c.string(ctx);
  if (c.acceptWords('NULL', 'DEFINED', 'AS')) nullDefinedAs = c.string(ctx);
  return {
    kind: 'delimited',
    pos,
    fieldsTerminatedBy,
    escapedBy,
    collectionItemsTerminatedBy,
    mapKeysTerminatedBy,
    linesTerminatedBy,
    nullDefinedAs,
  };
}

function parseStoredAs(c: TokenCursor): StorageFormat {
  const ctx = 'STORED AS';
  const pos = c.pos;
  c.expectWord('STORED', ctx);
  if (c.acceptWord('BY')) {
    const className = c.string(ctx);
    const properties = c.acceptWords('WITH', 'SERDEPROPERTIES') ? parseProperties(c, ctx) : [];
    return { kind: 'handler', pos, className, properties };
  }
  c.expectWord('AS', ctx);
  if (c.acceptWord('INPUTFORMAT')) {
    const inputFormat = c.string(ctx);
    c.expectWord('OUTPUTFORMAT', ctx);
    const outputFormat = c.string(ctx);
    return { kind: 'inputOutput', pos, inputFormat, outputFormat };
  }
  const t = c.peek();
  if (t.type !== 'word') return c.fail(ctx, 'a file format name');
  c.next();
  return { kind: 'named', pos, format: t.value };
}

// ---------------------------------------------------------------------------------------------
// CREATE / DROP

function parseCreate(c: TokenCursor): Statement {
  const pos = c.pos;
  c.expectWord('CREATE', 'CREATE');
  const temporary = c.acceptWord('TEMPORARY');
  if (c.acceptWord('FUNCTION')) return parseCreateFunction(c, pos, temporary);
  const external = c.acceptWord('EXTERNAL');
  if (c.acceptWord('TABLE')) return parseCreateTable(c, pos, { temporary, external });
  if (!temporary && !external && (c.acceptWord('DATABASE') || c.acceptWord('SCHEMA'))) {
    const ifNotExists = c.acceptWords('IF', 'NOT', 'EXISTS');
    const name = c.identifier('CREATE DATABASE');
    let comment: string | null = null;
    let location: string | null = null;
    let properties: Property[] = [];
    if (c.acceptWord('COMMENT')) comment = c.string('CREATE DATABASE');
    if (c.acceptWord('LOCATION')) location = c.string('CREATE DATABASE');
    if (c.acceptWords('WITH', 'DBPROPERTIES')) properties = parseProperties(c, 'CREATE DATABASE');
    return { kind: 'createDatabase', pos, ifNotExists, name, comment, location, properties };
  }
  return c.fail('CREATE', 'TABLE, DATABASE or FUNCTION');
}

function parseFunctionName(c: TokenCursor, context: string): string[] {
  const name = [c.identifier(context)];
  if (c.acceptOp('.')) name.push(c.identifier(context));
  return name;
}

function parseCreateFunction(c: TokenCursor, pos: SourcePosition, temporary: boolean): Statement {
  const ctx = 'CREATE FUNCTION';
  const name = parseFunctionName(c, ctx);
  c.expectWord('AS', ctx);
  const className = c.string(ctx);
  const resources: FunctionResource[] = [];
  if (c.acceptWord('USING')) {
    do {
      const pos = c.pos;
      const type = c.acceptWord('JAR')
        ? 'jar'
        : c.acceptWord('FILE')
          ? 'file'
          : c.acceptWord('ARCHIVE')
            ? 'archive'
            : null;
      if (type == null) return c.fail(ctx, 'JAR, FILE or ARCHIVE');
      resources.push({ pos, type, uri: c.string(ctx) });
    } while (c.acceptOp(','));
  }
  return { kind: 'createFunction', pos, temporary, name, className, resources };
}

function parseCreateTable(
  c: TokenCursor,
  pos: SourcePosition,
  flags: { temporary: boolean; external: boolean },
): CreateTableStatement {
  const ctx = 'CREATE TABLE';
  const ifNotExists = c.acceptWords('IF', 'NOT', 'EXISTS');
  const name = parseTableName(c, ctx);
  let like: TableName | null = null;
  let columns: ColumnDef[] = [];
  if (c.acceptWord('LIKE')) like = parseTableName(c, ctx);
  else if (c.isOp('(')) columns = parseColumnDefs(c, ctx);
  let comment: string | null = null;
  let partitionedBy: ColumnDef[] = [];
  let clusteredBy: Bucketing | null = null;
  let rowFormat: RowFormat | null = null;
  let storedAs: StorageFormat | null = null;
  let location: string | null = null;
  let tblProperties: Property[] = [];
  if (c.acceptWord('COMMENT')) comment = c.string(ctx);
  if (c.acceptWords('PARTITIONED', 'BY')) partitionedBy = parseColumnDefs(c, ctx);
  if (c.isWords('CLUSTERED', 'BY')) {
    const bucketPos = c.pos;
    c.index += 2;
    const cols = parseIdentifierList(c, ctx);
    const sortedBy: { column: string; direction: 'asc' | 'desc' | null }[] = [];
    if (c.acceptWords('SORTED', 'BY')) {
      c.expectOp('(', ctx);
      do {
        const column = c.identifier(ctx);
        const direction = c.acceptWord('ASC') ? 'asc' : c.acceptWord('DESC') ? 'desc' : null;
        sortedBy.push({ column, direction });
      } while (c.acceptOp(','));
      c.expectOp(')', ctx);
    }
    c.expectWord('INTO', ctx);
    const buckets = c.integer(ctx);
    c.expectWord('BUCKETS', ctx);
    clusteredBy = { pos: bucketPos, columns: cols, sortedBy, buckets };
  }
  if (c.isWords('ROW', 'FORMAT')) rowFormat = parseRowFormat(c);
  if (c.isWord('STORED')) storedAs = parseStoredAs(c);
  if (c.acceptWord('LOCATION')) location = c.string(ctx);
  if (c.acceptWord('TBLPROPERTIES')) tblProperties = parseProperties(c, ctx);
  let asSelect: Query | null = null;
  if (like == null && c.acceptWord('AS')) asSelect = parseQuery(c);
  return {
    kind: 'createTable',
    pos,
    temporary: flags.temporary,
    external: flags.external,
    ifNotExists,
    name,
    columns,
    comment,
    partitionedBy,
    clusteredBy,
    rowFormat,
    storedAs,
    location,
    tblProperties,
    asSelect,
    like,
  };
}

function parseDrop(c: TokenCursor): Statement {
  const pos = c.pos;
  c.expectWord('DROP', 'DROP');
  const temporary = c.acceptWord('TEMPORARY');
  if (c.acceptWord('FUNCTION')) {
    const ifExists = c.acceptWords('IF', 'EXISTS');
    return { kind: 'dropFunction', pos, temporary, ifExists, name: parseFunctionName(c, 'DROP FUNCTION') };
  }
  if (temporary) return c.fail('DROP', 'FUNCTION');
  if (c.acceptWord('TABLE')) {
    const ifExists = c.acceptWords('IF', 'EXISTS');
    const name = parseTableName(c, 'DROP TABLE');
    return { kind: 'dropTable', pos, ifExists, name, purge: c.acceptWord('PURGE') };
  }
  if (c.acceptWord('DATABASE') || c.acceptWord('SCHEMA')) {
    const ifExists = c.acceptWords('IF', 'EXISTS');
    const name = c.identifier('DROP DATABASE');
    const cascade = c.acceptWord('CASCADE');
    if (!cascade) c.acceptWord('RESTRICT');
    return { kind: 'dropDatabase', pos, ifExists, name, cascade };
  }
  return c.fail('DROP', 'TABLE, DATABASE or FUNCTION');
}

// ---------------------------------------------------------------------------------------------
// ALTER, LOAD, ANALYZE

function parseAlter(c: TokenCursor): AlterTableStatement {
  const pos = c.pos;
  const ctx = 'ALTER TABLE';
  c.expectWords(ctx, 'ALTER', 'TABLE');
  const name = parseTableName(c, ctx);
  const partition = parseOptionalPartition(c);
  const actionPos = c.pos;
  let action: AlterTableAction;
  if (c.acceptWord('ADD')) {
    if (c.acceptWord('COLUMNS')) {
      action = { kind: 'addColumns', pos: actionPos, replace: false, columns: parseColumnDefs(c, ctx) };
    } else {
      const ifNotExists = c.acceptWords('IF', 'NOT', 'EXISTS');
      const partitions: { spec: PartitionSpec; location: string | null }[] = [];
      do {
        const spec = parsePartitionSpec(c);
        partitions.push({ spec, location: c.acceptWord('LOCATION') ? c.string(ctx) : null });
      } while (c.isWord('PARTITION'));
      action = { kind: 'addPartitions', pos: actionPos, ifNotExists, partitions };
    }
  } else if (c.acceptWords('REPLACE', 'COLUMNS')) {
    action = { kind: 'addColumns', pos: actionPos, replace: true, columns: parseColumnDefs(c, ctx) };
  } else if (c.acceptWord('DROP')) {
    const ifExists = c.acceptWords('IF', 'EXISTS');
    const partitions: PartitionSpec[] = [];
    do partitions.push(parsePartitionSpec(c));
    while (c.acceptOp(','));
    action = { kind: 'dropPartitions', pos: actionPos, ifExists, partitions, purge: c.acceptWord('PURGE') };
  } else if (c.acceptWords('RENAME', 'TO')) {
    action = { kind: 'renameTo', pos: actionPos, newName: parseTableName(c, ctx) };
  } else if (c.acceptWords('SET', 'TBLPROPERTIES')) {
    action = { kind: 'setTblProperties', pos: actionPos, properties: parseProperties(c, ctx) };
  } else if (c.acceptWords('SET', 'LOCATION')) {
    action = { kind: 'setLocation', pos: actionPos, location: c.string(ctx) };
  } else if (c.acceptWords('UPDATE', 'STATISTICS', 'FOR')) {
    c.acceptWord('COLUMN');
    const column = c.identifier(ctx);
    c.expectWord('SET', ctx);
    action = { kind: 'updateColumnStatistics', pos: actionPos, column, properties: parseProperties(c, ctx) };
  } else {
    return c.fail(ctx, 'ADD, DROP, RENAME TO, REPLACE COLUMNS, SET or UPDATE STATISTICS');
  }
  return { kind: 'alterTable', pos, name, partition, action };
}

function parseLoad(c: TokenCursor): Statement {
  const pos = c.pos;
  const ctx = 'LOAD DATA';
  c.expectWords(ctx, 'LOAD', 'DATA');
  const local = c.acceptWord('LOCAL');
  c.expectWord('INPATH', ctx);
  const path = c.string(ctx);
  const overwrite = c.acceptWord('OVERWRITE');
  c.expectWords(ctx, 'INTO', 'TABLE');
  const table = parseTableName(c, ctx);
  return { kind: 'loadData', pos, local, path, overwrite, table, partition: parseOptionalPartition(c) };
}

function parseAnalyze(c: TokenCursor): Statement {
  const pos = c.pos;
  const ctx = 'ANALYZE TABLE';
  c.expectWords(ctx, 'ANALYZE', 'TABLE');
  const table = parseTableName(c, ctx);
  const partition = parseOptionalPartition(c);
  c.expectWords(ctx, 'COMPUTE', 'STATISTICS');
  const noScan = c.acceptWord('NOSCAN');
  let columns: string[] | null = null;
  if (c.acceptWords('FOR', 'COLUMNS')) {
    columns = [];
    if (c.isIdentifier()) {
      do columns.push(c.identifier(ctx));
      while (c.acceptOp(','));
    }
  }
  return { kind: 'analyzeTable', pos, table, partition, noScan, columns };
}

// ---------------------------------------------------------------------------------------------
// EXPLAIN, DESCRIBE, SHOW

const EXPLAIN_OPTIONS: ReadonlySet<string> = new Set([
  'EXTENDED',
  'FORMATTED',
  'DEPENDENCY',
  'AUTHORIZATION',
  'LOGICAL',
  'CBO',
  'AST',
  'ANALYZE',
  'LOCKS',
  'VECTORIZATION',
  'ONLY',
  'SUMMARY',
  'OPERATOR',
  'EXPRESSION',
  'DETAIL',
  'DEBUG',
  'COST',
  'JOINCOST',
  'REOPTIMIZATION',
]);

function parseExplain(c: TokenCursor): Statement {
  const pos = c.pos;
  c.expectWord('EXPLAIN', 'EXPLAIN');
  const options: string[] = [];
  for (;;) {
    const t = c.peek();
    // `EXPLAIN ANALYZE TABLE …` explains an ANALYZE statement.
    if (t.type !== 'word' || !EXPLAIN_OPTIONS.has(t.value) || (t.value === 'ANALYZE' && c.isWord('TABLE', 1)))
      break;
    options.push(t.value.toLowerCase());
    c.next();
  }
  return { kind: 'explain', pos, options, statement: parseStatementAt(c) };
}

function parseDescribe(c: TokenCursor): Statement {
  const pos = c.pos;
  const ctx = 'DESCRIBE';
  c.next();
  if (c.acceptWord('FUNCTION')) {
    const extended = c.acceptWord('EXTENDED');
    const t = c.next();
    if (t.type === 'eof') return c.fail(ctx, 'a function name');
    let name = t.type === 'string' || t.type === 'quotedIdent' ? t.value : t.text;
    if (t.type === 'word' && c.isOp('.') && c.peek(1).type === 'word') {
      c.next();
      name = `${name}.${c.next().text}`;
    }
    return { kind: 'describeFunction', pos, extended, name };
  }
  if (c.acceptWord('DATABASE') || c.acceptWord('SCHEMA')) {
    const extended = c.acceptWord('EXTENDED');
    return { kind: 'describeDatabase', pos, extended, name: c.identifier(ctx) };
  }
  const detail = c.acceptWord('EXTENDED') ? 'extended' : c.acceptWord('FORMATTED') ? 'formatted' : null;
  const table = parseTableName(c, ctx);
  const partition = parseOptionalPartition(c);
  let column: string[] | null = null;
  if (c.isIdentifier()) {
    column = [c.identifier(ctx)];
    while (c.acceptOp('.')) column.push(c.anyName(ctx));
  }
  return { kind: 'describeTable', pos, detail, table, partition, column };
}

function parseShowPattern(c: TokenCursor, context: string): string | null {
  if (c.acceptWord('LIKE')) return c.string(context);
  return c.isString() ? c.string(context) : null;
}

function parseShow(c: TokenCursor): Statement {
  const pos = c.pos;
  const ctx = 'SHOW';
  c.expectWord('SHOW', ctx);
  if (c.acceptWord('TABLES')) {
    const database = c.acceptWord('IN') || c.acceptWord('FROM') ? c.identifier(ctx) : null;
    return { kind: 'showTables', pos, database, pattern: parseShowPattern(c, ctx) };
  }
  if (c.acceptWord('DATABASES') || c.acceptWord('SCHEMAS')) {
    return { kind: 'showDatabases', pos, pattern: parseShowPattern(c, ctx) };
  }
  if (c.acceptWord('FUNCTIONS')) return { kind: 'showFunctions', pos, pattern: parseShowPattern(c, ctx) };
  if (c.acceptWord('PARTITIONS')) {
    const table = parseTableName(c, ctx);
    return { kind: 'showPartitions', pos, table, partition: parseOptionalPartition(c) };
  }
  if (c.acceptWords('CREATE', 'TABLE'))
    return { kind: 'showCreateTable', pos, table: parseTableName(c, ctx) };
  if (c.acceptWord('COLUMNS')) {
    if (!c.acceptWord('IN')) c.expectWord('FROM', ctx);
    let table = parseTableName(c, ctx);
    if (c.acceptWord('IN') || c.acceptWord('FROM')) {
      table = { ...table, database: c.identifier(ctx) };
    }
    return { kind: 'showColumns', pos, table };
  }
  return c.fail(ctx, 'TABLES, DATABASES, PARTITIONS, FUNCTIONS, COLUMNS or CREATE TABLE');
}
