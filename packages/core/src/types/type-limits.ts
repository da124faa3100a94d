/** Hive's type parameter limits (HiveChar.MAX_CHAR_LENGTH, HiveVarchar.MAX_VARCHAR_LENGTH, HiveDecimal.MAX_PRECISION). */
export const TYPE_LIMITS: {
  readonly maxVarcharLength: 65535;
  readonly maxCharLength: 255;
  readonly maxDecimalPrecision: 38;
} = Object.freeze({ maxVarcharLength: 65535, maxCharLength: 255, maxDecimalPrecision: 38 } as const);
