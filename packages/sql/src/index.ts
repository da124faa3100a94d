// Public surface of @hive-batch/sql. Every export is listed by name.

export type {
  SourcePosition,
  TableName,
  NullLiteral,
  BooleanLiteral,
  StringLiteral,
  NumberSuffix,
  NumberLiteral,
  TypedLiteral,
  IntervalUnit,
  IntervalLiteral,
  ColumnRef,
  StarExpr,
  UnaryOperator,
  UnaryExpr,
  BinaryOperator,
  BinaryExpr,
  IsExpr,
  BetweenExpr,
  InListExpr,
  InSubqueryExpr,
  LikeExpr,
  ExistsExpr,
  ScalarSubqueryExpr,
  WhenClause,
  CaseExpr,
  CastExpr,
  FrameBound,
  WindowFrame,
  WindowSpec,
  FunctionCall,
  IndexExpr,
  FieldExpr,
  RowExpr,
  Expression,
  OrderItem,
  SelectItem,
  GroupBy,
  NamedWindow,
  TableSample,
  TableRef,
  SubqueryRef,
  JoinType,
  JoinRef,
  LateralViewRef,
  FromItem,
  SelectCore,
  SetOperation,
  QueryBody,
  CommonTableExpr,
  Query,
  ColumnDef,
  Property,
  PartitionSpecEntry,
  PartitionSpec,
  DelimitedRowFormat,
  SerdeRowFormat,
  RowFormat,
  StorageFormat,
  Bucketing,
  QueryStatement,
  InsertTableTarget,
  InsertDirectoryTarget,
  ValuesSource,
  InsertBranch,
  InsertStatement,
  CreateTableStatement,
  DropTableStatement,
  TruncateTableStatement,
  CreateDatabaseStatement,
  DropDatabaseStatement,
  UseStatement,
  AlterTableAction,
  AlterTableStatement,
  LoadDataStatement,
  ExplainStatement,
  DescribeTableStatement,
  DescribeFunctionStatement,
  DescribeDatabaseStatement,
  ShowTablesStatement,
  ShowDatabasesStatement,
  ShowPartitionsStatement,
  ShowFunctionsStatement,
  ShowCreateTableStatement,
  ShowColumnsStatement,
  FunctionResource,
  CreateFunctionStatement,
  DropFunctionStatement,
  ReloadFunctionsStatement,
  AnalyzeTableStatement,
  Statement,
} from './ast';

export type { ResourceType, CliCommand, ScriptStatement } from './split-statements';
export { splitStatements } from './split-statements';
export type { ParseOptions } from './parse-statement';
export { parseStatement } from './parse-statement';
export type { ScriptItem } from './parse-script';
export { parseScript } from './parse-script';
export { unescapeSqlString } from './unescape-sql-string';
export { formatStatement } from './format-statement';

// Binder and planner: names, Hive's types and implicit casts, aggregates, GROUP BY / HAVING / ORDER BY → a plan.
export type {
  BinderTable,
  BoundExpr,
  PlanColumn,
  BoundAggregate,
  BoundWindow,
  SortKey,
  PlanNode,
} from './planner/plan';
export { formatPlan } from './planner/plan';
export type { ExprScope, BoundScalarFunction, ScalarFunctionResolver } from './binder/bind-expression';
export { bindExpr, cast, literal, inputRef, scalarCall, astKey } from './binder/bind-expression';
export type { BinderEnv, BoundQuery } from './binder/query-binder';
export { QueryBinder } from './binder/query-binder';
export { compareValues, compareNonNull, valueKey, tupleKey } from './binder/compare-values';
export { castValueDeep } from './binder/cast-value-deep';
