import { HiveDecimal, HiveTypes, enforceDecimalType, isNumericType } from '@hive-batch/core';
import type { DataType, DecimalType, HiveDecimalValue } from '@hive-batch/core';

/** Java narrowing of an integer result to the type's width (two's complement wrap). */
export function wrapInt(kind: DataType['kind'], v: number): number {
  switch (kind) {
    case 'tinyint':
      return (v << 24) >> 24;
    case 'smallint':
      return (v << 16) >> 16;
    default:
      return v | 0;
  }
}

/** Java `long` wrap. */
export function wrapLong(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

/** Number of digits before the decimal point (0 for |d| < 1). */
function integerDigits(d: HiveDecimalValue): number {
  const a = d.abs();
  if (a.lt(1)) return 0;
  return a.trunc().toFixed(0).length;
}

/**
 * Stores an exact decimal result into `type` the way Hive's HiveDecimal does: first to at most 38 significant
 * digits (HALF_UP, giving up fraction digits), then HALF_UP to the type's scale; `null` on overflow.
 */
export function toDecimalResult(d: HiveDecimalValue, type: DecimalType): HiveDecimalValue | null {
  if (!d.isFinite()) return null;
  const intDigits = integerDigits(d);
  if (intDigits > 38) return null;
  const fitted = d.toDecimalPlaces(Math.min(38, 38 - intDigits), HiveDecimal.ROUND_HALF_UP);
  return enforceDecimalType(fitted, type.precision, type.scale);
}

/** True for types arithmetic accepts: numeric, the string group (as double) and void. */
export function isArithmeticOperand(t: DataType): boolean {
  return (
    isNumericType(t) || t.kind === 'string' || t.kind === 'varchar' || t.kind === 'char' || t.kind === 'void'
  );
}

/** The type an operand converts to for double arithmetic. */
export const DOUBLE: DataType = HiveTypes.double;
