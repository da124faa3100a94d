import { HiveBatchError, formatDataType } from '@hive-batch/core';
import type { Column, DataType } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../../scalar-contract';
import { evaluateBatchByRows } from '../../scalar-contract';

/** What {@link defineScalar} needs; optional fields default to no aliases, no extended text, eager. */
export interface ScalarSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly description: string;
  readonly extendedDescription?: string;
  readonly lazy?: boolean;
  resolve(call: ScalarCallInfo): ScalarEvaluator;
}

/** Builds a definition with the optional fields filled in. */
export function defineScalar(spec: ScalarSpec): ScalarFunctionDefinition {
  const def: ScalarFunctionDefinition = {
    name: spec.name,
    aliases: spec.aliases ?? [],
    description: spec.description,
    extendedDescription: spec.extendedDescription ?? '',
    resolve: (call) => spec.resolve(call),
  };
  return spec.lazy === true ? { ...def, lazy: true } : def;
}

/** Options of {@link makeEvaluator}. */
export interface EvaluatorOptions {
  /** Defaults to `true`. */
  readonly deterministic?: boolean;
  readonly evaluateBatch?: (args: readonly Column[], numRows: number) => Column;
}

/** Evaluates a batch row by row through `evaluate` (for evaluators whose fast path does not apply). */
export function batchByRows(
  resultType: DataType,
  evaluate: (args: readonly unknown[]) => unknown,
): (args: readonly Column[], numRows: number) => Column {
  const ev: ScalarEvaluator = { inputTypes: [], resultType, deterministic: true, evaluate };
  return (args, numRows) => evaluateBatchByRows(ev, args, numRows);
}

/** A row evaluator with fixed types. */
export function makeEvaluator(
  types: { readonly inputTypes: readonly DataType[]; readonly resultType: DataType },
  evaluate: (args: readonly unknown[]) => unknown,
  options?: EvaluatorOptions,
): ScalarEvaluator {
  const ev: ScalarEvaluator = {
    inputTypes: types.inputTypes,
    resultType: types.resultType,
    deterministic: options?.deterministic ?? true,
    evaluate,
  };
  const batch = options?.evaluateBatch;
  return batch == null ? ev : { ...ev, evaluateBatch: batch };
}

/** `HiveBatchError('INVALID_FUNCTION_ARGUMENTS', …)`. */
export function argumentError(message: string): HiveBatchError {
  return new HiveBatchError('INVALID_FUNCTION_ARGUMENTS', message);
}

/** Throws unless the call has between `min` and `max` arguments (Hive's UDFArgumentLengthException wording). */
export function checkArity(
  call: ScalarCallInfo,
  name: string,
  range: readonly [min: number, max: number],
): void {
  const n = call.argumentTypes.length;
  const [min, max] = range;
  if (n >= min && n <= max) return;
  const upper = name.toUpperCase();
  if (min === max) throw argumentError(`The function ${upper} requires ${min} argument(s), got ${n}`);
  if (max === Infinity)
    throw argumentError(`The function ${upper} requires at least ${min} argument(s), got ${n}`);
  throw argumentError(`The function ${upper} requires ${min} to ${max} arguments, got ${n}`);
}

/** Hive's UDFArgumentTypeException wording: `Argument i of function F must be "x", but "y" was found.` */
export function typeError(
  name: string,
  index: number,
  mismatch: { readonly expected: string; readonly found: DataType },
): HiveBatchError {
  const { expected, found } = mismatch;
  return argumentError(
    `Argument ${index + 1} of function ${name.toUpperCase()} must be ${expected}, but "${formatDataType(found)}" was found.`,
  );
}

/** The i-th argument type; throws `INVALID_FUNCTION_ARGUMENTS` when absent (callers check arity first). */
export function argType(call: ScalarCallInfo, i: number): DataType {
  const t = call.argumentTypes[i];
  if (t == null) throw argumentError(`Missing argument ${i + 1}`);
  return t;
}
