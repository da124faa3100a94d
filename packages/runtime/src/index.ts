// Public surface of @hive-batch/runtime. Every export is listed by name.

export type { ResultColumn, StatementResult, SessionOptions } from './session';
export { Session, formatResultLines } from './session';
export type { ScanProgress } from './storage/text-table';
