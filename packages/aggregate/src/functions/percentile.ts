import { HiveTypes, arrayType, isIntegralType, isNumericType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { AggregateFunctionDefinition } from '../contract';
import { exactPercentileEvaluator } from '../internal/histogram/exact-percentile-evaluator';
import { checkPercentiles } from '../internal/histogram/exact-counts';
import { argumentError, hiveTypeName, rejectStar, toDouble } from '../internal/udaf-support';

function isDoubleConvertible(t: DataType): boolean {
  return isNumericType(t) || t.kind === 'void';
}

/**
 * `percentile(expr, pc)`: Hive 3's exact percentile (old-style UDAFPercentile). `expr` must convert implicitly to
 * bigint (tinyint..bigint; floating point and decimal values are rejected like Hive's method resolution does);
 * `pc` is a double in [0, 1] or an array of them, read from the first row. Result `double` or `array<double>`,
 * NULL when the group has no non-NULL value.
 */
export const percentile: AggregateFunctionDefinition = {
  name: 'percentile',
  aliases: [],
  description:
    'percentile(expr, pc) - Returns the percentile(s) of expr at pc (range: [0,1]).pc can be a double or double array',
  resolve(call) {
    rejectStar(call);
    const types = call.argumentTypes;
    const valueType = types[0];
    const pcType = types[1];
    const signature = types.map(hiveTypeName).join(', ');
    const noMatch = (): Error =>
      argumentError(
        `No matching method for class org.apache.hadoop.hive.ql.udf.UDAFPercentile with (${signature}). Possible choices: _FUNC_(bigint, array<double>)  _FUNC_(bigint, double)  `,
      );
    if (types.length !== 2 || valueType == null || pcType == null) throw noMatch();
    if (!isIntegralType(valueType) && valueType.kind !== 'void') throw noMatch();
    const multiple = pcType.kind === 'array';
    if (multiple ? !isDoubleConvertible(pcType.element) : !isDoubleConvertible(pcType)) throw noMatch();
    const constant = call.constantArguments[1];
    if (constant != null) {
      const ps = multiple
        ? (constant as unknown[]).map((x) => toDouble(x) ?? Number.NaN)
        : [toDouble(constant) ?? 0];
      checkPercentiles(ps);
    }
    return exactPercentileEvaluator({
      keyType: HiveTypes.bigint,
      percentileType: multiple ? arrayType(HiveTypes.double) : HiveTypes.double,
      extraTypes: [],
      kind: 'cont',
      ascending: true,
    });
  },
};
