import { InternalError, isNumericType, isStringGroupType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import { hiveTypeName, invalidArguments } from './hive-convert';
import { requirePrimitive } from './evaluator-kit';

/**
 * sum/avg/variance argument check: primitive, and numeric, string-group or timestamp, else "Only numeric or
 * string type arguments are accepted but X is passed." (an untyped NULL literal, `void`, is rejected too: the
 * resolvers' type switches have no VOID case).
 */
export function checkSumArgument(t: DataType | undefined): DataType {
  if (t == null) throw new InternalError('missing argument type');
  requirePrimitive(t);
  if (isNumericType(t) || isStringGroupType(t) || t.kind === 'timestamp') return t;
  throw invalidArguments(
    `Only numeric or string type arguments are accepted but ${hiveTypeName(t)} is passed.`,
  );
}

/**
 * covar/corr/regr argument check: tinyint..bigint, float, double, timestamp, decimal (no strings).
 * `message` is the function's own wording.
 */
export function checkPairArgument(t: DataType | undefined, message: string): DataType {
  if (t == null) throw new InternalError('missing argument type');
  requirePrimitive(t);
  if (isNumericType(t) || t.kind === 'timestamp') return t;
  throw invalidArguments(`${message} but ${hiveTypeName(t)} is passed.`);
}
