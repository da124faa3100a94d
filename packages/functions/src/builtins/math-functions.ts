import { HiveDecimal, HiveTypes, decimalType, isIntegralType, isNumericType } from '@hive-batch/core';
import type { DataType, HiveDecimalValue } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import { resolveArithmetic } from './arithmetic-operators';
import {
  argType,
  argumentError,
  checkArity,
  defineScalar,
  makeEvaluator,
  typeError,
} from './internal/define';
import { toDecimalResult, wrapInt, wrapLong } from './internal/numeric-ops';

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function isStringish(t: DataType): boolean {
  return t.kind === 'string' || t.kind === 'varchar' || t.kind === 'char';
}

/** Numeric, string group (as double) or NULL; anything else is rejected with Hive's wording. */
function numericArg(name: string, call: ScalarCallInfo, i: number): DataType {
  const t = argType(call, i);
  if (isNumericType(t) || isStringish(t) || t.kind === 'void') return t;
  throw typeError(name, i, { expected: 'a numeric type', found: t });
}

/** Java `(long) d`: truncation toward zero, saturating, NaN → 0. */
export function doubleToLong(d: number): bigint {
  if (Number.isNaN(d)) return 0n;
  if (d >= 9.223372036854776e18) return LONG_MAX;
  if (d <= -9.223372036854776e18) return LONG_MIN;
  return BigInt(Math.trunc(d));
}

type RoundingMode = 'half_up' | 'half_even';

function decimalRounding(mode: RoundingMode): 0 | 4 | 6 {
  return mode === 'half_up' ? HiveDecimal.ROUND_HALF_UP : HiveDecimal.ROUND_HALF_EVEN;
}

/**
 * Hive's RoundUtils.round/bround on a double: `BigDecimal.valueOf(d)` (the shortest decimal that reads back as
 * d, i.e. `Double.toString`'s digits, not the binary expansion) rounded to `scale` places, back to double.
 */
export function roundDouble(d: number, scale: number, mode: RoundingMode): number {
  if (!Number.isFinite(d)) return d;
  const r = new HiveDecimal(d).toDecimalPlaces(scale, decimalRounding(mode));
  // BigDecimal has no negative zero: round(-0.4) is 0.0, not -0.0.
  return r.toNumber() + 0;
}

function roundDecimal(d: HiveDecimalValue, scale: number, mode: RoundingMode): HiveDecimalValue {
  return d.toDecimalPlaces(scale, decimalRounding(mode));
}

function roundLong(v: bigint, scale: number, mode: RoundingMode): bigint {
  if (scale >= 0) return v;
  return BigInt(roundDecimalSigned(new HiveDecimal(v.toString()), scale, mode).toFixed(0));
}

// toDecimalPlaces only takes non-negative places; negative scales round to 10^-scale.
function roundDecimalSigned(d: HiveDecimalValue, scale: number, mode: RoundingMode): HiveDecimalValue {
  if (scale >= 0) return roundDecimal(d, scale, mode);
  const unit = new HiveDecimal(10).pow(-scale);
  return d.div(unit).toDecimalPlaces(0, decimalRounding(mode)).times(unit);
}

function roundDoubleSigned(d: number, scale: number, mode: RoundingMode): number {
  if (scale >= 0) return roundDouble(d, scale, mode);
  if (!Number.isFinite(d)) return d;
  return roundDecimalSigned(new HiveDecimal(d), scale, mode).toNumber() + 0;
}

function resolveRound(mode: RoundingMode, call: ScalarCallInfo): ScalarEvaluator {
  const name = mode === 'half_up' ? 'round' : 'bround';
  checkArity(call, name, [1, 2]);
  const t = numericArg(name, call, 0);
  let scale = 0;
  let nullScale = false;
  if (call.argumentTypes.length === 2) {
    const st = argType(call, 1);
    const c = call.constantArguments[1];
    // A NULL scale (a NULL literal, or a typed NULL constant) makes every result NULL.
    nullScale = c !== undefined && c == null && (st.kind === 'void' || isIntegralType(st));
    if (!nullScale && (!isIntegralType(st) || c == null)) {
      throw argumentError(`${name.toUpperCase()} second argument only takes constant integer`);
    }
    scale = nullScale ? 0 : Number(c);
  }
  const ev = roundEvaluator(call, { type: t, scale, mode });
  // Typed as for scale 0, every row NULL.
  return nullScale ? makeEvaluator(ev, () => null) : ev;
}

function roundEvaluator(
  call: ScalarCallInfo,
  spec: { readonly type: DataType; readonly scale: number; readonly mode: RoundingMode },
): ScalarEvaluator {
  const { type: t, scale, mode } = spec;
  if (t.kind === 'decimal') {
    // The result keeps min(scale, d) fraction digits and gains an integer digit when rounding can carry.
    const intDigits = t.precision - t.scale;
    const newScale = scale < 0 ? 0 : Math.min(scale, t.scale);
    const newInt = scale < t.scale ? intDigits + 1 : intDigits;
    const rt = decimalType(Math.max(1, Math.min(38, newInt + newScale)), newScale);
    return makeEvaluator(
      { inputTypes: call.argumentTypes.length === 2 ? [t, argType(call, 1)] : [t], resultType: rt },
      (args) => {
        const v = args[0] as HiveDecimalValue | null;
        if (v == null) return null;
        return toDecimalResult(roundDecimalSigned(v, scale, mode), rt);
      },
    );
  }
  const inType = t.kind === 'void' || isStringish(t) ? HiveTypes.double : t;
  const inputTypes = call.argumentTypes.length === 2 ? [inType, argType(call, 1)] : [inType];
  const kind = inType.kind;
  return makeEvaluator({ inputTypes, resultType: inType }, (args) => {
    const v = args[0];
    if (v == null) return null;
    if (kind === 'bigint') return wrapLong(roundLong(v as bigint, scale, mode));
    if (isIntegralType(inType)) return wrapInt(kind, Number(roundLong(BigInt(v as number), scale, mode)));
    const r = roundDoubleSigned(v as number, scale, mode);
    return kind === 'float' ? Math.fround(r) : r;
  });
}

function resolveFloorCeil(ceil: boolean, call: ScalarCallInfo): ScalarEvaluator {
  const name = ceil ? 'ceil' : 'floor';
  checkArity(call, name, [1, 1]);
  const t = numericArg(name, call, 0);
  if (t.kind === 'decimal') {
    const rt = decimalType(Math.max(1, Math.min(38, t.precision - t.scale + 1)), 0);
    return makeEvaluator({ inputTypes: [t], resultType: rt }, (args) => {
      const v = args[0] as HiveDecimalValue | null;
      if (v == null) return null;
      return toDecimalResult(ceil ? v.ceil() : v.floor(), rt);
    });
  }
  if (isIntegralType(t)) {
    return makeEvaluator(
      { inputTypes: [HiveTypes.bigint], resultType: HiveTypes.bigint },
      (args) => args[0] ?? null,
    );
  }
  return makeEvaluator({ inputTypes: [HiveTypes.double], resultType: HiveTypes.bigint }, (args) => {
    const v = args[0] as number | null;
    if (v == null) return null;
    return doubleToLong(ceil ? Math.ceil(v) : Math.floor(v));
  });
}

// GenericUDFAbs: tinyint/smallint/int → int, bigint → bigint (both wrap at MIN), decimal keeps its type,
// everything else double.
function resolveAbs(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'abs', [1, 1]);
  const t = numericArg('abs', call, 0);
  if (t.kind === 'decimal') {
    return makeEvaluator(
      { inputTypes: [t], resultType: t },
      (args) => (args[0] as HiveDecimalValue | null)?.abs() ?? null,
    );
  }
  if (t.kind === 'bigint') {
    return makeEvaluator({ inputTypes: [t], resultType: t }, (args) => {
      const v = args[0] as bigint | null;
      return v == null ? null : wrapLong(v < 0n ? -v : v);
    });
  }
  if (isIntegralType(t)) {
    return makeEvaluator({ inputTypes: [HiveTypes.int], resultType: HiveTypes.int }, (args) => {
      const v = args[0] as number | null;
      return v == null ? null : Math.abs(v) | 0;
    });
  }
  return makeEvaluator({ inputTypes: [HiveTypes.double], resultType: HiveTypes.double }, (args) => {
    const v = args[0] as number | null;
    return v == null ? null : Math.abs(v);
  });
}

// UDFSign: decimal → int (signum), anything else → double.
function resolveSign(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'sign', [1, 1]);
  const t = numericArg('sign', call, 0);
  if (t.kind === 'decimal') {
    return makeEvaluator({ inputTypes: [t], resultType: HiveTypes.int }, (args) => {
      const v = args[0] as HiveDecimalValue | null;
      return v == null ? null : v.isZero() ? 0 : v.isNegative() ? -1 : 1;
    });
  }
  return makeEvaluator({ inputTypes: [HiveTypes.double], resultType: HiveTypes.double }, (args) => {
    const v = args[0] as number | null;
    if (v == null) return null;
    return v === 0 ? 0 : v > 0 ? 1 : v < 0 ? -1 : v;
  });
}

/** A double → double function; `fn` returns null where Hive returns NULL. */
function doubleFunction(
  name: string,
  arity: number,
  fn: (...xs: number[]) => number | null,
): (call: ScalarCallInfo) => ScalarEvaluator {
  return (call) => {
    checkArity(call, name, [arity, arity]);
    const inputTypes = call.argumentTypes.map((_, i) => {
      numericArg(name, call, i);
      return HiveTypes.double;
    });
    return makeEvaluator({ inputTypes, resultType: HiveTypes.double }, (args) => {
      for (const a of args) if (a == null) return null;
      return fn(...(args as number[]));
    });
  };
}

const LN2 = Math.log(2.0);

function resolveLog(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'log', [1, 2]);
  if (call.argumentTypes.length === 1)
    return doubleFunction('log', 1, (x) => (x <= 0 ? null : Math.log(x)))(call);
  // UDFLog.log(base, x): NULL unless both are positive.
  return doubleFunction('log', 2, (b, x) => (b <= 0 || x <= 0 ? null : Math.log(x) / Math.log(b)))(call);
}

function constant(name: string, value: number): (call: ScalarCallInfo) => ScalarEvaluator {
  return (call) => {
    checkArity(call, name, [0, 0]);
    return makeEvaluator({ inputTypes: [], resultType: HiveTypes.double }, () => value);
  };
}

/**
 * Math functions: round and bround (HALF_UP / HALF_EVEN on the double's shortest decimal form, exact on
 * decimals), floor, ceil/ceiling, abs, sign, power/pow, sqrt, exp, ln, log, log10, log2, pmod, pi, e.
 * Transcendental functions use the JavaScript Math library, which may differ from Java's in the last bit.
 */
export function mathFunctions(): readonly ScalarFunctionDefinition[] {
  return [
    defineScalar({
      name: 'round',
      description: 'round(x[, d]) - round x to d decimal places',
      extendedDescription: "Example:\n  > SELECT round(12.3456, 1) FROM src LIMIT 1;\n  12.3'",
      resolve: (c) => resolveRound('half_up', c),
    }),
    defineScalar({
      name: 'bround',
      description: 'bround(x[, d]) - round x to d decimal places using HALF_EVEN rounding mode.',
      extendedDescription:
        "Banker's rounding. The value is rounded to the nearest even number. Also known as Gaussian rounding.\nExample:\n  > SELECT bround(12.25, 1);\n  12.2",
      resolve: (c) => resolveRound('half_even', c),
    }),
    defineScalar({
      name: 'floor',
      description: 'floor(x) - Find the largest integer not greater than x',
      extendedDescription:
        'Example:\n  > SELECT floor(-0.1) FROM src LIMIT 1;\n  -1\n  > SELECT floor(5) FROM src LIMIT 1;\n  5',
      resolve: (c) => resolveFloorCeil(false, c),
    }),
    defineScalar({
      name: 'ceil',
      aliases: ['ceiling'],
      description: 'ceil(x) - Find the smallest integer not smaller than x',
      extendedDescription:
        'Example:\n  > SELECT ceil(-0.1) FROM src LIMIT 1;\n  0\n  > SELECT ceil(5) FROM src LIMIT 1;\n  5',
      resolve: (c) => resolveFloorCeil(true, c),
    }),
    defineScalar({
      name: 'abs',
      description: 'abs(x) - returns the absolute value of x',
      extendedDescription:
        'Example:\n  > SELECT abs(0) FROM src LIMIT 1;\n  0\n  > SELECT abs(-5) FROM src LIMIT 1;\n  5',
      resolve: resolveAbs,
    }),
    defineScalar({
      name: 'sign',
      description: 'sign(x) - returns the sign of x )',
      extendedDescription: 'Example:\n   > SELECT sign(40) FROM src LIMIT 1;\n  1',
      resolve: resolveSign,
    }),
    defineScalar({
      name: 'power',
      aliases: ['pow'],
      description: 'power(x1, x2) - raise x1 to the power of x2',
      extendedDescription: 'Example:\n  > SELECT power(2, 3) FROM src LIMIT 1;\n  8',
      resolve: doubleFunction('power', 2, (x, y) => Math.pow(x, y)),
    }),
    defineScalar({
      name: 'sqrt',
      description: 'sqrt(x) - returns the square root of x',
      extendedDescription: 'Example:\n   > SELECT sqrt(4) FROM src LIMIT 1;\n  2',
      resolve: doubleFunction('sqrt', 1, (x) => (x < 0 ? null : Math.sqrt(x))),
    }),
    defineScalar({
      name: 'exp',
      description: 'exp(x) - Returns e to the power of x',
      extendedDescription: 'Example:\n   > SELECT exp(0) FROM src LIMIT 1;\n  1',
      resolve: doubleFunction('exp', 1, (x) => Math.exp(x)),
    }),
    defineScalar({
      name: 'ln',
      description: 'ln(x) - Returns the natural logarithm of x',
      extendedDescription: 'Example:\n  > SELECT ln(1) FROM src LIMIT 1;\n  0',
      resolve: doubleFunction('ln', 1, (x) => (x <= 0 ? null : Math.log(x))),
    }),
    defineScalar({
      name: 'log',
      description: 'log([b], x) - Returns the logarithm of x with base b',
      extendedDescription: 'Example:\n  > SELECT log(13, 13) FROM src LIMIT 1;\n  1',
      resolve: resolveLog,
    }),
    defineScalar({
      name: 'log10',
      description: 'log10(x) - Returns the logarithm of x with base 10',
      extendedDescription: 'Example:\n  > SELECT log10(10) FROM src LIMIT 1;\n  1',
      resolve: doubleFunction('log10', 1, (x) => (x <= 0 ? null : Math.log10(x))),
    }),
    defineScalar({
      name: 'log2',
      description: 'log2(x) - Returns the logarithm of x with base 2',
      extendedDescription: 'Example:\n  > SELECT log2(2) FROM src LIMIT 1;\n  1',
      // UDFLog2 divides by ln 2 rather than calling a base-2 logarithm.
      resolve: doubleFunction('log2', 1, (x) => (x <= 0 ? null : Math.log(x) / LN2)),
    }),
    defineScalar({
      name: 'pmod',
      description: 'a pmod b - Compute the positive modulo',
      resolve: (c) => resolveArithmetic('pmod', c),
    }),
    defineScalar({
      name: 'pi',
      description: 'pi() - returns pi',
      extendedDescription: 'Example:\n   > SELECT pi() FROM src LIMIT 1;\n  3.14159...',
      resolve: constant('pi', Math.PI),
    }),
    defineScalar({
      name: 'e',
      description: 'e() - returns E',
      extendedDescription: 'Example:\n   > SELECT e() FROM src LIMIT 1;\n  2.718281828459045',
      resolve: constant('e', Math.E),
    }),
  ];
}
