import { HiveTypes, arrayType, isIntegralType, isNumericType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { AggregateFunctionDefinition } from '../../contract';
import { argumentError, hiveTypeName, rejectStar, toDouble } from '../udaf-support';
import { checkPercentiles } from './exact-counts';
import { exactPercentileEvaluator } from './exact-percentile-evaluator';

function isNumericPc(t: DataType): boolean {
  return isNumericType(t);
}

/**
 * Hive 4's `percentile_cont` / `percentile_disc`. Call forms: `f(expr, pc)` and the WITHIN GROUP form, which the
 * SQL layer passes as `f(expr, pc, ascending)` with a constant boolean (or integer, non-zero = ASC) third argument
 * and an optional constant fourth argument for the NULLS FIRST/LAST clause (NULL values are skipped either way).
 */
export function orderedPercentileDefinition(options: {
  readonly name: string;
  readonly kind: 'cont' | 'disc';
  readonly description: string;
}): AggregateFunctionDefinition {
  const { name, kind, description } = options;
  return {
    name,
    aliases: [],
    description,
    resolve(call) {
      rejectStar(call);
      const types = call.argumentTypes;
      if (types.length < 2 || types.length > 4) {
        throw argumentError(`${name} requires 2 to 4 arguments (expr, pc [, ascending [, nullOrdering]]).`);
      }
      const valueType = types[0] as DataType;
      const pcType = types[1] as DataType;
      let keyType: DataType;
      if (isIntegralType(valueType) || valueType.kind === 'void') keyType = HiveTypes.bigint;
      else if (valueType.kind === 'float' || valueType.kind === 'double' || valueType.kind === 'decimal') {
        keyType = HiveTypes.double;
      } else {
        throw argumentError(`Only numeric arguments are accepted but ${hiveTypeName(valueType)} was passed.`);
      }
      const multiple = pcType.kind === 'array';
      if (multiple ? !isNumericPc(pcType.element) : !isNumericPc(pcType)) {
        throw argumentError(
          `Only a numeric or numeric array argument is accepted as parameter 2, but ${hiveTypeName(pcType)} was passed instead.`,
        );
      }
      const constant = call.constantArguments[1];
      if (constant != null) {
        checkPercentiles(
          multiple
            ? (constant as unknown[]).map((x) => toDouble(x) ?? Number.NaN)
            : [toDouble(constant) ?? 0],
        );
      }
      let ascending = true;
      if (types.length >= 3) {
        const order = call.constantArguments[2];
        if (order === undefined)
          throw argumentError(`The third argument of ${name} (the sort order) must be a constant.`);
        ascending = order == null ? true : typeof order === 'boolean' ? order : Number(order) !== 0;
      }
      return exactPercentileEvaluator({
        keyType,
        percentileType: multiple ? arrayType(HiveTypes.double) : HiveTypes.double,
        extraTypes: types.slice(2),
        kind,
        ascending,
      });
    },
  };
}
