import { InternalError } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import { hiveTypeName, invalidArguments } from './hive-convert';
import { requirePrimitive } from './evaluator-kit';

/**
 * sum/avg/variance argument check: primitive, and numeric, string-group or timestamp (void = NULL literal
 * resolves like double), else "Only numeric or string type arguments are accepted but X is passed."
 */
export function checkSumArgument(t: DataType | undefined): DataType {
  if (t == null) throw new InternalError('missing argument type');
  requirePrimitive(t);
  switch (t.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'float':
    case 'double':
    case 'decimal':
    case 'string':
    case 'varchar':
    case 'char':
    case 'timestamp':
      return t;
    case 'void':
      // An untyped NULL literal converts to any type; Hive's resolvers see it as void and pick the double path.
      return { kind: 'double' };
    default:
      throw invalidArguments(
        `Only numeric or string type arguments are accepted but ${hiveTypeName(t)} is passed.`,
      );
  }
}

/**
 * covar/corr/regr argument check: tinyint..bigint, float, double, timestamp, decimal (no strings).
 * `message` is the function's own wording.
 */
export function checkPairArgument(t: DataType | undefined, message: string): DataType {
  if (t == null) throw new InternalError('missing argument type');
  requirePrimitive(t);
  switch (t.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'float':
    case 'double':
    case 'decimal':
    case 'timestamp':
      return t;
    case 'void':
      return { kind: 'double' };
    default:
      throw invalidArguments(`${message} but ${hiveTypeName(t)} is passed.`);
  }
}
