import {
  HiveBatchError,
  HiveTypes,
  arrayType,
  castValue,
  charType,
  formatDataType,
  isIntegralType,
  varcharType,
} from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import {
  argType,
  argumentError,
  batchByRows,
  checkArity,
  defineScalar,
  makeEvaluator,
  typeError,
} from './internal/define';
import { createRegexCache } from './internal/java-regex';
import { concatBatch, substrBatch, substrRange } from './internal/string-kernels';

const encoder = new TextEncoder();
const INT_MAX = 0x7fffffff;

function isComplex(t: DataType): boolean {
  return t.kind === 'array' || t.kind === 'map' || t.kind === 'struct';
}

/** Argument `i` converted to string; complex types are rejected. */
function stringArg(name: string, call: ScalarCallInfo, i: number): DataType {
  const t = argType(call, i);
  if (isComplex(t)) throw typeError(name, i, { expected: 'a string', found: t });
  return HiveTypes.string;
}

/** Argument `i` converted to int: integral types up to int, and NULL. */
function intArg(name: string, call: ScalarCallInfo, i: number): DataType {
  const t = argType(call, i);
  if (t.kind === 'void' || (isIntegralType(t) && t.kind !== 'bigint')) return HiveTypes.int;
  throw typeError(name, i, { expected: 'an int', found: t });
}

/** Hive's string functions keep char/varchar types and otherwise return string. */
function sameStringType(t: DataType): DataType {
  return t.kind === 'char' || t.kind === 'varchar' ? t : HiveTypes.string;
}

function strings(fn: (args: readonly unknown[]) => unknown): (args: readonly unknown[]) => unknown {
  return (args) => {
    for (const a of args) if (a == null) return null;
    return fn(args);
  };
}

function s(v: unknown): string {
  return v as string;
}

function n(v: unknown): number {
  return v as number;
}

function resolveSubstr(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'substr', [2, 3]);
  const t0 = argType(call, 0);
  if (isComplex(t0)) throw typeError('substr', 0, { expected: 'a string or binary', found: t0 });
  const binary = t0.kind === 'binary';
  const inputTypes = [binary ? HiveTypes.binary : HiveTypes.string, intArg('substr', call, 1)];
  if (call.argumentTypes.length === 3) inputTypes.push(intArg('substr', call, 2));
  const resultType = binary ? HiveTypes.binary : HiveTypes.string;
  const evaluate = strings((args) => {
    const len = args.length > 2 ? n(args[2]) : INT_MAX;
    if (binary) {
      const b = args[0] as Uint8Array;
      const r = substrRange(n(args[1]), len, b.length);
      return r == null ? new Uint8Array(0) : b.slice(r[0], r[1]);
    }
    const str = s(args[0]);
    const r = substrRange(n(args[1]), len, str.length);
    return r == null ? '' : str.slice(r[0], r[1]);
  });
  if (binary) return makeEvaluator({ inputTypes, resultType }, evaluate);
  const byRows = batchByRows(resultType, evaluate);
  return makeEvaluator({ inputTypes, resultType }, evaluate, {
    evaluateBatch: (cols, numRows) => substrBatch(cols, numRows, resultType) ?? byRows(cols, numRows),
  });
}

// GenericUDFConcat: NULL if any argument is NULL; all-binary concatenates bytes; all char → char, char and
// varchar only → varchar (summed lengths), anything else string.
function resolveConcat(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'concat', [1, Infinity]);
  const types = call.argumentTypes;
  types.forEach((t, i) => {
    if (isComplex(t)) throw typeError('concat', i, { expected: 'a primitive type', found: t });
  });
  if (types.every((t) => t.kind === 'binary')) {
    return makeEvaluator(
      { inputTypes: types, resultType: HiveTypes.binary },
      strings((args) => {
        const parts = args as readonly Uint8Array[];
        const out = new Uint8Array(parts.reduce((k, p) => k + p.length, 0));
        let o = 0;
        for (const p of parts) {
          out.set(p, o);
          o += p.length;
        }
        return out;
      }),
    );
  }
  let resultType: DataType = HiveTypes.string;
  if (types.every((t) => t.kind === 'char' || t.kind === 'varchar')) {
    const total = types.reduce((k, t) => k + (t.kind === 'char' || t.kind === 'varchar' ? t.length : 0), 0);
    resultType =
      types.every((t) => t.kind === 'char') && total <= 255
        ? charType(total)
        : varcharType(Math.min(65535, total));
  }
  const inputTypes = types.map(() => HiveTypes.string);
  const rt = resultType;
  // char/varchar results follow core's representation (char padded to its length).
  const evaluate = strings((args) => {
    const joined = (args as readonly string[]).join('');
    return rt.kind === 'string' ? joined : castValue(joined, HiveTypes.string, rt);
  });
  const byRows = batchByRows(rt, evaluate);
  return makeEvaluator({ inputTypes, resultType: rt }, evaluate, {
    evaluateBatch: (cols, numRows) =>
      (rt.kind === 'string' ? concatBatch(cols, numRows, rt) : null) ?? byRows(cols, numRows),
  });
}

// GenericUDFConcatWS: NULL separator → NULL; NULL arguments and NULL array elements are skipped.
function resolveConcatWs(call: ScalarCallInfo): ScalarEvaluator {
  if (call.argumentTypes.length < 2) {
    throw argumentError(
      'The function CONCAT_WS(separator,[string | array(string)]+) needs at least two arguments.',
    );
  }
  const inputTypes = call.argumentTypes.map((t, i) => {
    if (
      i > 0 &&
      t.kind === 'array' &&
      (t.element.kind === 'string' ||
        t.element.kind === 'void' ||
        t.element.kind === 'varchar' ||
        t.element.kind === 'char')
    ) {
      return arrayType(HiveTypes.string);
    }
    if (isComplex(t) || t.kind === 'binary') {
      throw argumentError(
        `Argument ${i + 1} of function CONCAT_WS must be "string or array<string>", but "${formatDataType(t)}" was found.`,
      );
    }
    return HiveTypes.string;
  });
  return makeEvaluator({ inputTypes, resultType: HiveTypes.string }, (args) => {
    const sep = args[0];
    if (sep == null) return null;
    const parts: string[] = [];
    for (let i = 1; i < args.length; i++) {
      const v = args[i];
      if (v == null) continue;
      if (Array.isArray(v)) {
        for (const e of v as readonly unknown[]) if (e != null) parts.push(e as string);
      } else parts.push(v as string);
    }
    return parts.join(sep as string);
  });
}

function unaryString(
  name: string,
  fn: (x: string) => unknown,
  result: 'same' | DataType,
): (call: ScalarCallInfo) => ScalarEvaluator {
  return (call) => {
    checkArity(call, name, [1, 1]);
    const t = argType(call, 0);
    if (isComplex(t)) throw typeError(name, 0, { expected: 'a string', found: t });
    const resultType = result === 'same' ? sameStringType(t) : result;
    const inputType = result === 'same' ? sameStringType(t) : HiveTypes.string;
    return makeEvaluator(
      { inputTypes: [inputType], resultType },
      strings((a) => fn(s(a[0]))),
    );
  };
}

function codePointCount(x: string): number {
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || (x.charCodeAt(i - 1) & 0xfc00) !== 0xd800) count++;
  }
  return count;
}

function resolveLength(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'length', [1, 1]);
  const t = argType(call, 0);
  if (isComplex(t)) throw typeError('length', 0, { expected: 'a string or binary', found: t });
  if (t.kind === 'binary') {
    return makeEvaluator(
      { inputTypes: [t], resultType: HiveTypes.int },
      strings((a) => (a[0] as Uint8Array).length),
    );
  }
  // GenericUDFLength counts UTF-8 characters, i.e. code points.
  return makeEvaluator(
    { inputTypes: [HiveTypes.string], resultType: HiveTypes.int },
    strings((a) => codePointCount(s(a[0]))),
  );
}

function trimSpaces(x: string, left: boolean, right: boolean): string {
  // Hive 3's trim family strips only U+0020.
  let a = 0;
  let b = x.length;
  if (left) while (a < b && x.charCodeAt(a) === 0x20) a++;
  if (right) while (b > a && x.charCodeAt(b - 1) === 0x20) b--;
  return x.slice(a, b);
}

function pad(left: boolean): (call: ScalarCallInfo) => ScalarEvaluator {
  const name = left ? 'lpad' : 'rpad';
  return (call) => {
    checkArity(call, name, [3, 3]);
    const inputTypes = [stringArg(name, call, 0), intArg(name, call, 1), stringArg(name, call, 2)];
    return makeEvaluator(
      { inputTypes, resultType: HiveTypes.string },
      strings((args) => {
        const str = s(args[0]);
        const len = n(args[1]);
        const p = s(args[2]);
        // GenericUDFBasePad: an empty pad gives NULL ("In case of empty pad string, the return value is null"),
        // so does a negative length; lengths count UTF-16 units (Java String).
        if (len < 0 || p.length === 0) return null;
        if (len <= str.length) return str.slice(0, len);
        let fill = '';
        while (fill.length < len - str.length) fill += p;
        fill = fill.slice(0, len - str.length);
        return left ? fill + str : str + fill;
      }),
    );
  };
}

function resolveRepeat(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'repeat', [2, 2]);
  const inputTypes = [stringArg('repeat', call, 0), intArg('repeat', call, 1)];
  return makeEvaluator(
    { inputTypes, resultType: HiveTypes.string },
    strings((a) => {
      const k = n(a[1]);
      return k < 1 ? '' : s(a[0]).repeat(k);
    }),
  );
}

function resolveSpace(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'space', [1, 1]);
  return makeEvaluator(
    { inputTypes: [intArg('space', call, 0)], resultType: HiveTypes.string },
    strings((a) => {
      const k = n(a[0]);
      return k < 1 ? '' : ' '.repeat(k);
    }),
  );
}

/**
 * Java `String.split(regex, -1)`: trailing empty strings kept, a zero-width match at position 0 never yields a
 * leading empty string, capture groups are not part of the result.
 */
export function javaSplit(str: string, regex: RegExp): string[] {
  if (str.length === 0) return [''];
  const out: string[] = [];
  let start = 0;
  regex.lastIndex = 0;
  for (;;) {
    const m = regex.exec(str);
    if (m == null) break;
    const end = m.index;
    const matchEnd = end + m[0].length;
    if (m[0].length === 0) {
      if (end >= str.length) {
        out.push(str.slice(start, end));
        start = end;
        break;
      }
      if (end === 0) {
        regex.lastIndex = advance(str, end, regex.unicode);
        continue;
      }
      out.push(str.slice(start, end));
      start = end;
      regex.lastIndex = advance(str, end, regex.unicode);
      continue;
    }
    out.push(str.slice(start, end));
    start = matchEnd;
  }
  out.push(str.slice(start));
  return out;
}

function advance(str: string, i: number, unicode: boolean): number {
  if (!unicode) return i + 1;
  const c = str.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < str.length ? i + 2 : i + 1;
}

function resolveSplit(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'split', [2, 2]);
  const inputTypes = [stringArg('split', call, 0), stringArg('split', call, 1)];
  const compile = createRegexCache(true);
  return makeEvaluator(
    { inputTypes, resultType: arrayType(HiveTypes.string) },
    strings((a) => javaSplit(s(a[0]), compile(s(a[1])))),
  );
}

/** Java `Matcher.replaceAll` replacement text: `$n` groups, `\x` literal x. */
function javaReplacement(rep: string): (m: RegExpExecArray) => string {
  const parts: (string | number)[] = [];
  let lit = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i] ?? '';
    if (c === '\\') {
      lit += rep[i + 1] ?? '';
      i++;
    } else if (c === '$' && /\d/.test(rep[i + 1] ?? '')) {
      if (lit !== '') parts.push(lit);
      lit = '';
      parts.push(Number(rep[i + 1]));
      i++;
    } else lit += c;
  }
  if (lit !== '') parts.push(lit);
  return (m) => parts.map((p) => (typeof p === 'number' ? (m[p] ?? '') : p)).join('');
}

function resolveRegexpReplace(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'regexp_replace', [3, 3]);
  const inputTypes = [0, 1, 2].map((i) => stringArg('regexp_replace', call, i));
  const compile = createRegexCache(true);
  return makeEvaluator(
    { inputTypes, resultType: HiveTypes.string },
    strings((a) => {
      const re = compile(s(a[1]));
      const rep = javaReplacement(s(a[2]));
      const str = s(a[0]);
      let out = '';
      let last = 0;
      re.lastIndex = 0;
      for (;;) {
        const m = re.exec(str);
        if (m == null) break;
        out += str.slice(last, m.index) + rep(m);
        last = m.index + m[0].length;
        if (m[0].length === 0) {
          if (m.index >= str.length) break;
          re.lastIndex = advance(str, m.index, re.unicode);
        }
      }
      return out + str.slice(last);
    }),
  );
}

// UDFRegExpExtract: first match (find), group idx (default 1); "" when nothing matches, NULL when the group
// did not take part.
function resolveRegexpExtract(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'regexp_extract', [2, 3]);
  const inputTypes = [stringArg('regexp_extract', call, 0), stringArg('regexp_extract', call, 1)];
  if (call.argumentTypes.length === 3) inputTypes.push(intArg('regexp_extract', call, 2));
  const compile = createRegexCache(false);
  return makeEvaluator(
    { inputTypes, resultType: HiveTypes.string },
    strings((a) => {
      const re = compile(s(a[1]));
      const idx = a.length > 2 ? n(a[2]) : 1;
      const m = re.exec(s(a[0]));
      if (m == null) return '';
      if (idx < 0 || idx >= m.length) {
        // Java's MatchResult.group throws IndexOutOfBoundsException at run time.
        throw new HiveBatchError(
          'FUNCTION_CALL_FAILED',
          `regexp_extract: no group ${idx} in pattern ${s(a[1])}`,
        );
      }
      return m[idx] ?? null;
    }),
  );
}

/**
 * GenericUDFUtils.findText: searches the UTF-8 bytes of `text` from byte `start` and returns a **byte** index
 * (-1 when absent). Hive's instr/locate therefore count bytes, not characters, on non-ASCII text, and an empty
 * `sub` is found at 0 whatever the start.
 */
export function findText(text: string, sub: string, start: number): number {
  const t = encoder.encode(text);
  const p = encoder.encode(sub);
  const length = t.length - start;
  if (start < 0 || length < 0 || length < p.length) return -1;
  if (p.length === 0) return 0;
  outer: for (let i = start; i + p.length <= t.length; i++) {
    for (let j = 0; j < p.length; j++) if (t[i + j] !== p[j]) continue outer;
    return i;
  }
  return -1;
}

function resolveInstr(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'instr', [2, 2]);
  const inputTypes = [stringArg('instr', call, 0), stringArg('instr', call, 1)];
  return makeEvaluator(
    { inputTypes, resultType: HiveTypes.int },
    strings((a) => findText(s(a[0]), s(a[1]), 0) + 1),
  );
}

function resolveLocate(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'locate', [2, 3]);
  const inputTypes = [stringArg('locate', call, 0), stringArg('locate', call, 1)];
  if (call.argumentTypes.length === 3) inputTypes.push(intArg('locate', call, 2));
  return makeEvaluator(
    { inputTypes, resultType: HiveTypes.int },
    strings((a) => {
      const pos = a.length > 2 ? n(a[2]) : 1;
      return findText(s(a[1]), s(a[0]), pos - 1) + 1;
    }),
  );
}

// UDFAscii: the first UTF-8 byte as a signed Java byte; 0 for the empty string.
function ascii(x: string): number {
  if (x.length === 0) return 0;
  const b = encoder.encode(x.slice(0, 2))[0] ?? 0;
  return (b << 24) >> 24;
}

// WordUtils.capitalizeFully: lower-case everything, upper-case the first letter after whitespace.
function initcap(x: string): string {
  let out = '';
  let start = true;
  for (const ch of x.toLowerCase()) {
    if (/\s/u.test(ch)) {
      start = true;
      out += ch;
    } else {
      out += start ? ch.toUpperCase() : ch;
      start = false;
    }
  }
  return out;
}

/**
 * String functions: substr/substring, concat, concat_ws, lower/lcase, upper/ucase, length, trim, ltrim, rtrim,
 * lpad, rpad, reverse, repeat, space, split, regexp_replace, regexp_extract, instr, locate, ascii, initcap.
 * Positions and lengths count UTF-16 units like Java's String, except `length` (code points) and instr/locate (UTF-8 bytes).
 */
export function stringFunctions(): readonly ScalarFunctionDefinition[] {
  return [
    defineScalar({
      name: 'substr',
      aliases: ['substring'],
      description:
        'substr(str, pos[, len]) - returns the substring of str that starts at pos and is of length len orsubstr(bin, pos[, len]) - returns the slice of byte array that starts at pos and is of length len',
      extendedDescription:
        "pos is a 1-based index. If pos<0 the starting position is determined by counting backwards from the end of str.\nExample:\n   > SELECT substr('Facebook', 5) FROM src LIMIT 1;\n  'book'\n  > SELECT substr('Facebook', -5) FROM src LIMIT 1;\n  'ebook'\n  > SELECT substr('Facebook', 5, 1) FROM src LIMIT 1;\n  'b'",
      resolve: resolveSubstr,
    }),
    defineScalar({
      name: 'concat',
      description:
        'concat(str1, str2, ... strN) - returns the concatenation of str1, str2, ... strN or concat(bin1, bin2, ... binN) - returns the concatenation of bytes in binary data  bin1, bin2, ... binN',
      extendedDescription:
        "Returns NULL if any argument is NULL.\nExample:\n  > SELECT concat('abc', 'def') FROM src LIMIT 1;\n  'abcdef'",
      resolve: resolveConcat,
    }),
    defineScalar({
      name: 'concat_ws',
      description:
        'concat_ws(separator, [string | array(string)]+) - returns the concatenation of the strings separated by the separator.',
      extendedDescription:
        "Example:\n  > SELECT concat_ws('.', 'www', array('facebook', 'com')) FROM src LIMIT 1;\n  'www.facebook.com'",
      resolve: resolveConcatWs,
    }),
    defineScalar({
      name: 'lower',
      aliases: ['lcase'],
      description: 'lower(str) - Returns str with all characters changed to lowercase',
      extendedDescription: "Example:\n  > SELECT lower('Facebook') FROM src LIMIT 1;\n  'facebook'",
      resolve: unaryString('lower', (x) => x.toLowerCase(), 'same'),
    }),
    defineScalar({
      name: 'upper',
      aliases: ['ucase'],
      description: 'upper(str) - Returns str with all characters changed to uppercase',
      extendedDescription: "Example:\n  > SELECT upper('Facebook') FROM src LIMIT 1;\n  'FACEBOOK'",
      resolve: unaryString('upper', (x) => x.toUpperCase(), 'same'),
    }),
    defineScalar({
      name: 'length',
      description: 'length(str | binary) - Returns the length of str or number of bytes in binary data',
      extendedDescription: "Example:\n  > SELECT length('Facebook') FROM src LIMIT 1;\n  8",
      resolve: resolveLength,
    }),
    defineScalar({
      name: 'trim',
      description: 'trim(str) - Removes the leading and trailing space characters from str ',
      resolve: unaryString('trim', (x) => trimSpaces(x, true, true), HiveTypes.string),
    }),
    defineScalar({
      name: 'ltrim',
      description: 'ltrim(str) - Removes the leading space characters from str ',
      resolve: unaryString('ltrim', (x) => trimSpaces(x, true, false), HiveTypes.string),
    }),
    defineScalar({
      name: 'rtrim',
      description: 'rtrim(str) - Removes the trailing space characters from str ',
      resolve: unaryString('rtrim', (x) => trimSpaces(x, false, true), HiveTypes.string),
    }),
    defineScalar({
      name: 'lpad',
      description: 'lpad(str, len, pad) - Returns str, left-padded with pad to a length of len',
      extendedDescription:
        "If str is longer than len, the return value is shortened to len characters.\nIn case of empty pad string, the return value is null.\nExample:\n  > SELECT lpad('hi', 5, '??') FROM src LIMIT 1;\n  '???hi'",
      resolve: pad(true),
    }),
    defineScalar({
      name: 'rpad',
      description: 'rpad(str, len, pad) - Returns str, right-padded with pad to a length of len',
      extendedDescription:
        "If str is longer than len, the return value is shortened to len characters.\nIn case of empty pad string, the return value is null.\nExample:\n  > SELECT rpad('hi', 5, '??') FROM src LIMIT 1;\n  'hi???'",
      resolve: pad(false),
    }),
    defineScalar({
      name: 'reverse',
      description: 'reverse(str) - reverse str',
      extendedDescription: "Example:\n  > SELECT reverse('Facebook') FROM src LIMIT 1;\n  'koobecaF'",
      resolve: unaryString('reverse', (x) => Array.from(x).reverse().join(''), HiveTypes.string),
    }),
    defineScalar({
      name: 'repeat',
      description: 'repeat(str, n) - repeat str n times ',
      extendedDescription: "Example:\n  > SELECT repeat('123', 2) FROM src LIMIT 1;\n  '123123'",
      resolve: resolveRepeat,
    }),
    defineScalar({
      name: 'space',
      description: 'space(n) - returns n spaces',
      extendedDescription: "Example:\n   > SELECT concat(space(2), '1') FROM src LIMIT 1;\n  '  1'",
      resolve: resolveSpace,
    }),
    defineScalar({
      name: 'split',
      description: 'split(str, regex) - Splits str around occurances that match regex',
      extendedDescription:
        'Example:\n  > SELECT split(\'oneAtwoBthreeC\', \'[ABC]\') FROM src LIMIT 1;\n  ["one", "two", "three"]',
      resolve: resolveSplit,
    }),
    defineScalar({
      name: 'regexp_replace',
      description:
        'regexp_replace(str, regexp, rep) - replace all substrings of str that match regexp with rep',
      extendedDescription:
        "Example:\n  > SELECT regexp_replace('100-200', '(\\d+)', 'num') FROM src LIMIT 1;\n  'num-num'",
      resolve: resolveRegexpReplace,
    }),
    defineScalar({
      name: 'regexp_extract',
      description: 'regexp_extract(str, regexp[, idx]) - extracts a group that matches regexp',
      extendedDescription:
        "Example:\n  > SELECT regexp_extract('100-200', '(\\d+)-(\\d+)', 1) FROM src LIMIT 1;\n  '100'",
      resolve: resolveRegexpExtract,
    }),
    defineScalar({
      name: 'instr',
      description: 'instr(str, substr) - Returns the index of the first occurance of substr in str',
      extendedDescription: "Example:\n  > SELECT instr('Facebook', 'boo') FROM src LIMIT 1;\n  5",
      resolve: resolveInstr,
    }),
    defineScalar({
      name: 'locate',
      description:
        'locate(substr, str[, pos]) - Returns the position of the first occurance of substr in str after position pos',
      extendedDescription: "Example:\n  > SELECT locate('bar', 'foobarbar', 5) FROM src LIMIT 1;\n  7",
      resolve: resolveLocate,
    }),
    defineScalar({
      name: 'ascii',
      description: 'ascii(str) - returns the numeric value of the first character of str',
      extendedDescription:
        "Returns 0 if str is empty or NULL if str is NULL\nExample:\n  > SELECT ascii('222') FROM src LIMIT 1;  50\n  > SELECT ascii(2) FROM src LIMIT 1;\n  50",
      resolve: unaryString('ascii', ascii, HiveTypes.int),
    }),
    defineScalar({
      name: 'initcap',
      description:
        'initcap(str) - Returns str, with the first letter of each word in uppercase, all other letters in lowercase. Words are delimited by white space.',
      extendedDescription: "Example:\n > SELECT initcap('tHe soap') FROM src LIMIT 1;\n 'The Soap'",
      resolve: unaryString('initcap', initcap, HiveTypes.string),
    }),
  ];
}
