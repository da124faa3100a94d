import {
  HiveTypes,
  commonNumericType,
  decimalArithmeticResultType,
  decimalTypeOf,
  formatDataType,
  isIntegralType,
} from '@hive-batch/core';
import type {
  Column,
  DataType,
  DecimalOperator,
  DecimalType,
  FixedColumn,
  HiveDecimalValue,
} from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import { combinedValidity, fixedColumn, maskValidity } from './internal/columns';
import {
  argType,
  argumentError,
  batchByRows,
  checkArity,
  defineScalar,
  makeEvaluator,
} from './internal/define';
import { isArithmeticOperand, toDecimalResult, wrapInt, wrapLong } from './internal/numeric-ops';

/** The binary arithmetic operators Hive registers by symbol, plus `pmod`. */
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%' | 'pmod';

type NumberOp = (a: number, b: number) => number | null;
type BigOp = (a: bigint, b: bigint) => bigint | null;
type DecOp = (a: HiveDecimalValue, b: HiveDecimalValue) => HiveDecimalValue | null;

interface OpImpl {
  readonly int: NumberOp; // before wrapping
  readonly long: BigOp; // before wrapping
  readonly double: NumberOp;
  readonly decimal: DecOp;
}

function javaRem(a: number, b: number): number | null {
  return b === 0 ? null : a % b;
}

// GenericUDFPosMod computes ((a % b) + b) % b literally, so the int form can overflow at `+ b` like Java.
function posModDouble(a: number, b: number): number | null {
  if (b === 0) return null;
  return ((a % b) + b) % b;
}

const IMPLS: Readonly<Record<ArithmeticOperator, OpImpl>> = {
  '+': {
    int: (a, b) => a + b,
    long: (a, b) => a + b,
    double: (a, b) => a + b,
    decimal: (a, b) => a.plus(b),
  },
  '-': {
    int: (a, b) => a - b,
    long: (a, b) => a - b,
    double: (a, b) => a - b,
    decimal: (a, b) => a.minus(b),
  },
  '*': {
    int: (a, b) => Math.imul(a, b),
    long: (a, b) => a * b,
    double: (a, b) => a * b,
    decimal: (a, b) => a.times(b),
  },
  '/': {
    // Non-decimal division is always done in double; integer forms are unused.
    int: (a, b) => (b === 0 ? null : a / b),
    long: (a, b) => (b === 0n ? null : a / b),
    double: (a, b) => (b === 0 ? null : a / b),
    decimal: (a, b) => (b.isZero() ? null : a.div(b)),
  },
  '%': {
    int: (a, b) => {
      const r = javaRem(a, b);
      return r == null ? null : r | 0; // -0 from JS becomes Java's 0
    },
    long: (a, b) => (b === 0n ? null : a % b),
    double: javaRem,
    decimal: (a, b) => (b.isZero() ? null : a.mod(b)),
  },
  pmod: {
    int: (a, b) => (b === 0 ? null : ((((a % b) + b) | 0) % b) | 0),
    long: (a, b) => (b === 0n ? null : BigInt.asIntN(64, (a % b) + b) % b),
    double: posModDouble,
    decimal: (a, b) => (b.isZero() ? null : a.mod(b).plus(b).mod(b)),
  },
};

const DESCRIPTIONS: Readonly<Record<ArithmeticOperator, readonly [string, string]>> = {
  '+': ['a + b - Returns a+b', ''],
  '-': ['a - b - Returns the difference a-b', ''],
  '*': ['a * b - Multiplies a by b', ''],
  '/': ['a / b - Divide a by b', 'Example:\n  > SELECT 3 / 2 FROM src LIMIT 1;\n  1.5'],
  '%': ['a % b - Returns the remainder when dividing a by b', ''],
  pmod: ['a pmod b - Compute the positive modulo', ''],
};

interface Typing {
  readonly inputTypes: readonly [DataType, DataType];
  readonly resultType: DataType;
}

function typing(op: ArithmeticOperator, a: DataType, b: DataType): Typing {
  const common = commonNumericType(a, b);
  if (common == null) {
    throw argumentError(
      `No matching function for ${op} with (${formatDataType(a)}, ${formatDataType(b)}): ` +
        'only numeric or string group data types are allowed',
    );
  }
  if (op === '/' && a.kind !== 'decimal' && b.kind !== 'decimal') {
    // GenericUDFOPDivide (backwards-compatible typing): non-decimal division returns double.
    return { inputTypes: [HiveTypes.double, HiveTypes.double], resultType: HiveTypes.double };
  }
  if (common.kind === 'decimal') {
    const da = decimalOperandType(a);
    const db = decimalOperandType(b);
    const decOp: DecimalOperator = op === 'pmod' ? '%' : op;
    return { inputTypes: [da, db], resultType: decimalArithmeticResultType(decOp, da, db) };
  }
  if (op === '/') return { inputTypes: [HiveTypes.double, HiveTypes.double], resultType: HiveTypes.double };
  return { inputTypes: [common, common], resultType: common };
}

// Void takes part as tinyint (decimal(3,0)); integral types as their decimal type.
function decimalOperandType(t: DataType): DecimalType {
  return decimalTypeOf(t.kind === 'void' ? HiveTypes.tinyint : t);
}

function rowFunction(op: ArithmeticOperator, t: Typing): (args: readonly unknown[]) => unknown {
  const impl = IMPLS[op];
  const kind = t.resultType.kind;
  if (t.resultType.kind === 'decimal') {
    const rt = t.resultType;
    return (args) => {
      const a = args[0] as HiveDecimalValue | null;
      const b = args[1] as HiveDecimalValue | null;
      if (a == null || b == null) return null;
      const r = impl.decimal(a, b);
      return r == null ? null : toDecimalResult(r, rt);
    };
  }
  if (kind === 'bigint') {
    return (args) => {
      const a = args[0] as bigint | null;
      const b = args[1] as bigint | null;
      if (a == null || b == null) return null;
      const r = impl.long(a, b);
      return r == null ? null : wrapLong(r);
    };
  }
  if (isIntegralType(t.resultType)) {
    return (args) => {
      const a = args[0] as number | null;
      const b = args[1] as number | null;
      if (a == null || b == null) return null;
      const r = impl.int(a, b);
      return r == null ? null : wrapInt(kind, r);
    };
  }
  const float = kind === 'float';
  return (args) => {
    const a = args[0] as number | null;
    const b = args[1] as number | null;
    if (a == null || b == null) return null;
    const r = impl.double(a, b);
    return r == null ? null : float ? Math.fround(r) : r;
  };
}

function newValues(kind: DataType['kind'], n: number): FixedColumn['values'] {
  switch (kind) {
    case 'tinyint':
      return new Int8Array(n);
    case 'smallint':
      return new Int16Array(n);
    case 'int':
      return new Int32Array(n);
    case 'bigint':
      return new BigInt64Array(n);
    case 'float':
      return new Float32Array(n);
    default:
      return new Float64Array(n);
  }
}

/**
 * Vectorized form for fixed-width numeric operands: one typed-array loop; rows where the operator yields NULL
 * (division by zero) are masked out of the validity. Decimal operands fall back to rows.
 */
function batchFunction(
  op: ArithmeticOperator,
  t: Typing,
  row: (args: readonly unknown[]) => unknown,
): ((args: readonly Column[], numRows: number) => Column) | undefined {
  const rt = t.resultType;
  if (rt.kind === 'decimal') return undefined;
  const impl = IMPLS[op];
  const byRows = batchByRows(rt, row);
  return (args, numRows) => {
    const a = args[0];
    const b = args[1];
    if (a == null || b == null || a.layout !== 'fixed' || b.layout !== 'fixed') {
      return byRows(args, numRows);
    }
    const validity = combinedValidity(args, numRows);
    const out = newValues(rt.kind, numRows);
    const nulls = new Uint8Array(numRows);
    let anyNull = false;
    if (out instanceof BigInt64Array) {
      const x = a.values as BigInt64Array;
      const y = b.values as BigInt64Array;
      for (let i = 0; i < numRows; i++) {
        const r = impl.long(x[i] ?? 0n, y[i] ?? 0n);
        if (r == null) {
          nulls[i] = 1;
          anyNull = true;
        } else out[i] = r; // the typed array wraps to 64 bits like Java
      }
    } else {
      const x = a.values as Exclude<FixedColumn['values'], BigInt64Array>;
      const y = b.values as Exclude<FixedColumn['values'], BigInt64Array>;
      const f = isIntegralType(rt) ? impl.int : impl.double;
      for (let i = 0; i < numRows; i++) {
        const r = f(x[i] ?? 0, y[i] ?? 0);
        if (r == null) {
          nulls[i] = 1;
          anyNull = true;
        } else out[i] = r; // Int8/16/32 and Float32 arrays narrow like Java
      }
    }
    return fixedColumn(rt, out, anyNull ? maskValidity(validity, nulls, numRows) : validity);
  };
}

/** Resolves `a op b` with Hive's operand and result types. */
export function resolveArithmetic(op: ArithmeticOperator, call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, op, [2, 2]);
  const a = argType(call, 0);
  const b = argType(call, 1);
  if (!isArithmeticOperand(a) || !isArithmeticOperand(b)) {
    throw argumentError(
      `No matching function for ${op} with (${formatDataType(a)}, ${formatDataType(b)}): ` +
        'only numeric or string group data types are allowed',
    );
  }
  const t = typing(op, a, b);
  const row = rowFunction(op, t);
  const batch = batchFunction(op, t, row);
  return makeEvaluator(t, row, batch == null ? undefined : { evaluateBatch: batch });
}

function unary(name: 'negative' | 'positive', call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, name, [1, 1]);
  const a = argType(call, 0);
  if (!isArithmeticOperand(a)) {
    throw argumentError(`No matching function for ${name} with (${formatDataType(a)})`);
  }
  // GenericUDFOPNegative/Positive: numeric types keep their type, strings and void become double.
  const t: DataType =
    a.kind === 'string' || a.kind === 'varchar' || a.kind === 'char' || a.kind === 'void'
      ? HiveTypes.double
      : a;
  const types = { inputTypes: [t], resultType: t };
  if (name === 'positive') return makeEvaluator(types, (args) => args[0] ?? null);
  const kind = t.kind;
  return makeEvaluator(types, (args) => {
    const v = args[0];
    if (v == null) return null;
    if (kind === 'decimal') return (v as HiveDecimalValue).neg().plus(0); // no negative zero
    if (kind === 'bigint') return wrapLong(-(v as bigint));
    if (isIntegralType(t)) return wrapInt(kind, -(v as number));
    return -(v as number);
  });
}

function integerDivide(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'div', [2, 2]);
  const a = argType(call, 0);
  const b = argType(call, 1);
  if (!isArithmeticOperand(a) || !isArithmeticOperand(b)) {
    throw argumentError(`No matching function for div with (${formatDataType(a)}, ${formatDataType(b)})`);
  }
  // UDFOPLongDivide: both sides as bigint, NULL for a zero divisor, Java long division (wraps on MIN / -1).
  return makeEvaluator(
    { inputTypes: [HiveTypes.bigint, HiveTypes.bigint], resultType: HiveTypes.bigint },
    (args) => {
      const x = args[0] as bigint | null;
      const y = args[1] as bigint | null;
      if (x == null || y == null || y === 0n) return null;
      return wrapLong(x / y);
    },
  );
}

/**
 * Hive's arithmetic operators: `+ - * / %` and `div`, unary `negative`/`positive` (`pmod` is with the math functions).
 * Integral types wrap like Java; `/` is double unless an operand is decimal; decimal results follow core's
 * result-type rules and overflow to NULL; a zero divisor gives NULL.
 */
export function arithmeticOperators(): readonly ScalarFunctionDefinition[] {
  const ops: readonly ArithmeticOperator[] = ['+', '-', '*', '/', '%'];
  return [
    ...ops.map((op) => {
      const [description, extendedDescription] = DESCRIPTIONS[op];
      return defineScalar({
        name: op,
        description,
        extendedDescription,
        resolve: (c) => resolveArithmetic(op, c),
      });
    }),
    defineScalar({
      name: 'div',
      description: 'a div b - Divide a by b rounded to the long integer',
      extendedDescription: 'Example:\n  > SELECT 3 div 2 FROM src LIMIT 1;\n  1',
      resolve: integerDivide,
    }),
    defineScalar({
      name: 'negative',
      description: 'negative a - Returns -a',
      resolve: (c) => unary('negative', c),
    }),
    defineScalar({
      name: 'positive',
      description: 'positive a - Returns a',
      resolve: (c) => unary('positive', c),
    }),
  ];
}
