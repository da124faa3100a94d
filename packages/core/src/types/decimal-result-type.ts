import { HiveBatchError } from '../errors/hive-batch-error';
import type { DataType, DecimalType } from './data-type';
import { decimalType } from './data-type';
import { formatDataType } from './format-data-type';
import { precisionScaleForType } from './common-type';

/** Binary decimal arithmetic operators. */
export type DecimalOperator = '+' | '-' | '*' | '/' | '%';

// GenericUDFBaseNumeric.MINIMUM_ADJUSTED_SCALE.
const MINIMUM_ADJUSTED_SCALE = 6;
const MAX_PRECISION = 38;

/**
 * Caps a derived decimal type at precision 38 the way Hive does (`GenericUDFBaseNumeric.adjustPrecScale`,
 * HIVE-15331, the SQL Server rule): unchanged when precision ≤ 38; otherwise keep the integer digits and give
 * up fractional digits, but keep at least min(scale, 6) of them: scale = max(38 − (p − s), min(s, 6)), p = 38.
 *
 * @example
 * ```ts
 * adjustPrecisionScale(77, 36); // decimal(38,6)
 * ```
 */
export function adjustPrecisionScale(precision: number, scale: number): DecimalType {
  if (precision <= MAX_PRECISION) return decimalType(precision, scale);
  const intDigits = precision - scale;
  const minScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
  return decimalType(MAX_PRECISION, Math.max(MAX_PRECISION - intDigits, minScale));
}

/**
 * The decimal type an integral type takes part in decimal arithmetic as (`HiveDecimalUtils.getPrecisionForType`):
 * tinyint → decimal(3,0), smallint → decimal(5,0), int → decimal(10,0), bigint → decimal(19,0); a decimal stays.
 *
 * @throws {HiveBatchError} code `TYPE_MISMATCH` for any other type
 */
export function decimalTypeOf(t: DataType): DecimalType {
  switch (t.kind) {
    case 'decimal':
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint': {
      const [p, s] = precisionScaleForType(t);
      return decimalType(p, s);
    }
    default:
      throw new HiveBatchError('TYPE_MISMATCH', `Type ${formatDataType(t)} has no decimal arithmetic type`);
  }
}

/**
 * Result type of `a op b` when the operation is done in decimal (at least one side decimal, the other decimal or
 * integral), per Hive 3.1.3's `deriveResultDecimalTypeInfo`:
 *
 * | op | precision (before the 38 cap) | scale |
 * |---|---|---|
 * | `+` `-` (GenericUDFOPPlus/Minus) | max(p1−s1, p2−s2) + max(s1,s2) + 1 | max(s1, s2) |
 * | `*` (GenericUDFOPMultiply) | p1 + p2 + 1 | s1 + s2 |
 * | `/` (GenericUDFOPDivide) | p1 − s1 + s2 + max(6, s1+p2+1) | max(6, s1 + p2 + 1) |
 * | `%` (GenericUDFOPMod) | min(38, max(p1−s1, p2−s2) + max(s1,s2)) | max(s1, s2) |
 *
 * `+ - * /` are then capped with {@link adjustPrecisionScale}; `%` is only clamped to 38 (Hive's mod does not
 * call `adjustPrecScale`).
 *
 * @example
 * ```ts
 * decimalArithmeticResultType('+', decimalType(10, 2), decimalType(12, 4)); // decimal(13,4)
 * ```
 * @throws {HiveBatchError} code `TYPE_MISMATCH` when an operand is neither decimal nor integral
 */
export function decimalArithmeticResultType(op: DecimalOperator, a: DataType, b: DataType): DecimalType {
  const { precision: p1, scale: s1 } = decimalTypeOf(a);
  const { precision: p2, scale: s2 } = decimalTypeOf(b);
  switch (op) {
    case '+':
    case '-': {
      const scale = Math.max(s1, s2);
      return adjustPrecisionScale(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
    }
    case '*':
      return adjustPrecisionScale(p1 + p2 + 1, s1 + s2);
    case '/': {
      const scale = Math.max(MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
      return adjustPrecisionScale(p1 - s1 + s2 + scale, scale);
    }
    case '%': {
      const scale = Math.max(s1, s2);
      return decimalType(Math.min(MAX_PRECISION, Math.max(p1 - s1, p2 - s2) + scale), scale);
    }
    default:
      throw new HiveBatchError('INVALID_ARGUMENT', `Unknown decimal operator ${String(op)}`);
  }
}

/**
 * Result type of `sum` over decimal(p,s): decimal(min(38, p+10), s) (`GenericUDAFSum.GenericUDAFSumHiveDecimal`,
 * `HiveTypeSystemImpl.deriveSumType`). Integral inputs are treated as their decimal type.
 */
export function sumResultType(t: DataType): DecimalType {
  const { precision, scale } = decimalTypeOf(t);
  return decimalType(Math.min(MAX_PRECISION, precision + 10), scale);
}

/**
 * Result type of `avg` over decimal(p,s) (`GenericUDAFAverage.GenericUDAFAverageEvaluatorDecimal`): with
 * ip = p − s, s' = min(s + 4, 38 − ip), the result is decimal(ip + s', s'). So decimal(10,2) → decimal(14,6),
 * decimal(20,10) → decimal(24,14), decimal(38,18) → decimal(38,18). (Not decimal(min(38,p+4), min(38,s+4)):
 * Hive keeps the integer digits and gives up scale.)
 */
export function avgResultType(t: DataType): DecimalType {
  const { precision, scale } = decimalTypeOf(t);
  const intPart = precision - scale;
  const s = Math.min(scale + 4, MAX_PRECISION - intPart);
  return decimalType(intPart + s, s);
}
