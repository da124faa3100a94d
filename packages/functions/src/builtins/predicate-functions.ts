import { HiveTypes, commonTypeForComparison, commonTypeForUnion, formatDataType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import { comparisonType, converterTo } from './comparison-operators';
import {
  argType,
  argumentError,
  checkArity,
  defineScalar,
  makeEvaluator,
  typeError,
} from './internal/define';
import { comparatorFor } from './internal/hive-compare';
import { createRegexCache, likeToRegex } from './internal/java-regex';

function resolveIsNull(negate: boolean, call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, negate ? 'isnotnull' : 'isnull', [1, 1]);
  const t = argType(call, 0);
  return makeEvaluator(
    { inputTypes: [t], resultType: HiveTypes.boolean },
    (args) => (args[0] == null) !== negate,
  );
}

// GenericUDFBetween(invert, expr, low, high): expr >= low, then expr <= high, each in its own comparison type.
function resolveBetween(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'between', [4, 4]);
  const types = call.argumentTypes;
  const [tInvert, tExpr, tLow, tHigh] = [
    argType(call, 0),
    argType(call, 1),
    argType(call, 2),
    argType(call, 3),
  ];
  if (tInvert.kind !== 'boolean') throw typeError('between', 0, { expected: '"boolean"', found: tInvert });
  const lowType = comparisonType(tExpr, tLow, 'BETWEEN');
  const highType = comparisonType(tExpr, tHigh, 'BETWEEN');
  const lowCmp = comparatorFor(lowType);
  const highCmp = comparatorFor(highType);
  const exprToLow = converterTo(tExpr, lowType);
  const lowConv = converterTo(tLow, lowType);
  const exprToHigh = converterTo(tExpr, highType);
  const highConv = converterTo(tHigh, highType);
  return makeEvaluator({ inputTypes: types, resultType: HiveTypes.boolean }, (args) => {
    const invert = args[0] === true;
    const e1 = exprToLow(args[1]);
    const lo = lowConv(args[2]);
    if (e1 == null || lo == null) return null;
    const left = lowCmp(e1, lo) >= 0;
    if (!invert && !left) return false;
    const e2 = exprToHigh(args[1]);
    const hi = highConv(args[3]);
    if (e2 == null || hi == null) return null;
    const res = left && highCmp(e2, hi) <= 0;
    return invert ? !res : res;
  });
}

// GenericUDFIn: all arguments in one common type; TRUE on a match, else NULL if the value or a list item is NULL.
function resolveIn(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'in', [2, Infinity]);
  let common: DataType = argType(call, 0);
  for (const t of call.argumentTypes.slice(1)) {
    const next = commonTypeForComparison(common, t) ?? commonTypeForUnion(common, t);
    if (next == null) {
      throw argumentError(
        `The arguments for IN should be the same type! Types are: {${call.argumentTypes.map(formatDataType).join(', ')}}`,
      );
    }
    common = next;
  }
  const cmp = comparatorFor(common);
  const inputTypes = call.argumentTypes.map(() => common);
  return makeEvaluator({ inputTypes, resultType: HiveTypes.boolean }, (args) => {
    const v = args[0];
    if (v == null) return null;
    let sawNull = false;
    for (let i = 1; i < args.length; i++) {
      const x = args[i];
      if (x == null) sawNull = true;
      else if (cmp(v, x) === 0) return true;
    }
    return sawNull ? null : false;
  });
}

function stringInputs(name: string, call: ScalarCallInfo): DataType[] {
  return call.argumentTypes.map((t, i) => {
    if (t.kind === 'array' || t.kind === 'map' || t.kind === 'struct' || t.kind === 'binary') {
      throw typeError(name, i, { expected: 'a string', found: t });
    }
    return HiveTypes.string;
  });
}

function resolveLike(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'like', [2, 2]);
  const inputTypes = stringInputs('like', call);
  let lastPattern: string | null = null;
  let regex: RegExp | null = null;
  return makeEvaluator({ inputTypes, resultType: HiveTypes.boolean }, (args) => {
    const s = args[0] as string | null;
    const p = args[1] as string | null;
    if (s == null || p == null) return null;
    if (regex == null || p !== lastPattern) {
      regex = likeToRegex(p);
      lastPattern = p;
    }
    return regex.test(s);
  });
}

// UDFRegExp: Java Matcher.find(), so the pattern may match anywhere.
function resolveRlike(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'rlike', [2, 2]);
  const inputTypes = stringInputs('rlike', call);
  const compile = createRegexCache(false);
  return makeEvaluator({ inputTypes, resultType: HiveTypes.boolean }, (args) => {
    const s = args[0] as string | null;
    const p = args[1] as string | null;
    if (s == null || p == null) return null;
    return compile(p).test(s);
  });
}

/**
 * Predicates: `isnull`, `isnotnull`, `between` (Hive's form with the leading invert flag), `in`, `like`,
 * `rlike` (alias `regexp`).
 */
export function predicateFunctions(): readonly ScalarFunctionDefinition[] {
  return [
    defineScalar({
      name: 'isnull',
      description: 'isnull a - Returns true if a is NULL and false otherwise',
      resolve: (c) => resolveIsNull(false, c),
    }),
    defineScalar({
      name: 'isnotnull',
      description: 'isnotnull a - Returns true if a is not NULL and false otherwise',
      resolve: (c) => resolveIsNull(true, c),
    }),
    defineScalar({
      name: 'between',
      description: 'between a [NOT] BETWEEN b AND c - evaluate if a is [not] in between b and c',
      resolve: resolveBetween,
    }),
    defineScalar({
      name: 'in',
      description: 'test in(val1, val2...) - returns true if test equals any valN ',
      resolve: resolveIn,
    }),
    defineScalar({
      name: 'like',
      description: 'like(str, pattern) - Checks if str matches pattern',
      extendedDescription:
        "Example:\n  > SELECT a.* FROM srcpart a WHERE a.hr like '%2' LIMIT 1;\n  27      val_27  2008-04-08      12",
      resolve: resolveLike,
    }),
    defineScalar({
      name: 'rlike',
      aliases: ['regexp'],
      description: 'str rlike regexp - Returns true if str matches regexp and false otherwise',
      extendedDescription: "Example:\n  > SELECT 'fb' rlike '.*' FROM src LIMIT 1;\n  true",
      resolve: resolveRlike,
    }),
  ];
}
