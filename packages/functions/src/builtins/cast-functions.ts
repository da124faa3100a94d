import {
  HIVE_DECIMAL_DEFAULT_PRECISION,
  HIVE_DECIMAL_DEFAULT_SCALE,
  HiveTypes,
  castValue,
  decimalType,
} from '@hive-batch/core';
import type { DataType, HiveValue } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import { argType, checkArity, defineScalar, makeEvaluator } from './internal/define';

function castTo(target: DataType): (call: ScalarCallInfo) => ScalarEvaluator {
  return (call) => {
    checkArity(call, target.kind, [1, 1]);
    const from = argType(call, 0);
    return makeEvaluator({ inputTypes: [from], resultType: target }, (args) =>
      castValue((args[0] ?? null) as HiveValue, from, target),
    );
  };
}

const TARGETS: readonly (readonly [string, DataType, string])[] = [
  ['boolean', HiveTypes.boolean, 'UDFToBoolean'],
  ['tinyint', HiveTypes.tinyint, 'UDFToByte'],
  ['smallint', HiveTypes.smallint, 'UDFToShort'],
  ['int', HiveTypes.int, 'UDFToInteger'],
  ['bigint', HiveTypes.bigint, 'UDFToLong'],
  ['float', HiveTypes.float, 'UDFToFloat'],
  ['double', HiveTypes.double, 'UDFToDouble'],
  ['string', HiveTypes.string, 'UDFToString'],
  ['date', HiveTypes.date, 'GenericUDFToDate'],
  ['timestamp', HiveTypes.timestamp, 'GenericUDFTimestamp'],
  ['binary', HiveTypes.binary, 'GenericUDFToBinary'],
  ['decimal', decimalType(HIVE_DECIMAL_DEFAULT_PRECISION, HIVE_DECIMAL_DEFAULT_SCALE), 'GenericUDFToDecimal'],
];

/**
 * The cast functions Hive registers under type names (`int(x)` is `CAST(x AS INT)`, UDFToInteger …), with core's
 * `castValue` semantics. `decimal` is decimal(10,0); parameterized varchar/char casts go through `castValue`
 * directly.
 */
export function castFunctions(): readonly ScalarFunctionDefinition[] {
  return TARGETS.map(([name, target, udf]) =>
    defineScalar({
      name,
      description: `There is no documentation for function '${name}'`,
      extendedDescription: `Function class:org.apache.hadoop.hive.ql.udf.${udf.startsWith('Generic') ? 'generic.' : ''}${udf}`,
      resolve: castTo(target),
    }),
  );
}
