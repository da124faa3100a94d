// Public surface of @hive-batch/functions. Every export is listed by name.

export type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from './scalar-contract';
export { evaluateBatchByRows } from './scalar-contract';

// Built-in scalar functions (Hive 3.1.3 semantics).
export { builtinScalarFunctions } from './builtins/index';
