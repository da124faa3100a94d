// Public surface of @hive-batch/runtime. Every export is listed by name.

export type { ResultColumn, StatementResult, SessionOptions } from './session';
export { Session, formatResultLines } from './session';
export type { ScanProgress } from './storage/text-table';
export type { BoundExpr, PlanColumn, PlanNode, BoundAggregate, SortKey } from './binder/plan';
export { formatPlan } from './binder/plan';
export type { BinderEnv, BoundQuery } from './binder/query';
export { QueryBinder } from './binder/query';
