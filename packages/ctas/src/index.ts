// Public surface of @hive-batch/ctas. Every export is listed by name.

export type { QueryColumn, DeriveCtasSchemaOptions } from './derive-ctas-schema';
export { deriveCtasSchema } from './derive-ctas-schema';
export type { CtasMode, CtasState, CtasOwner, CtasDescriptor } from './ctas-descriptor';
export type { CtasCommitOutcome } from './ctas-commit-hook';
export { CtasCommitHook } from './ctas-commit-hook';
export type { CtasFileSystem } from './ctas-file-system';
export { NODE_FILE_SYSTEM } from './ctas-file-system';
export type { CtasOptions, CtasResult, CtasWriteTarget, CtasJobResult } from './run-ctas';
export { runCtas } from './run-ctas';
export type { RecoverPendingCtasOptions, CtasRecoveryReport } from './recover-pending-ctas';
export { recoverPendingCtas } from './recover-pending-ctas';
export { getSuppressedErrors } from './suppressed-errors';
