import { InternalError, formatDataType } from '@hive-batch/core';
import type {
  AlterTableAction,
  ColumnDef,
  CommonTableExpr,
  Expression,
  FromItem,
  FunctionCall,
  InsertBranch,
  OrderItem,
  PartitionSpec,
  Property,
  Query,
  QueryBody,
  RowFormat,
  SelectCore,
  Statement,
  StorageFormat,
  TableName,
  WindowSpec,
} from './ast';
import { CLAUSE_WORDS, FUNCTION_KEYWORDS, RESERVED } from './internal/token-cursor';

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A name as an identifier, backquoted when it is not plain or is a keyword. */
function ident(name: string): string {
  const upper = name.toUpperCase();
  if (PLAIN.test(name) && !RESERVED.has(upper) && !CLAUSE_WORDS.has(upper)) return name;
  return `\`${name.replace(/`/g, '``')}\``;
}

function functionNamePart(name: string): string {
  const upper = name.toUpperCase();
  if (PLAIN.test(name) && (!RESERVED.has(upper) || FUNCTION_KEYWORDS.has(upper))) return name;
  return `\`${name.replace(/`/g, '``')}\``;
}

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\0': '\\0',
  '\b': '\\b',
  '\u001a': '\\Z',
};

/** A string literal that Hive's unescaping turns back into `value`. */
function str(value: string): string {
  let out = "'";
  for (const ch of value) {
    const esc = STRING_ESCAPES[ch];
    if (esc != null) out += esc;
    else if (ch.charCodeAt(0) < 0x20) out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

function tableName(t: TableName): string {
  return t.database == null ? ident(t.table) : `${ident(t.database)}.${ident(t.table)}`;
}

// ---------------------------------------------------------------------------------------------
// Expressions

// Operator expressions get parentheses when nested, so the output never depends on precedence rules.
function needsParens(e: Expression): boolean {
  switch (e.kind) {
    case 'binary':
    case 'unary':
    case 'is':
    case 'between':
    case 'inList':
    case 'inSubquery':
    case 'like':
      return true;
    default:
      return false;
  }
}

function wrap(e: Expression): string {
  return needsParens(e) ? `(${expr(e)})` : expr(e);
}

// A postfix base (`x[0]`, `x.f`) must be a primary.
function wrapPostfix(e: Expression): string {
  switch (e.kind) {
    case 'column':
    case 'call':
    case 'index':
    case 'field':
    case 'cast':
    case 'case':
    case 'scalarSubquery':
      return expr(e);
    default:
      return `(${expr(e)})`;
  }
}

const BINARY_TEXT: Readonly<Record<string, string>> = { or: 'OR', and: 'AND', div: 'DIV' };

function orderItems(items: readonly OrderItem[]): string {
  return items
    .map((o) => {
      let s = expr(o.expr);
      if (o.direction != null) s += ` ${o.direction.toUpperCase()}`;
      if (o.nulls != null) s += ` NULLS ${o.nulls.toUpperCase()}`;
      return s;
    })
    .join(', ');
}

function windowSpec(w: WindowSpec): string {
  const parts: string[] = [];
  if (w.baseName != null) parts.push(ident(w.baseName));
  if (w.partitionBy.length > 0) parts.push(`PARTITION BY ${w.partitionBy.map(expr).join(', ')}`);
  if (w.orderBy.length > 0) parts.push(`ORDER BY ${orderItems(w.orderBy)}`);
  if (w.frame != null) {
    const bound = (b: NonNullable<WindowSpec['frame']>['start']): string => {
      switch (b.kind) {
        case 'unboundedPreceding':
          return 'UNBOUNDED PRECEDING';
        case 'unboundedFollowing':
          return 'UNBOUNDED FOLLOWING';
        case 'currentRow':
          return 'CURRENT ROW';
        case 'preceding':
        case 'following':
          if (b.offset == null) throw new InternalError(`frame bound ${b.kind} without offset`);
          return `${wrap(b.offset)} ${b.kind.toUpperCase()}`;
      }
    };
    const unit = w.frame.unit.toUpperCase();
    parts.push(
      w.frame.end == null
        ? `${unit} ${bound(w.frame.start)}`
        : `${unit} BETWEEN ${bound(w.frame.start)} AND ${bound(w.frame.end)}`,
    );
  }
  return `(${parts.join(' ')})`;
}

function call(f: FunctionCall): string {
  let s = `${f.name.map(functionNamePart).join('.')}(`;
  if (f.star) s += '*';
  else s += `${f.distinct ? 'DISTINCT ' : ''}${f.args.map(expr).join(', ')}`;
  s += ')';
  if (f.withinGroup != null) s += ` WITHIN GROUP (ORDER BY ${orderItems(f.withinGroup)})`;
  if (f.over != null) s += ` OVER ${windowSpec(f.over)}`;
  return s;
}

function expr(e: Expression): string {
  switch (e.kind) {
    case 'null':
      return 'NULL';
    case 'boolean':
      return e.value ? 'TRUE' : 'FALSE';
    case 'string':
      return str(e.value);
    case 'number':
      return e.suffix === 'none' ? e.text : `${e.text}${e.suffix}`;
    case 'typedLiteral':
      return `${e.type.toUpperCase()} ${str(e.value)}`;
    case 'interval': {
      const v = e.value.kind === 'string' || e.value.kind === 'number' ? expr(e.value) : `(${expr(e.value)})`;
      return `INTERVAL ${v} ${e.unit.toUpperCase().replace('_TO_', ' TO ')}`;
    }
    case 'column':
      return e.parts.map(ident).join('.');
    case 'star':
      return e.qualifier.length === 0 ? '*' : `${e.qualifier.map(ident).join('.')}.*`;
    case 'unary':
      if (e.op === 'not') return `NOT ${wrap(e.operand)}`;
      // `- -x` must not become the comment `--x`.
      return `${e.op}${e.operand.kind === 'number' || e.operand.kind === 'column' || e.operand.kind === 'call' ? expr(e.operand) : `(${expr(e.operand)})`}`;
    case 'binary':
      return `${wrap(e.left)} ${BINARY_TEXT[e.op] ?? e.op} ${wrap(e.right)}`;
    case 'is':
      return `${wrapPostfix(e.operand)} IS ${e.negated ? 'NOT ' : ''}${e.test.toUpperCase()}`;
    case 'between':
      return `${wrap(e.operand)} ${e.negated ? 'NOT ' : ''}BETWEEN ${wrap(e.low)} AND ${wrap(e.high)}`;
    case 'inList':
      return `${wrap(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(expr).join(', ')})`;
    case 'inSubquery':
      return `${wrap(e.operand)} ${e.negated ? 'NOT ' : ''}IN (${query(e.query)})`;
    case 'like':
      return `${wrap(e.operand)} ${e.negated ? 'NOT ' : ''}${e.op.toUpperCase()} ${wrap(e.pattern)}`;
    case 'exists':
      return `EXISTS (${query(e.query)})`;
    case 'scalarSubquery':
      return `(${query(e.query)})`;
    case 'case': {
      let s = 'CASE';
      if (e.operand != null) s += ` ${expr(e.operand)}`;
      for (const w of e.whens) s += ` WHEN ${expr(w.when)} THEN ${expr(w.then)}`;
      if (e.else != null) s += ` ELSE ${expr(e.else)}`;
      return `${s} END`;
    }
    case 'cast':
      return `CAST(${expr(e.operand)} AS ${formatDataType(e.type)})`;
    case 'call':
      return call(e);
    case 'index':
      return `${wrapPostfix(e.base)}[${expr(e.index)}]`;
    case 'field':
      return `${wrapPostfix(e.base)}.${ident(e.field)}`;
    case 'row':
      return `(${e.items.map(expr).join(', ')})`;
  }
}

// ---------------------------------------------------------------------------------------------
// Queries

const JOIN_TEXT: Readonly<Record<string, string>> = {
  inner: 'JOIN',
  left: 'LEFT OUTER JOIN',
  right: 'RIGHT OUTER JOIN',
  full: 'FULL OUTER JOIN',
  leftSemi: 'LEFT SEMI JOIN',
  leftAnti: 'LEFT ANTI JOIN',
  cross: 'CROSS JOIN',
};

function fromItem(f: FromItem): string {
  switch (f.kind) {
    case 'table': {
      let s = tableName(f.name);
      if (f.sample != null) {
        const t = f.sample;
        if (t.kind === 'bucket') {
          s += ` TABLESAMPLE (BUCKET ${t.numerator} OUT OF ${t.denominator ?? ''}`;
          if (t.on.length > 0) s += ` ON ${t.on.map(expr).join(', ')}`;
          s += ')';
        } else if (t.kind === 'bytes') s += ` TABLESAMPLE (${t.numerator})`;
        else s += ` TABLESAMPLE (${t.numerator} ${t.kind === 'percent' ? 'PERCENT' : 'ROWS'})`;
      }
      return f.alias == null ? s : `${s} AS ${ident(f.alias)}`;
    }
    case 'subquery':
      return `(${query(f.query)})${f.alias == null ? '' : ` AS ${ident(f.alias)}`}`;
    case 'join': {
      const right = f.right.kind === 'join' ? `(${fromItem(f.right)})` : fromItem(f.right);
      let s = `${fromItem(f.left)} ${JOIN_TEXT[f.type] ?? 'JOIN'} ${right}`;
      if (f.on != null) s += ` ON ${expr(f.on)}`;
      if (f.using != null) s += ` USING (${f.using.map(ident).join(', ')})`;
      return s;
    }
    case 'lateralView': {
      const source = f.source.kind === 'join' ? `(${fromItem(f.source)})` : fromItem(f.source);
      let s = `${source} LATERAL VIEW ${f.outer ? 'OUTER ' : ''}${call(f.call)}`;
      if (f.tableAlias != null) s += ` ${ident(f.tableAlias)}`;
      if (f.columnAliases.length > 0) s += ` AS ${f.columnAliases.map(ident).join(', ')}`;
      return s;
    }
  }
}

function select(s: SelectCore): string {
  const items = s.items.map((i) => {
    const e = expr(i.expr);
    if (i.aliases.length === 0) return e;
    if (i.aliases.length === 1) return `${e} AS ${ident(i.aliases[0] ?? '')}`;
    return `${e} AS (${i.aliases.map(ident).join(', ')})`;
  });
  let out = `SELECT ${s.distinct ? 'DISTINCT ' : ''}${items.join(', ')}`;
  if (s.from != null) out += ` FROM ${fromItem(s.from)}`;
  if (s.where != null) out += ` WHERE ${expr(s.where)}`;
  if (s.groupBy != null) {
    const g = s.groupBy;
    out += ` GROUP BY ${g.exprs.map(expr).join(', ')}`;
    if (g.mode === 'rollup') out += ' WITH ROLLUP';
    else if (g.mode === 'cube') out += ' WITH CUBE';
    else if (g.mode === 'groupingSets') {
      out += ` GROUPING SETS (${g.sets.map((set) => `(${set.map(expr).join(', ')})`).join(', ')})`;
    }
  }
  if (s.having != null) out += ` HAVING ${expr(s.having)}`;
  if (s.windows.length > 0) {
    out += ` WINDOW ${s.windows.map((w) => `${ident(w.name)} AS ${windowSpec(w.spec)}`).join(', ')}`;
  }
  return out;
}

function body(b: QueryBody): string {
  switch (b.kind) {
    case 'select':
      return select(b);
    case 'query':
      return `(${query(b)})`;
    case 'setOp':
      return `${body(b.left)} ${b.op.toUpperCase()} ${b.all ? 'ALL' : 'DISTINCT'} ${body(b.right)}`;
  }
}

function withClause(ctes: readonly CommonTableExpr[]): string {
  if (ctes.length === 0) return '';
  return `WITH ${ctes.map((c) => `${ident(c.name)} AS (${query(c.query)})`).join(', ')} `;
}

function query(q: Query): string {
  let s = withClause(q.with) + body(q.body);
  if (q.orderBy.length > 0) s += ` ORDER BY ${orderItems(q.orderBy)}`;
  if (q.clusterBy.length > 0) s += ` CLUSTER BY ${q.clusterBy.map(expr).join(', ')}`;
  if (q.distributeBy.length > 0) s += ` DISTRIBUTE BY ${q.distributeBy.map(expr).join(', ')}`;
  if (q.sortBy.length > 0) s += ` SORT BY ${orderItems(q.sortBy)}`;
  if (q.limit != null) s += ` LIMIT ${q.limit}`;
  if (q.offset != null) s += ` OFFSET ${q.offset}`;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Statements

function partition(p: PartitionSpec | null): string {
  if (p == null) return '';
  const entries = p.entries.map((e) =>
    e.value == null ? ident(e.column) : `${ident(e.column)} = ${expr(e.value)}`,
  );
  return ` PARTITION (${entries.join(', ')})`;
}

function properties(props: readonly Property[]): string {
  return `(${props.map((p) => `${str(p.key)} = ${str(p.value)}`).join(', ')})`;
}

function columnDefs(cols: readonly ColumnDef[]): string {
  const defs = cols.map(
    (c) =>
      `${ident(c.name)} ${formatDataType(c.type)}${c.comment == null ? '' : ` COMMENT ${str(c.comment)}`}`,
  );
  return `(${defs.join(', ')})`;
}

function rowFormat(r: RowFormat): string {
  if (r.kind === 'serde') {
    const props = r.properties.length > 0 ? ` WITH SERDEPROPERTIES ${properties(r.properties)}` : '';
    return ` ROW FORMAT SERDE ${str(r.className)}${props}`;
  }
  let s = ' ROW FORMAT DELIMITED';
  if (r.fieldsTerminatedBy != null) {
    s += ` FIELDS TERMINATED BY ${str(r.fieldsTerminatedBy)}`;
    if (r.escapedBy != null) s += ` ESCAPED BY ${str(r.escapedBy)}`;
  }
  if (r.collectionItemsTerminatedBy != null) {
    s += ` COLLECTION ITEMS TERMINATED BY ${str(r.collectionItemsTerminatedBy)}`;
  }
  if (r.mapKeysTerminatedBy != null) s += ` MAP KEYS TERMINATED BY ${str(r.mapKeysTerminatedBy)}`;
  if (r.linesTerminatedBy != null) s += ` LINES TERMINATED BY ${str(r.linesTerminatedBy)}`;
  if (r.nullDefinedAs != null) s += ` NULL DEFINED AS ${str(r.nullDefinedAs)}`;
  return s;
}

function storedAs(f: StorageFormat): string {
  switch (f.kind) {
    case 'named':
      return ` STORED AS ${f.format}`;
    case 'inputOutput':
      return ` STORED AS INPUTFORMAT ${str(f.inputFormat)} OUTPUTFORMAT ${str(f.outputFormat)}`;
    case 'handler': {
      const props = f.properties.length > 0 ? ` WITH SERDEPROPERTIES ${properties(f.properties)}` : '';
      return ` STORED BY ${str(f.className)}${props}`;
    }
  }
}

function insertBranch(b: InsertBranch): string {
  const t = b.target;
  let s: string;
  if (t.kind === 'directory') {
    s = `INSERT OVERWRITE ${t.local ? 'LOCAL ' : ''}DIRECTORY ${str(t.path)}`;
    if (t.rowFormat != null) s += rowFormat(t.rowFormat);
    if (t.storedAs != null) s += storedAs(t.storedAs);
  } else {
    s = `INSERT ${t.overwrite ? 'OVERWRITE' : 'INTO'} TABLE ${tableName(t.table)}${partition(t.partition)}`;
    if (t.ifNotExists) s += ' IF NOT EXISTS';
    if (t.columns != null) s += ` (${t.columns.map(ident).join(', ')})`;
  }
  const src = b.source;
  if (src.kind === 'values') {
    return `${s} VALUES ${src.rows.map((r) => `(${r.map(expr).join(', ')})`).join(', ')}`;
  }
  return `${s} ${query(src)}`;
}

function alterAction(a: AlterTableAction): string {
  switch (a.kind) {
    case 'addPartitions':
      return `ADD${a.ifNotExists ? ' IF NOT EXISTS' : ''}${a.partitions
        .map((p) => `${partition(p.spec)}${p.location == null ? '' : ` LOCATION ${str(p.location)}`}`)
        .join('')}`;
    case 'dropPartitions':
      return `DROP${a.ifExists ? ' IF EXISTS' : ''}${a.partitions
        .map((p) => partition(p))
        .join(',')}${a.purge ? ' PURGE' : ''}`;
    case 'renameTo':
      return `RENAME TO ${tableName(a.newName)}`;
    case 'addColumns':
      return `${a.replace ? 'REPLACE' : 'ADD'} COLUMNS ${columnDefs(a.columns)}`;
    case 'setTblProperties':
      return `SET TBLPROPERTIES ${properties(a.properties)}`;
    case 'setLocation':
      return `SET LOCATION ${str(a.location)}`;
    case 'updateColumnStatistics':
      return `UPDATE STATISTICS FOR COLUMN ${ident(a.column)} SET ${properties(a.properties)}`;
  }
}

function pattern(p: string | null): string {
  return p == null ? '' : ` LIKE ${str(p)}`;
}

/**
 * Prints a statement back as Hive SQL on one line. Parsing the output gives the same AST (positions aside);
 * operator expressions are fully parenthesised, keywords upper-case, names backquoted only when needed.
 *
 * @param stmt - A statement from `parseStatement`.
 * @returns The SQL text, without a trailing `;`.
 * @example
 * ```ts
 * formatStatement(parseStatement('select a+b*c x from t')); // 'SELECT a + (b * c) AS x FROM t'
 * ```
 */
export function formatStatement(stmt: Statement): string {
  switch (stmt.kind) {
    case 'query':
      return query(stmt.query);
    case 'insert': {
      let s = withClause(stmt.with);
      if (stmt.from != null) s += `FROM ${fromItem(stmt.from)} `;
      return s + stmt.branches.map(insertBranch).join(' ');
    }
    case 'createTable': {
      let s = `CREATE ${stmt.temporary ? 'TEMPORARY ' : ''}${stmt.external ? 'EXTERNAL ' : ''}TABLE `;
      s += `${stmt.ifNotExists ? 'IF NOT EXISTS ' : ''}${tableName(stmt.name)}`;
      if (stmt.like != null) s += ` LIKE ${tableName(stmt.like)}`;
      if (stmt.columns.length > 0) s += ` ${columnDefs(stmt.columns)}`;
      if (stmt.comment != null) s += ` COMMENT ${str(stmt.comment)}`;
      if (stmt.partitionedBy.length > 0) s += ` PARTITIONED BY ${columnDefs(stmt.partitionedBy)}`;
      if (stmt.clusteredBy != null) {
        const b = stmt.clusteredBy;
        s += ` CLUSTERED BY (${b.columns.map(ident).join(', ')})`;
        if (b.sortedBy.length > 0) {
          const sorted = b.sortedBy.map(
            (x) => `${ident(x.column)}${x.direction == null ? '' : ` ${x.direction.toUpperCase()}`}`,
          );
          s += ` SORTED BY (${sorted.join(', ')})`;
        }
        s += ` INTO ${b.buckets} BUCKETS`;
      }
      if (stmt.rowFormat != null) s += rowFormat(stmt.rowFormat);
      if (stmt.storedAs != null) s += storedAs(stmt.storedAs);
      if (stmt.location != null) s += ` LOCATION ${str(stmt.location)}`;
      if (stmt.tblProperties.length > 0) s += ` TBLPROPERTIES ${properties(stmt.tblProperties)}`;
      if (stmt.asSelect != null) s += ` AS ${query(stmt.asSelect)}`;
      return s;
    }
    case 'dropTable':
      return `DROP TABLE ${stmt.ifExists ? 'IF EXISTS ' : ''}${tableName(stmt.name)}${stmt.purge ? ' PURGE' : ''}`;
    case 'truncateTable':
      return `TRUNCATE TABLE ${tableName(stmt.name)}${partition(stmt.partition)}`;
    case 'createDatabase': {
      let s = `CREATE DATABASE ${stmt.ifNotExists ? 'IF NOT EXISTS ' : ''}${ident(stmt.name)}`;
      if (stmt.comment != null) s += ` COMMENT ${str(stmt.comment)}`;
      if (stmt.location != null) s += ` LOCATION ${str(stmt.location)}`;
      if (stmt.properties.length > 0) s += ` WITH DBPROPERTIES ${properties(stmt.properties)}`;
      return s;
    }
    case 'dropDatabase':
      return `DROP DATABASE ${stmt.ifExists ? 'IF EXISTS ' : ''}${ident(stmt.name)}${stmt.cascade ? ' CASCADE' : ''}`;
    case 'use':
      return `USE ${ident(stmt.database)}`;
    case 'alterTable':
      return `ALTER TABLE ${tableName(stmt.name)}${partition(stmt.partition)} ${alterAction(stmt.action)}`;
    case 'loadData':
      return `LOAD DATA ${stmt.local ? 'LOCAL ' : ''}INPATH ${str(stmt.path)}${stmt.overwrite ? ' OVERWRITE' : ''} INTO TABLE ${tableName(stmt.table)}${partition(stmt.partition)}`;
    case 'explain':
      return `EXPLAIN ${stmt.options.map((o) => `${o.toUpperCase()} `).join('')}${formatStatement(stmt.statement)}`;
    case 'describeTable': {
      const detail = stmt.detail == null ? '' : `${stmt.detail.toUpperCase()} `;
      const column = stmt.column == null ? '' : ` ${stmt.column.map(ident).join('.')}`;
      return `DESCRIBE ${detail}${tableName(stmt.table)}${partition(stmt.partition)}${column}`;
    }
    case 'describeFunction': {
      const name = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(stmt.name)
        ? stmt.name
        : str(stmt.name);
      return `DESCRIBE FUNCTION ${stmt.extended ? 'EXTENDED ' : ''}${name}`;
    }
    case 'describeDatabase':
      return `DESCRIBE DATABASE ${stmt.extended ? 'EXTENDED ' : ''}${ident(stmt.name)}`;
    case 'showTables':
      return `SHOW TABLES${stmt.database == null ? '' : ` IN ${ident(stmt.database)}`}${pattern(stmt.pattern)}`;
    case 'showDatabases':
      return `SHOW DATABASES${pattern(stmt.pattern)}`;
    case 'showFunctions':
      return `SHOW FUNCTIONS${pattern(stmt.pattern)}`;
    case 'showPartitions':
      return `SHOW PARTITIONS ${tableName(stmt.table)}${partition(stmt.partition)}`;
    case 'showCreateTable':
      return `SHOW CREATE TABLE ${tableName(stmt.table)}`;
    case 'showColumns':
      return `SHOW COLUMNS IN ${tableName(stmt.table)}`;
    case 'createFunction': {
      let s = `CREATE ${stmt.temporary ? 'TEMPORARY ' : ''}FUNCTION ${stmt.name.map(ident).join('.')} AS ${str(stmt.className)}`;
      if (stmt.resources.length > 0) {
        s += ` USING ${stmt.resources.map((r) => `${r.type.toUpperCase()} ${str(r.uri)}`).join(', ')}`;
      }
      return s;
    }
    case 'dropFunction':
      return `DROP ${stmt.temporary ? 'TEMPORARY ' : ''}FUNCTION ${stmt.ifExists ? 'IF EXISTS ' : ''}${stmt.name.map(ident).join('.')}`;
    case 'reloadFunctions':
      return 'RELOAD FUNCTIONS';
    case 'analyzeTable': {
      let s = `ANALYZE TABLE ${tableName(stmt.table)}${partition(stmt.partition)} COMPUTE STATISTICS`;
      if (stmt.noScan) s += ' NOSCAN';
      if (stmt.columns != null)
        s += ` FOR COLUMNS${stmt.columns.length > 0 ? ` ${stmt.columns.map(ident).join(', ')}` : ''}`;
      return s;
    }
  }
}
