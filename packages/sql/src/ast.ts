// The typed AST of the Hive dialect. Every node carries `kind` (the discriminant) and `pos`
// (where it starts in the source), so a binder can report errors at the right place.
import type { DataType } from '@hive-batch/core';

/** A place in the source text. `line` and `column` are 1-based; `offset` is the 0-based UTF-16 index. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

// ---------------------------------------------------------------------------------------------
// Names

/** `[db.]table`. Names keep the case they were written with; Hive compares them ignoring case. */
export interface TableName {
  readonly kind: 'tableName';
  readonly pos: SourcePosition;
  readonly database: string | null;
  readonly table: string;
}

// ---------------------------------------------------------------------------------------------
// Expressions

/** `NULL`. */
export interface NullLiteral {
  readonly kind: 'null';
  readonly pos: SourcePosition;
}

/** `TRUE` / `FALSE`. */
export interface BooleanLiteral {
  readonly kind: 'boolean';
  readonly pos: SourcePosition;
  readonly value: boolean;
}

/** A string literal, already unescaped the way Hive's `unescapeSQLString` does; adjacent literals are joined. */
export interface StringLiteral {
  readonly kind: 'string';
  readonly pos: SourcePosition;
  readonly value: string;
}

/**
 * Hive's literal suffixes: `Y` tinyint, `S` smallint, `L` bigint, `BD` decimal, `D` double, `none` = no suffix
 * (the binder types it: int, then bigint, else decimal/double as Hive does).
 */
export type NumberSuffix = 'none' | 'Y' | 'S' | 'L' | 'BD' | 'D';

/** A numeric literal; `text` is the digits as written (without the suffix), e.g. `1.5e3`. */
export interface NumberLiteral {
  readonly kind: 'number';
  readonly pos: SourcePosition;
  readonly text: string;
  readonly suffix: NumberSuffix;
}

/** `DATE 'yyyy-mm-dd'`, `TIMESTAMP '…'`. */
export interface TypedLiteral {
  readonly kind: 'typedLiteral';
  readonly pos: SourcePosition;
  readonly type: 'date' | 'timestamp';
  readonly value: string;
}

/** Units of `INTERVAL` literals. */
export type IntervalUnit =
  'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'year_to_month' | 'day_to_second';

/** `INTERVAL '1' DAY`, `INTERVAL 2 HOURS`, `INTERVAL '1-2' YEAR TO MONTH`. */
export interface IntervalLiteral {
  readonly kind: 'interval';
  readonly pos: SourcePosition;
  readonly value: Expression;
  readonly unit: IntervalUnit;
}

/**
 * A name: `col`, `t.col`, `db.t.col`, or `col.field` — the parser cannot tell a qualifier from a struct
 * field, so the binder resolves `parts` against the scope.
 */
export interface ColumnRef {
  readonly kind: 'column';
  readonly pos: SourcePosition;
  readonly parts: readonly string[];
}

/** `*` or `t.*` (in a select list or as `count(*)`'s argument). */
export interface StarExpr {
  readonly kind: 'star';
  readonly pos: SourcePosition;
  readonly qualifier: readonly string[];
}

/** Prefix operators. `not` covers both `NOT` and `!`. */
export type UnaryOperator = '-' | '+' | '~' | 'not';

export interface UnaryExpr {
  readonly kind: 'unary';
  readonly pos: SourcePosition;
  readonly op: UnaryOperator;
  readonly operand: Expression;
}

/** Binary operators; `==` is read as `=` and `!=` as `<>`. `div` is integer division. */
export type BinaryOperator =
  | 'or'
  | 'and'
  | '='
  | '<>'
  | '<=>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | 'div'
  | '||'
  | '&'
  | '|'
  | '^';

export interface BinaryExpr {
  readonly kind: 'binary';
  readonly pos: SourcePosition;
  readonly op: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** `x IS [NOT] NULL | TRUE | FALSE`. */
export interface IsExpr {
  readonly kind: 'is';
  readonly pos: SourcePosition;
  readonly operand: Expression;
  readonly test: 'null' | 'true' | 'false';
  readonly negated: boolean;
}

/** `x [NOT] BETWEEN low AND high`. */
export interface BetweenExpr {
  readonly kind: 'between';
  readonly pos: SourcePosition;
  readonly operand: Expression;
  readonly low: Expression;
  readonly high: Expression;
  readonly negated: boolean;
}

/** `x [NOT] IN (a, b, …)`. */
export interface InListExpr {
  readonly kind: 'inList';
  readonly pos: SourcePosition;
  readonly operand: Expression;
  readonly list: readonly Expression[];
  readonly negated: boolean;
}

/** `x [NOT] IN (SELECT …)`. */
export interface InSubqueryExpr {
  readonly kind: 'inSubquery';
  readonly pos: SourcePosition;
  readonly operand: Expression;
  readonly query: Query;
  readonly negated: boolean;
}

/** `x [NOT] LIKE|RLIKE|REGEXP pattern`. */
export interface LikeExpr {
  readonly kind: 'like';
  readonly pos: SourcePosition;
  readonly op: 'like' | 'rlike' | 'regexp';
  readonly operand: Expression;
  readonly pattern: Expression;
  readonly negated: boolean;
}

/** `EXISTS (SELECT …)`; `NOT EXISTS` is a `not` {@link UnaryExpr} around it, as in Hive's grammar. */
export interface ExistsExpr {
  readonly kind: 'exists';
  readonly pos: SourcePosition;
  readonly query: Query;
}

/** `(SELECT …)` used as a value. */
export interface ScalarSubqueryExpr {
  readonly kind: 'scalarSubquery';
  readonly pos: SourcePosition;
  readonly query: Query;
}

/** One `WHEN … THEN …` arm. */
export interface WhenClause {
  readonly pos: SourcePosition;
  readonly when: Expression;
  readonly then: Expression;
}

/** `CASE [operand] WHEN … THEN … [ELSE …] END`; `operand` is null for the searched form. */
export interface CaseExpr {
  readonly kind: 'case';
  readonly pos: SourcePosition;
  readonly operand: Expression | null;
  readonly whens: readonly WhenClause[];
  readonly else: Expression | null;
}

/** `CAST(x AS type)`. */
export interface CastExpr {
  readonly kind: 'cast';
  readonly pos: SourcePosition;
  readonly operand: Expression;
  readonly type: DataType;
}

/** Frame bound of a window. `offset` is set for `n PRECEDING` / `n FOLLOWING`. */
export interface FrameBound {
  readonly pos: SourcePosition;
  readonly kind: 'unboundedPreceding' | 'preceding' | 'currentRow' | 'following' | 'unboundedFollowing';
  readonly offset: Expression | null;
}

/** `ROWS|RANGE start` or `ROWS|RANGE BETWEEN start AND end` (`end` null in the first form). */
export interface WindowFrame {
  readonly pos: SourcePosition;
  readonly unit: 'rows' | 'range';
  readonly start: FrameBound;
  readonly end: FrameBound | null;
}

/** `OVER (…)` / `WINDOW w AS (…)`; `baseName` is set for `OVER w` or `(w ORDER BY …)`. */
export interface WindowSpec {
  readonly pos: SourcePosition;
  readonly baseName: string | null;
  readonly partitionBy: readonly Expression[];
  readonly orderBy: readonly OrderItem[];
  readonly frame: WindowFrame | null;
}

/** A function call: `f(a, b)`, `count(*)`, `count(DISTINCT a, b)`, `f(ALL x)`, with optional WITHIN GROUP / OVER. */
export interface FunctionCall {
  readonly kind: 'call';
  readonly pos: SourcePosition;
  /** `[db.]name` as written. */
  readonly name: readonly string[];
  readonly args: readonly Expression[];
  /** `DISTINCT` in the argument list (`ALL` is the default and is not recorded). */
  readonly distinct: boolean;
  /** `count(*)`: `args` is empty and `star` is true. */
  readonly star: boolean;
  /** `WITHIN GROUP (ORDER BY …)`, or null. */
  readonly withinGroup: readonly OrderItem[] | null;
  /** `OVER (…)`, or null. */
  readonly over: WindowSpec | null;
}

/** `base[index]`: array element or map value. */
export interface IndexExpr {
  readonly kind: 'index';
  readonly pos: SourcePosition;
  readonly base: Expression;
  readonly index: Expression;
}

/** `base.field` where `base` is not a plain name (e.g. `a[0].f`, `(x).f`). */
export interface FieldExpr {
  readonly kind: 'field';
  readonly pos: SourcePosition;
  readonly base: Expression;
  readonly field: string;
}

/** `(a, b, …)`: a parenthesised list (row value), e.g. in `(a, b) IN ((1, 2))`. */
export interface RowExpr {
  readonly kind: 'row';
  readonly pos: SourcePosition;
  readonly items: readonly Expression[];
}

/** Any expression. */
export type Expression =
  | NullLiteral
  | BooleanLiteral
  | StringLiteral
  | NumberLiteral
  | TypedLiteral
  | IntervalLiteral
  | ColumnRef
  | StarExpr
  | UnaryExpr
  | BinaryExpr
  | IsExpr
  | BetweenExpr
  | InListExpr
  | InSubqueryExpr
  | LikeExpr
  | ExistsExpr
  | ScalarSubqueryExpr
  | CaseExpr
  | CastExpr
  | FunctionCall
  | IndexExpr
  | FieldExpr
  | RowExpr;

// ---------------------------------------------------------------------------------------------
// Queries

/** `expr [ASC|DESC] [NULLS FIRST|LAST]`; null means "not written" (Hive: ASC, NULLS FIRST for ASC). */
export interface OrderItem {
  readonly pos: SourcePosition;
  readonly expr: Expression;
  readonly direction: 'asc' | 'desc' | null;
  readonly nulls: 'first' | 'last' | null;
}

/** One item of the select list: `expr [[AS] alias]` or `expr AS (a, b)` (UDTF). */
export interface SelectItem {
  readonly pos: SourcePosition;
  readonly expr: Expression;
  /** Empty when no alias was written. */
  readonly aliases: readonly string[];
}

/** `GROUP BY`: plain, `WITH ROLLUP`/`ROLLUP(…)`, `WITH CUBE`/`CUBE(…)`, or `GROUPING SETS (…)`. */
export interface GroupBy {
  readonly pos: SourcePosition;
  readonly mode: 'plain' | 'rollup' | 'cube' | 'groupingSets';
  readonly exprs: readonly Expression[];
  /** For `groupingSets`: each set's expressions (`()` is the empty set); empty otherwise. */
  readonly sets: readonly (readonly Expression[])[];
}

/** `WINDOW name AS (spec)`. */
export interface NamedWindow {
  readonly pos: SourcePosition;
  readonly name: string;
  readonly spec: WindowSpec;
}

/** `TABLESAMPLE (BUCKET x OUT OF y [ON …])` or `TABLESAMPLE (n PERCENT|ROWS)` / `(nM)`. */
export interface TableSample {
  readonly pos: SourcePosition;
  readonly kind: 'bucket' | 'percent' | 'rows' | 'bytes';
  readonly numerator: string;
  readonly denominator: string | null;
  readonly on: readonly Expression[];
}

/** A table in FROM. */
export interface TableRef {
  readonly kind: 'table';
  readonly pos: SourcePosition;
  readonly name: TableName;
  readonly alias: string | null;
  readonly sample: TableSample | null;
}

/** `(query) [AS] alias` in FROM. */
export interface SubqueryRef {
  readonly kind: 'subquery';
  readonly pos: SourcePosition;
  readonly query: Query;
  readonly alias: string | null;
}

/** Join types Hive knows. */
export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'leftSemi' | 'leftAnti' | 'cross';

/** `left [type] JOIN right [ON cond | USING (cols)]`. A bare comma join is `cross` with no condition. */
export interface JoinRef {
  readonly kind: 'join';
  readonly pos: SourcePosition;
  readonly type: JoinType;
  readonly left: FromItem;
  readonly right: FromItem;
  readonly on: Expression | null;
  readonly using: readonly string[] | null;
}

/** `source LATERAL VIEW [OUTER] udtf(args) tableAlias [AS col, …]`. */
export interface LateralViewRef {
  readonly kind: 'lateralView';
  readonly pos: SourcePosition;
  readonly source: FromItem;
  readonly outer: boolean;
  readonly call: FunctionCall;
  readonly tableAlias: string | null;
  readonly columnAliases: readonly string[];
}

/** `(VALUES (…), …) [AS] alias [(cols)]` is not Hive 3; a FROM item is one of these. */
export type FromItem = TableRef | SubqueryRef | JoinRef | LateralViewRef;

/** One SELECT block (without ORDER BY/LIMIT, which belong to the enclosing {@link Query}). */
export interface SelectCore {
  readonly kind: 'select';
  readonly pos: SourcePosition;
  readonly distinct: boolean;
  readonly items: readonly SelectItem[];
  readonly from: FromItem | null;
  readonly where: Expression | null;
  readonly groupBy: GroupBy | null;
  readonly having: Expression | null;
  readonly windows: readonly NamedWindow[];
}

/** `left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right`; `all` false means DISTINCT (also when unwritten). */
export interface SetOperation {
  readonly kind: 'setOp';
  readonly pos: SourcePosition;
  readonly op: 'union' | 'intersect' | 'except';
  readonly all: boolean;
  readonly left: QueryBody;
  readonly right: QueryBody;
}

/** The part of a query before ORDER BY; a parenthesised query is a nested {@link Query}. */
export type QueryBody = SelectCore | SetOperation | Query;

/** `WITH name AS (query)`. */
export interface CommonTableExpr {
  readonly pos: SourcePosition;
  readonly name: string;
  readonly query: Query;
}

/** A full query: CTEs, a body, and the clauses that apply to its result. */
export interface Query {
  readonly kind: 'query';
  readonly pos: SourcePosition;
  readonly with: readonly CommonTableExpr[];
  readonly body: QueryBody;
  readonly orderBy: readonly OrderItem[];
  readonly clusterBy: readonly Expression[];
  readonly distributeBy: readonly Expression[];
  readonly sortBy: readonly OrderItem[];
  /** `LIMIT n` (rows), or null. */
  readonly limit: number | null;
  /** `LIMIT offset, n` / `LIMIT n OFFSET offset` (rows), or null. */
  readonly offset: number | null;
}

// ---------------------------------------------------------------------------------------------
// DDL pieces

/** `name type [COMMENT 'c']`. */
export interface ColumnDef {
  readonly pos: SourcePosition;
  readonly name: string;
  readonly type: DataType;
  readonly comment: string | null;
}

/** `key = value` in TBLPROPERTIES, SERDEPROPERTIES, DBPROPERTIES. */
export interface Property {
  readonly pos: SourcePosition;
  readonly key: string;
  readonly value: string;
}

/** `PARTITION (k = v, k2)`: `value` null for a dynamic partition column. */
export interface PartitionSpecEntry {
  readonly pos: SourcePosition;
  readonly column: string;
  readonly value: Expression | null;
}

/** `PARTITION (…)`. */
export interface PartitionSpec {
  readonly pos: SourcePosition;
  readonly entries: readonly PartitionSpecEntry[];
}

/** `ROW FORMAT DELIMITED …`; each delimiter is the unescaped string, or null when not given. */
export interface DelimitedRowFormat {
  readonly pos: SourcePosition;
  readonly kind: 'delimited';
  readonly fieldsTerminatedBy: string | null;
  readonly escapedBy: string | null;
  readonly collectionItemsTerminatedBy: string | null;
  readonly mapKeysTerminatedBy: string | null;
  readonly linesTerminatedBy: string | null;
  readonly nullDefinedAs: string | null;
}

/** `ROW FORMAT SERDE 'class' [WITH SERDEPROPERTIES (…)]`. */
export interface SerdeRowFormat {
  readonly pos: SourcePosition;
  readonly kind: 'serde';
  readonly className: string;
  readonly properties: readonly Property[];
}

export type RowFormat = DelimitedRowFormat | SerdeRowFormat;

/**
 * `STORED AS name` (`format` upper-cased: TEXTFILE, PARQUET, ORC, SEQUENCEFILE, RCFILE, AVRO, JSONFILE …),
 * `STORED AS INPUTFORMAT 'x' OUTPUTFORMAT 'y'`, or `STORED BY 'handler' [WITH SERDEPROPERTIES (…)]`.
 */
export type StorageFormat =
  | { readonly kind: 'named'; readonly pos: SourcePosition; readonly format: string }
  | {
      readonly kind: 'inputOutput';
      readonly pos: SourcePosition;
      readonly inputFormat: string;
      readonly outputFormat: string;
    }
  | {
      readonly kind: 'handler';
      readonly pos: SourcePosition;
      readonly className: string;
      readonly properties: readonly Property[];
    };

/** `CLUSTERED BY (cols) [SORTED BY (col [ASC|DESC], …)] INTO n BUCKETS`. */
export interface Bucketing {
  readonly pos: SourcePosition;
  readonly columns: readonly string[];
  readonly sortedBy: readonly { readonly column: string; readonly direction: 'asc' | 'desc' | null }[];
  readonly buckets: number;
}

// ---------------------------------------------------------------------------------------------
// Statements

/** A query statement (`SELECT …`, `WITH … SELECT …`, `(…) UNION …`, `FROM t SELECT …`). */
export interface QueryStatement {
  readonly kind: 'query';
  readonly pos: SourcePosition;
  readonly query: Query;
}

/** Where an INSERT writes: a table (with optional partition spec and column list). */
export interface InsertTableTarget {
  readonly kind: 'table';
  readonly pos: SourcePosition;
  readonly overwrite: boolean;
  readonly table: TableName;
  readonly partition: PartitionSpec | null;
  readonly ifNotExists: boolean;
  readonly columns: readonly string[] | null;
}

/** `INSERT OVERWRITE [LOCAL] DIRECTORY 'path' [ROW FORMAT …] [STORED AS …]`. */
export interface InsertDirectoryTarget {
  readonly kind: 'directory';
  readonly pos: SourcePosition;
  readonly local: boolean;
  readonly path: string;
  readonly rowFormat: RowFormat | null;
  readonly storedAs: StorageFormat | null;
}

/** `VALUES (…), (…)`. */
export interface ValuesSource {
  readonly kind: 'values';
  readonly pos: SourcePosition;
  readonly rows: readonly (readonly Expression[])[];
}

/** One `INSERT … SELECT …` (or `… VALUES …`) of an insert statement. */
export interface InsertBranch {
  readonly pos: SourcePosition;
  readonly target: InsertTableTarget | InsertDirectoryTarget;
  readonly source: Query | ValuesSource;
}

/**
 * `INSERT …` and Hive's multi-insert `FROM src INSERT … SELECT … INSERT … SELECT …`.
 * For the multi-insert form `from` is the shared source and each branch's select has `from: null`.
 */
export interface InsertStatement {
  readonly kind: 'insert';
  readonly pos: SourcePosition;
  readonly with: readonly CommonTableExpr[];
  readonly from: FromItem | null;
  readonly branches: readonly InsertBranch[];
}

/** `CREATE [TEMPORARY] [EXTERNAL] TABLE …` incl. CTAS and `LIKE`. */
export interface CreateTableStatement {
  readonly kind: 'createTable';
  readonly pos: SourcePosition;
  readonly temporary: boolean;
  readonly external: boolean;
  readonly ifNotExists: boolean;
  readonly name: TableName;
  readonly columns: readonly ColumnDef[];
  readonly comment: string | null;
  readonly partitionedBy: readonly ColumnDef[];
  readonly clusteredBy: Bucketing | null;
  readonly rowFormat: RowFormat | null;
  readonly storedAs: StorageFormat | null;
  readonly location: string | null;
  readonly tblProperties: readonly Property[];
  /** CTAS: `AS SELECT …`. */
  readonly asSelect: Query | null;
  /** `CREATE TABLE t LIKE src`. */
  readonly like: TableName | null;
}

/** `DROP TABLE [IF EXISTS] t [PURGE]`. */
export interface DropTableStatement {
  readonly kind: 'dropTable';
  readonly pos: SourcePosition;
  readonly ifExists: boolean;
  readonly name: TableName;
  readonly purge: boolean;
}

/** `TRUNCATE TABLE t [PARTITION (…)]`. */
export interface TruncateTableStatement {
  readonly kind: 'truncateTable';
  readonly pos: SourcePosition;
  readonly name: TableName;
  readonly partition: PartitionSpec | null;
}

/** `CREATE DATABASE|SCHEMA [IF NOT EXISTS] db [COMMENT c] [LOCATION l] [WITH DBPROPERTIES (…)]`. */
export interface CreateDatabaseStatement {
  readonly kind: 'createDatabase';
  readonly pos: SourcePosition;
  readonly ifNotExists: boolean;
  readonly name: string;
  readonly comment: string | null;
  readonly location: string | null;
  readonly properties: readonly Property[];
}

/** `DROP DATABASE|SCHEMA [IF EXISTS] db [RESTRICT|CASCADE]`. */
export interface DropDatabaseStatement {
  readonly kind: 'dropDatabase';
  readonly pos: SourcePosition;
  readonly ifExists: boolean;
  readonly name: string;
  readonly cascade: boolean;
}

/** `USE db`. */
export interface UseStatement {
  readonly kind: 'use';
  readonly pos: SourcePosition;
  readonly database: string;
}

/** The ALTER TABLE forms the parser understands. */
export type AlterTableAction =
  | {
      readonly kind: 'addPartitions';
      readonly pos: SourcePosition;
      readonly ifNotExists: boolean;
      readonly partitions: readonly { readonly spec: PartitionSpec; readonly location: string | null }[];
    }
  | {
      readonly kind: 'dropPartitions';
      readonly pos: SourcePosition;
      readonly ifExists: boolean;
      readonly partitions: readonly PartitionSpec[];
      readonly purge: boolean;
    }
  | { readonly kind: 'renameTo'; readonly pos: SourcePosition; readonly newName: TableName }
  | {
      readonly kind: 'addColumns';
      readonly pos: SourcePosition;
      readonly replace: boolean;
      readonly columns: readonly ColumnDef[];
    }
  | {
      readonly kind: 'setTblProperties';
      readonly pos: SourcePosition;
      readonly properties: readonly Property[];
    }
  | { readonly kind: 'setLocation'; readonly pos: SourcePosition; readonly location: string }
  | {
      readonly kind: 'updateColumnStatistics';
      readonly pos: SourcePosition;
      readonly column: string;
      readonly properties: readonly Property[];
    };

/** `ALTER TABLE t [PARTITION (…)] action`. */
export interface AlterTableStatement {
  readonly kind: 'alterTable';
  readonly pos: SourcePosition;
  readonly name: TableName;
  readonly partition: PartitionSpec | null;
  readonly action: AlterTableAction;
}

/** `LOAD DATA [LOCAL] INPATH 'path' [OVERWRITE] INTO TABLE t [PARTITION (…)]`. */
export interface LoadDataStatement {
  readonly kind: 'loadData';
  readonly pos: SourcePosition;
  readonly local: boolean;
  readonly path: string;
  readonly overwrite: boolean;
  readonly table: TableName;
  readonly partition: PartitionSpec | null;
}

/** `EXPLAIN [EXTENDED|FORMATTED|DEPENDENCY|AUTHORIZATION|LOGICAL|CBO|AST|ANALYZE|VECTORIZATION [ONLY] [SUMMARY|OPERATOR|EXPRESSION|DETAIL]] stmt`. */
export interface ExplainStatement {
  readonly kind: 'explain';
  readonly pos: SourcePosition;
  /** The option words, lower-cased, in the order written. */
  readonly options: readonly string[];
  readonly statement: Statement;
}

/**
 * `DESCRIBE [EXTENDED|FORMATTED] [db.]t [PARTITION (…)] [col[.field…]]` (also `DESC`). Hive's older dotted form
 * `DESCRIBE t.col` parses as database `t`, table `col`; the binder re-reads it when no such database exists.
 */
export interface DescribeTableStatement {
  readonly kind: 'describeTable';
  readonly pos: SourcePosition;
  readonly detail: 'extended' | 'formatted' | null;
  readonly table: TableName;
  readonly partition: PartitionSpec | null;
  readonly column: readonly string[] | null;
}

/** `DESCRIBE FUNCTION [EXTENDED] name`. */
export interface DescribeFunctionStatement {
  readonly kind: 'describeFunction';
  readonly pos: SourcePosition;
  readonly extended: boolean;
  readonly name: string;
}

/** `DESCRIBE DATABASE [EXTENDED] db`. */
export interface DescribeDatabaseStatement {
  readonly kind: 'describeDatabase';
  readonly pos: SourcePosition;
  readonly extended: boolean;
  readonly name: string;
}

/** `SHOW TABLES [IN|FROM db] [[LIKE] 'pattern']`. */
export interface ShowTablesStatement {
  readonly kind: 'showTables';
  readonly pos: SourcePosition;
  readonly database: string | null;
  readonly pattern: string | null;
}

/** `SHOW DATABASES|SCHEMAS [LIKE 'pattern']`. */
export interface ShowDatabasesStatement {
  readonly kind: 'showDatabases';
  readonly pos: SourcePosition;
  readonly pattern: string | null;
}

/** `SHOW PARTITIONS t [PARTITION (…)]`. */
export interface ShowPartitionsStatement {
  readonly kind: 'showPartitions';
  readonly pos: SourcePosition;
  readonly table: TableName;
  readonly partition: PartitionSpec | null;
}

/** `SHOW FUNCTIONS [[LIKE] 'pattern']`. */
export interface ShowFunctionsStatement {
  readonly kind: 'showFunctions';
  readonly pos: SourcePosition;
  readonly pattern: string | null;
}

/** `SHOW CREATE TABLE t`. */
export interface ShowCreateTableStatement {
  readonly kind: 'showCreateTable';
  readonly pos: SourcePosition;
  readonly table: TableName;
}

/** `SHOW COLUMNS (IN|FROM) t [(IN|FROM) db]`. */
export interface ShowColumnsStatement {
  readonly kind: 'showColumns';
  readonly pos: SourcePosition;
  readonly table: TableName;
}

/** A resource of `CREATE FUNCTION … USING JAR|FILE|ARCHIVE 'uri'`. */
export interface FunctionResource {
  readonly pos: SourcePosition;
  readonly type: 'jar' | 'file' | 'archive';
  readonly uri: string;
}

/** `CREATE [TEMPORARY] FUNCTION [db.]name AS 'class' [USING JAR 'uri', …]`. */
export interface CreateFunctionStatement {
  readonly kind: 'createFunction';
  readonly pos: SourcePosition;
  readonly temporary: boolean;
  readonly name: readonly string[];
  readonly className: string;
  readonly resources: readonly FunctionResource[];
}

/** `DROP [TEMPORARY] FUNCTION [IF EXISTS] [db.]name`. */
export interface DropFunctionStatement {
  readonly kind: 'dropFunction';
  readonly pos: SourcePosition;
  readonly temporary: boolean;
  readonly ifExists: boolean;
  readonly name: readonly string[];
}

/** `RELOAD FUNCTIONS` (also `RELOAD FUNCTION`). */
export interface ReloadFunctionsStatement {
  readonly kind: 'reloadFunctions';
  readonly pos: SourcePosition;
}

/** `ANALYZE TABLE t [PARTITION (…)] COMPUTE STATISTICS [NOSCAN] [FOR COLUMNS [c, …]]`. */
export interface AnalyzeTableStatement {
  readonly kind: 'analyzeTable';
  readonly pos: SourcePosition;
  readonly table: TableName;
  readonly partition: PartitionSpec | null;
  readonly noScan: boolean;
  /** null: no FOR COLUMNS; empty: FOR COLUMNS (all columns); else the listed columns. */
  readonly columns: readonly string[] | null;
}

/** Any statement {@link parseStatement} returns. */
export type Statement =
  | QueryStatement
  | InsertStatement
  | CreateTableStatement
  | DropTableStatement
  | TruncateTableStatement
  | CreateDatabaseStatement
  | DropDatabaseStatement
  | UseStatement
  | AlterTableStatement
  | LoadDataStatement
  | ExplainStatement
  | DescribeTableStatement
  | DescribeFunctionStatement
  | DescribeDatabaseStatement
  | ShowTablesStatement
  | ShowDatabasesStatement
  | ShowPartitionsStatement
  | ShowFunctionsStatement
  | ShowCreateTableStatement
  | ShowColumnsStatement
  | CreateFunctionStatement
  | DropFunctionStatement
  | ReloadFunctionsStatement
  | AnalyzeTableStatement;
