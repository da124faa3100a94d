import {
  HiveBatchError,
  HiveTypes,
  castValue,
  commonTypeForComparison,
  type DataType,
  type Field,
  type HiveDecimalValue,
  type HiveValue,
} from '@hive-batch/core';

/** A literal in a partition predicate: `number` is INT when integral and in range, else DOUBLE. */
export type PartitionLiteral = string | number | bigint | boolean | null;

/** Comparison operators of a {@link PartitionPredicate}. */
export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';

/**
 * A predicate over partition columns, evaluated with SQL three-valued logic; a partition is kept only when
 * the result is TRUE. Literals are compared with Hive's comparison coercion (a STRING key against `5`
 * compares as DOUBLE, a DATE key against `'2024-01-01'` as DATE, …).
 */
export type PartitionPredicate =
  | { readonly op: ComparisonOperator; readonly column: string; readonly value: PartitionLiteral }
  | { readonly op: 'in'; readonly column: string; readonly values: readonly PartitionLiteral[] }
  | { readonly op: 'isNull' | 'isNotNull'; readonly column: string }
  | { readonly op: 'and' | 'or'; readonly args: readonly PartitionPredicate[] }
  | { readonly op: 'not'; readonly arg: PartitionPredicate };

function literalType(v: PartitionLiteral): DataType {
  if (typeof v === 'string') return HiveTypes.string;
  if (typeof v === 'bigint') return HiveTypes.bigint;
  if (typeof v === 'boolean') return HiveTypes.boolean;
  if (typeof v === 'number')
    return Number.isInteger(v) && Math.abs(v) <= 2147483647 ? HiveTypes.int : HiveTypes.double;
  return HiveTypes.void;
}

function compareValues(a: HiveValue, b: HiveValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return (a as HiveDecimalValue).cmp(b as HiveDecimalValue);
}

type Tri = boolean | null;

function compareOp(op: ComparisonOperator, c: number): boolean {
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/** A predicate bound to a table's partition keys, evaluated on raw (string) partition values. */
export interface BoundPartitionPredicate {
  /** Three-valued result for one partition's values in key order (`null` = Hive's default partition). */
  evaluate(values: readonly (string | null)[]): boolean | null;
}

/**
 * Binds `predicate` to `partitionKeys`: column names resolve case-insensitively, and each raw partition value
 * is converted from STRING to the key's type as Hive does (unparsable → NULL).
 *
 * @throws {HiveBatchError} `COLUMN_NOT_FOUND` when a column is not a partition key
 * @example
 * ```ts
 * const p = bindPartitionPredicate({ op: '>=', column: 'ds', value: '2024-01-02' }, [{ name: 'ds', type: HiveTypes.string }]);
 * p.evaluate(['2024-01-03']); // true
 * ```
 */
export function bindPartitionPredicate(
  predicate: PartitionPredicate,
  partitionKeys: readonly Field[],
): BoundPartitionPredicate {
  const indexOf = (column: string): number => {
    const i = partitionKeys.findIndex((k) => k.name.toLowerCase() === column.toLowerCase());
    if (i < 0) throw new HiveBatchError('COLUMN_NOT_FOUND', `${column} is not a partition column`);
    return i;
  };
  const typed = (values: readonly (string | null)[], i: number): HiveValue => {
    const raw = values[i];
    const key = partitionKeys[i];
    if (raw == null || key == null) return null;
    return castValue(raw, HiveTypes.string, key.type);
  };
  const compile = (p: PartitionPredicate): ((values: readonly (string | null)[]) => Tri) => {
    switch (p.op) {
      case 'and':
      case 'or': {
        const args = p.args.map(compile);
        const isAnd = p.op === 'and';
        return (values) => {
          let sawNull = false;
          for (const a of args) {
            const r = a(values);
            if (r == null) sawNull = true;
            else if (r !== isAnd) return r;
          }
          return sawNull ? null : isAnd;
        };
      }
      case 'not': {
        const arg = compile(p.arg);
        return (values) => {
          const r = arg(values);
          return r == null ? null : !r;
        };
      }
      case 'isNull':
      case 'isNotNull': {
        const i = indexOf(p.column);
        const wantNull = p.op === 'isNull';
        return (values) => (typed(values, i) == null) === wantNull;
      }
      case 'in': {
        const i = indexOf(p.column);
        const cmps = p.values.map((v) => comparator(i, v));
        return (values) => {
          let sawNull = false;
          for (const c of cmps) {
            const r = c(values);
            if (r == null) sawNull = true;
            else if (r === 0) return true;
          }
          return sawNull ? null : false;
        };
      }
      default: {
        const c = comparator(indexOf(p.column), p.value);
        const op = p.op;
        return (values) => {
          const r = c(values);
          return r == null ? null : compareOp(op, r);
        };
      }
    }
  };
  const comparator = (
    i: number,
    literal: PartitionLiteral,
  ): ((values: readonly (string | null)[]) => number | null) => {
    const key = partitionKeys[i];
    if (key == null || literal == null) return () => null;
    const litType = literalType(literal);
    // Hive falls back to DOUBLE when it finds no common type for two primitives.
    const common = commonTypeForComparison(key.type, litType) ?? HiveTypes.double;
    const lit = castValue(literal, litType, common);
    return (values) => {
      const v = typed(values, i);
      if (v == null || lit == null) return null;
      const cv = castValue(v, key.type, common);
      if (cv == null) return null;
      return compareValues(cv, lit);
    };
  };
  const fn = compile(predicate);
  return { evaluate: fn };
}
