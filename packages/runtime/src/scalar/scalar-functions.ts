// INTERIM: the scalar functions the qtest corpus and the quickstart use, until @hive-batch/functions ships
// `builtinScalarFunctions()`; then the binder resolves scalars through its FunctionCatalog instead.
import {
  HiveBatchError,
  HiveDecimal,
  HiveTypes,
  arrayType,
  commonTypeForUnion,
  decimalType,
  enforceDecimalType,
  formatDataType,
  mapType,
  structType,
} from '@hive-batch/core';
import type { DataType, HiveDecimalValue } from '@hive-batch/core';
import { compareValues } from '@hive-batch/sql';
import type { ScalarFunctionResolver } from '@hive-batch/sql';

/** A scalar function resolved for argument types. */
export interface ResolvedScalar {
  readonly resultType: DataType;
  /** Type each argument is cast to before `fn` sees it (same length as the arguments). */
  readonly argumentTypes: readonly DataType[];
  readonly fn: (args: readonly unknown[]) => unknown;
  /** False for functions that must not be constant-folded (assert_true). */
  readonly deterministic?: boolean;
  /** Arguments are not NULL-propagating: fn sees NULLs (default true = fn sees them anyway). */
}

type Resolver = (types: readonly DataType[], constants: readonly unknown[]) => ResolvedScalar;

function argError(name: string, message: string): HiveBatchError {
  return new HiveBatchError('INVALID_FUNCTION_ARGUMENTS', `${name}: ${message}`);
}

function isNumeric(t: DataType): boolean {
  return ['tinyint', 'smallint', 'int', 'bigint', 'float', 'double', 'decimal'].includes(t.kind);
}

function common(name: string, types: readonly DataType[]): DataType {
  let t: DataType = HiveTypes.void;
  for (const x of types) {
    const c = commonTypeForUnion(t, x);
    if (c == null) throw argError(name, `no common type for ${formatDataType(t)} and ${formatDataType(x)}`);
    t = c;
  }
  return t;
}

function roundHalfUpDouble(x: number, d: number): number {
  if (!Number.isFinite(x)) return x;
  // Hive: BigDecimal.valueOf(x).setScale(d, HALF_UP).doubleValue()
  const r = new HiveDecimal(x).toDecimalPlaces(Math.max(d, 0), HiveDecimal.ROUND_HALF_UP);
  if (d < 0) {
    const f = new HiveDecimal(10).pow(-d);
    return new HiveDecimal(x).div(f).toDecimalPlaces(0, HiveDecimal.ROUND_HALF_UP).mul(f).toNumber();
  }
  return r.toNumber();
}

function substrIndex(pos: number, len: number, inputLen: number): [number, number] | null {
  if (Math.abs(pos) > inputLen) return null;
  let start: number;
  if (pos > 0) start = pos - 1;
  else if (pos < 0) start = inputLen + pos;
  else start = 0;
  const end = inputLen - start < len ? inputLen : start + len;
  return [start, end];
}

const LETTER = /[\p{L}\p{Mc}]/u;
const DIGIT = /\p{N}/u;
const MID_WORD = /[\p{Pd}\u00ad\u2027"'.]/u;
const MID_NUM = /["',\u066b.]/u;
const POST_NUM = /[%&\u00a2\u066a\u2030\u2031]/u;

/** Java's word BreakIterator (JDK rules): alternating words and numbers with their mid characters. */
function words(s: string): string[] {
  const chars = [...s];
  const out: string[] = [];
  const is = (re: RegExp, i: number): boolean => i < chars.length && re.test(chars[i] ?? '');
  let i = 0;
  while (i < chars.length) {
    const start = i;
    if (!is(LETTER, i) && !is(DIGIT, i)) {
      i++;
      continue;
    }
    for (;;) {
      if (is(LETTER, i)) {
        while (is(LETTER, i)) i++;
        while (is(MID_WORD, i) && is(LETTER, i + 1)) {
          i++;
          while (is(LETTER, i)) i++;
        }
        if (!is(DIGIT, i)) break;
      } else if (is(DIGIT, i)) {
        while (is(DIGIT, i)) i++;
        while (is(MID_NUM, i) && is(DIGIT, i + 1)) {
          i++;
          while (is(DIGIT, i)) i++;
        }
        if (is(LETTER, i)) continue;
        if (is(POST_NUM, i)) i++;
        break;
      } else break;
    }
    out.push(chars.slice(start, i).join(''));
  }
  return out;
}

/** Java's sentence BreakIterator, roughly: after ?/! , after a period not followed by a lower-case word, at line ends. */
function sentenceSpans(text: string): string[] {
  const out: string[] = [];
  const re =
    /[!?\u203c\u203d]+["')\]]*[ \t]*|\.+["')\]]*[ \t]+(?=[^\p{Ll}])|\.+["')\]]*[ \t]*(?=[\n\r])|[\n\r\u2028\u2029]+/gu;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const end = (m.index ?? 0) + m[0].length;
    out.push(text.slice(last, end));
    last = end;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Hive's `sentences`: sentences of words, keeping words that start with a letter or digit. */
function sentences(text: string): string[][] {
  const out: string[][] = [];
  for (const s of sentenceSpans(text)) {
    const ws = words(s);
    if (ws.length > 0) out.push(ws);
  }
  return out;
}

function hashValue(v: unknown): number {
  if (v == null) return 0;
  if (typeof v === 'number') return Number.isInteger(v) ? v | 0 : 0;
  if (typeof v === 'bigint') return Number(BigInt.asIntN(32, v ^ (v >> 32n)));
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    let h = 0;
    for (const b of Buffer.from(v, 'utf8')) h = (Math.imul(31, h) + ((b << 24) >> 24)) | 0;
    return h;
  }
  return 0;
}

const same = (types: readonly DataType[]): readonly DataType[] => types;

const RESOLVERS: Record<string, Resolver> = {
  substr: (types) => {
    if (types.length < 2 || types.length > 3) throw argError('substr', 'takes 2 or 3 arguments');
    return {
      resultType: HiveTypes.string,
      argumentTypes: [HiveTypes.string, HiveTypes.int, ...(types.length === 3 ? [HiveTypes.int] : [])],
      fn: ([s, p, l]) => {
        if (s == null || p == null || (types.length === 3 && l == null)) return null;
        const str = s as string;
        const len = types.length === 3 ? (l as number) : Number.MAX_SAFE_INTEGER;
        if (len <= 0) return '';
        const idx = substrIndex(p as number, len, str.length);
        return idx == null ? '' : str.slice(idx[0], idx[1]);
      },
    };
  },
  concat: (types) => ({
    resultType: HiveTypes.string,
    argumentTypes: types.map(() => HiveTypes.string),
    fn: (args) => (args.some((a) => a == null) ? null : args.join('')),
  }),
  concat_ws: (types) => ({
    resultType: HiveTypes.string,
    argumentTypes: types.map((t) => (t.kind === 'array' ? arrayType(HiveTypes.string) : HiveTypes.string)),
    fn: ([sep, ...rest]) => {
      if (sep == null) return null;
      const parts: string[] = [];
      for (const r of rest) {
        if (Array.isArray(r)) {
          for (const x of r) if (x != null) parts.push(x as string);
        } else if (r != null) parts.push(r as string);
      }
      return parts.join(sep as string);
    },
  }),
  lower: () => ({
    resultType: HiveTypes.string,
    argumentTypes: [HiveTypes.string],
    fn: ([s]) => (s == null ? null : (s as string).toLowerCase()),
  }),
  upper: () => ({
    resultType: HiveTypes.string,
    argumentTypes: [HiveTypes.string],
    fn: ([s]) => (s == null ? null : (s as string).toUpperCase()),
  }),
  trim: () => ({
    resultType: HiveTypes.string,
    argumentTypes: [HiveTypes.string],
    fn: ([s]) => (s == null ? null : (s as string).replace(/^ +| +$/g, '')),
  }),
  length: () => ({
    resultType: HiveTypes.int,
    argumentTypes: [HiveTypes.string],
    fn: ([s]) => (s == null ? null : [...(s as string)].length),
  }),
  round: (types, constants) => {
    const t = types[0] ?? HiveTypes.double;
    const d = types.length > 1 ? Number(constants[1] ?? 0) : 0;
    if (t.kind === 'decimal') {
      const scale = Math.max(0, Math.min(t.scale, d));
      const rt = decimalType(Math.min(38, t.precision - t.scale + 1 + scale), scale);
      return {
        resultType: rt,
        argumentTypes: [t, ...(types.length > 1 ? [HiveTypes.int] : [])],
        fn: ([x]) =>
          x == null
            ? null
            : enforceDecimalType(
                (x as HiveDecimalValue).toDecimalPlaces(scale, HiveDecimal.ROUND_HALF_UP),
                rt.precision,
                rt.scale,
              ),
      };
    }
    if (t.kind === 'tinyint' || t.kind === 'smallint' || t.kind === 'int' || t.kind === 'bigint') {
      return {
        resultType: t,
        argumentTypes: [t, ...(types.length > 1 ? [HiveTypes.int] : [])],
        fn: ([x]) => x,
      };
    }
    const rt = t.kind === 'float' ? HiveTypes.float : HiveTypes.double;
    return {
      resultType: rt,
      argumentTypes: [rt, ...(types.length > 1 ? [HiveTypes.int] : [])],
      fn: ([x]) => (x == null ? null : roundHalfUpDouble(x as number, d)),
    };
  },
  floor: (types) => ({
    resultType: HiveTypes.bigint,
    argumentTypes: [types[0]?.kind === 'decimal' ? types[0] : HiveTypes.double],
    fn: ([x]) =>
      x == null
        ? null
        : typeof x === 'number'
          ? BigInt(Math.floor(x))
          : BigInt((x as HiveDecimalValue).floor().toFixed(0)),
  }),
  ceil: (types) => ({
    resultType: HiveTypes.bigint,
    argumentTypes: [types[0]?.kind === 'decimal' ? types[0] : HiveTypes.double],
    fn: ([x]) =>
      x == null
        ? null
        : typeof x === 'number'
          ? BigInt(Math.ceil(x))
          : BigInt((x as HiveDecimalValue).ceil().toFixed(0)),
  }),
  abs: (types) => {
    const t = types[0] ?? HiveTypes.double;
    const rt = isNumeric(t) ? t : HiveTypes.double;
    return {
      resultType: rt,
      argumentTypes: [rt],
      fn: ([x]) =>
        x == null
          ? null
          : typeof x === 'number'
            ? Math.abs(x)
            : typeof x === 'bigint'
              ? x < 0n
                ? -x
                : x
              : (x as HiveDecimalValue).abs(),
    };
  },
  power: () => ({
    resultType: HiveTypes.double,
    argumentTypes: [HiveTypes.double, HiveTypes.double],
    fn: ([a, b]) => (a == null || b == null ? null : Math.pow(a as number, b as number)),
  }),
  sqrt: () => ({
    resultType: HiveTypes.double,
    argumentTypes: [HiveTypes.double],
    fn: ([a]) => (a == null || (a as number) < 0 ? null : Math.sqrt(a as number)),
  }),
  sentences: (types) => ({
    resultType: arrayType(arrayType(HiveTypes.string)),
    argumentTypes: types.map(() => HiveTypes.string),
    fn: ([s]) => (s == null ? null : sentences(s as string)),
  }),
  array: (types) => {
    const t = types.length === 0 ? HiveTypes.void : common('array', types);
    return { resultType: arrayType(t), argumentTypes: types.map(() => t), fn: (args) => [...args] };
  },
  map: (types) => {
    if (types.length % 2 !== 0) throw argError('map', 'needs key/value pairs');
    const kt = common(
      'map',
      types.filter((_, i) => i % 2 === 0),
    );
    const vt = common(
      'map',
      types.filter((_, i) => i % 2 === 1),
    );
    return {
      resultType: mapType(
        kt.kind === 'void' ? HiveTypes.string : kt,
        vt.kind === 'void' ? HiveTypes.string : vt,
      ),
      argumentTypes: types.map((_, i) => (i % 2 === 0 ? kt : vt)),
      fn: (args) => {
        const m = new Map<unknown, unknown>();
        for (let i = 0; i + 1 < args.length; i += 2) m.set(args[i], args[i + 1]);
        return m;
      },
    };
  },
  map_values: (types) => {
    const t = types[0];
    if (t?.kind !== 'map') throw argError('map_values', 'expects a map');
    return {
      resultType: arrayType(t.value),
      argumentTypes: same(types),
      fn: ([m]) => (m == null ? [] : [...(m as Map<unknown, unknown>).values()]),
    };
  },
  map_keys: (types) => {
    const t = types[0];
    if (t?.kind !== 'map') throw argError('map_keys', 'expects a map');
    return {
      resultType: arrayType(t.key),
      argumentTypes: same(types),
      fn: ([m]) => (m == null ? [] : [...(m as Map<unknown, unknown>).keys()]),
    };
  },
  struct: (types) => ({
    resultType: structType(types.map((t, i) => ({ name: `col${i + 1}`, type: t }))),
    argumentTypes: same(types),
    fn: (args) => Object.fromEntries(args.map((a, i) => [`col${i + 1}`, a])),
  }),
  named_struct: (types, constants) => {
    if (types.length % 2 !== 0) throw argError('named_struct', 'needs name/value pairs');
    const names: string[] = [];
    const fields: { name: string; type: DataType }[] = [];
    for (let i = 0; i < types.length; i += 2) {
      const n = constants[i];
      if (typeof n !== 'string') throw argError('named_struct', 'field names must be constant strings');
      names.push(n);
      fields.push({ name: n, type: types[i + 1] ?? HiveTypes.void });
    }
    return {
      resultType: structType(fields),
      argumentTypes: same(types),
      fn: (args) => Object.fromEntries(names.map((n, i) => [n, args[2 * i + 1]])),
    };
  },
  sort_array: (types) => {
    const t = types[0];
    if (t?.kind !== 'array') throw argError('sort_array', 'expects an array');
    return {
      resultType: t,
      argumentTypes: same(types),
      fn: ([a, asc]) => {
        if (a == null) return null;
        const s = [...(a as unknown[])].sort(compareValues);
        return asc === false ? s.reverse() : s;
      },
    };
  },
  size: (types) => ({
    resultType: HiveTypes.int,
    argumentTypes: same(types),
    fn: ([a]) => (a == null ? -1 : a instanceof Map ? a.size : (a as unknown[]).length),
  }),
  if: (types) => {
    const t = common('if', types.slice(1));
    return {
      resultType: t,
      argumentTypes: [HiveTypes.boolean, t, t],
      fn: ([c, a, b]) => (c === true ? a : b),
    };
  },
  coalesce: (types) => {
    const t = common('coalesce', types);
    return {
      resultType: t,
      argumentTypes: types.map(() => t),
      fn: (args) => args.find((a) => a != null) ?? null,
    };
  },
  isnull: () => ({ resultType: HiveTypes.boolean, argumentTypes: [HiveTypes.void], fn: ([a]) => a == null }),
  isnotnull: () => ({
    resultType: HiveTypes.boolean,
    argumentTypes: [HiveTypes.void],
    fn: ([a]) => a != null,
  }),
  assert_true: () => ({
    resultType: HiveTypes.void,
    argumentTypes: [HiveTypes.boolean],
    deterministic: false,
    fn: ([c]) => {
      if (c !== true) throw new HiveBatchError('ASSERTION_FAILED', 'ASSERT_TRUE(): assertion failed.');
      return null;
    },
  }),
  hash: (types) => ({
    resultType: HiveTypes.int,
    argumentTypes: same(types),
    fn: (args) => {
      if (args.length === 1) return hashValue(args[0]);
      let h = 0;
      for (const a of args) h = (Math.imul(31, h) + hashValue(a)) | 0;
      return h;
    },
  }),
};

const ALIASES: Record<string, string> = {
  substring: 'substr',
  lcase: 'lower',
  ucase: 'upper',
  nvl: 'coalesce',
  pow: 'power',
  ceiling: 'ceil',
  char_length: 'length',
  character_length: 'length',
};

/**
 * The interim scalar functions as a resolver, with the fields of @hive-batch/functions' evaluators.
 */
export const interimScalarFunctions: ScalarFunctionResolver = {
  lookup(name) {
    const n = name.toLowerCase();
    const r = RESOLVERS[ALIASES[n] ?? n];
    if (r == null) return undefined;
    return {
      resolve: (call) => {
        const x = r(call.argumentTypes, call.constantArguments);
        return {
          inputTypes: x.argumentTypes,
          resultType: x.resultType,
          deterministic: x.deterministic !== false,
          evaluate: x.fn,
        };
      },
    };
  },
};

/**
 * Scalar functions: the resolvers tried in order (the first that knows a name wins).
 */
export function chainScalarFunctions(resolvers: readonly ScalarFunctionResolver[]): ScalarFunctionResolver {
  return { lookup: (name) => resolvers.map((r) => r.lookup(name)).find((d) => d != null) };
}

/** Names of every scalar function (for SHOW FUNCTIONS). */
export function scalarFunctionNames(): string[] {
  return [...Object.keys(RESOLVERS), ...Object.keys(ALIASES)].sort();
}
