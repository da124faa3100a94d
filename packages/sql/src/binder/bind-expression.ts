// Binding expressions: names against a scope, Hive's types and implicit casts, compiled to closures.
import {
  HiveBatchError,
  HiveDecimal,
  HiveTypes,
  commonNumericType,
  commonTypeForComparison,
  commonTypeForUnion,
  dataTypeEquals,
  decimalArithmeticResultType,
  decimalType,
  decimalTypeOf,
  enforceDecimalType,
  formatDataType,
  parseDate,
  parseTimestamp,
} from '@hive-batch/core';
import type { DataType, DecimalType, HiveDecimalValue } from '@hive-batch/core';
import type { Expression, FunctionCall } from '../ast';
import type { BoundExpr, PlanColumn } from '../planner/plan';
import { castValueDeep as castTo } from './cast-value-deep';
import { compareValues } from './compare-values';

/** Where names resolve while binding an expression. */
export interface ExprScope {
  readonly columns: readonly PlanColumn[];
  /** Hook for aggregate contexts: returns a replacement for a whole sub-expression (group key, aggregate). */
  readonly replace?: (ast: Expression) => BoundExpr | undefined;
  /** Message for a column that is not available (e.g. not in GROUP BY). */
  readonly columnError?: (name: string) => HiveBatchError;
  /** True when aggregate calls are expected to be replaced; otherwise they are an error. */
  readonly isAggregate: (name: string) => boolean;
  /** Scalar functions by name. */
  readonly functions: ScalarFunctionResolver;
}

/** A scalar function resolved for one call site (the shape of @hive-batch/functions' `ScalarEvaluator`). */
export interface BoundScalarFunction {
  /** Types the arguments are cast to before `evaluate` sees them. */
  readonly inputTypes: readonly DataType[];
  readonly resultType: DataType;
  /** False for functions that must not be constant-folded (assert_true, rand). */
  readonly deterministic: boolean;
  evaluate(args: readonly unknown[]): unknown;
}

/** Scalar functions by name (the shape of @hive-batch/functions' `ScalarFunctionDefinition`). */
export interface ScalarFunctionResolver {
  /** The function for a name (any case), or undefined. */
  lookup(name: string):
    | {
        resolve(call: {
          readonly argumentTypes: readonly DataType[];
          readonly constantArguments: readonly unknown[];
        }): BoundScalarFunction;
      }
    | undefined;
}

export function semantic(message: string): HiveBatchError {
  return new HiveBatchError('SEMANTIC_ERROR', message);
}

function lit(value: unknown, type: DataType, text: string): BoundExpr {
  return { type, text, eval: () => value, constant: { value } };
}

export function literal(value: unknown, type: DataType): BoundExpr {
  return lit(
    value,
    type,
    value == null
      ? 'NULL'
      : typeof value === 'string'
        ? `'${value}'`
        : JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  );
}

export function inputRef(index: number, type: DataType, name: string): BoundExpr {
  return { type, text: name, eval: (row) => row[index], inputIndex: index };
}

/** Wraps `e` in a cast to `to` when its type differs. */
export function cast(e: BoundExpr, to: DataType): BoundExpr {
  if (dataTypeEquals(e.type, to) || to.kind === 'void') return e;
  const from = e.type;
  if (e.constant != null) {
    return lit(castTo(e.constant.value, from, to), to, e.text);
  }
  const f = e.eval;
  return {
    type: to,
    text: `CAST(${e.text} AS ${formatDataType(to)})`,
    eval: (row) => {
      const v = f(row);
      return v == null ? null : castTo(v, from, to);
    },
  };
}

/** Builds a call node; folds it when every argument is constant. */
function call(
  head: readonly [text: string, type: DataType, deterministic?: boolean],
  args: readonly BoundExpr[],
  fn: (values: unknown[]) => unknown,
): BoundExpr {
  const [text, type, deterministic = true] = head;
  const evals = args.map((a) => a.eval);
  const n = evals.length;
  const e: BoundExpr = {
    type,
    text,
    eval: (row) => {
      const vals = new Array<unknown>(n);
      for (let i = 0; i < n; i++) vals[i] = (evals[i] as (r: readonly unknown[]) => unknown)(row);
      return fn(vals);
    },
  };
  if (deterministic && args.every((a) => a.constant != null)) {
    const value = e.eval([]);
    return lit(value, type, text);
  }
  return e;
}

/** Resolves a (possibly qualified) column name; returns the index or throws. */
export function resolveColumnIndex(
  parts: readonly string[],
  columns: readonly PlanColumn[],
): number | 'ambiguous' {
  const name = (parts[parts.length - 1] ?? '').toLowerCase();
  const qualifier = parts.length >= 2 ? (parts[parts.length - 2] ?? '').toLowerCase() : null;
  const matches: number[] = [];
  columns.forEach((c, i) => {
    if (c.name.toLowerCase() !== name) return;
    if (qualifier != null && c.qualifier !== qualifier) return;
    matches.push(i);
  });
  if (matches.length === 0) return -1;
  if (matches.length > 1) return 'ambiguous';
  return matches[0] ?? -1;
}

function bindColumn(parts: readonly string[], scope: ExprScope, pos: string): BoundExpr {
  // Longest prefix that names a column; the rest are struct fields.
  for (let take = Math.min(parts.length, 3); take >= 1; take--) {
    const head = parts.slice(0, take);
    if (take > 1 && take === parts.length) {
      // qualified name
    }
    const idx = resolveColumnIndex(head, scope.columns);
    if (idx === 'ambiguous') {
      throw new HiveBatchError('AMBIGUOUS_COLUMN', `${pos}Ambiguous column reference ${head.join('.')}`);
    }
    if (idx >= 0) {
      if (take === 1 && parts.length > 1 && resolveColumnIndex(parts.slice(0, 2), scope.columns) !== -1)
        continue;
      const col = scope.columns[idx] as PlanColumn;
      let e = inputRef(idx, col.type, head.join('.'));
      for (const f of parts.slice(take)) e = structField(e, f);
      return e;
    }
  }
  const name = parts.join('.');
  if (scope.columnError != null) throw scope.columnError(name);
  throw new HiveBatchError('COLUMN_NOT_FOUND', `${pos}Invalid table alias or column reference '${name}'`);
}

function structField(base: BoundExpr, field: string): BoundExpr {
  const t = base.type;
  if (t.kind === 'array' && t.element.kind === 'struct') {
    const inner = structField(inputRef(0, t.element, 'x'), field);
    const f = base.eval;
    return {
      type: { kind: 'array', element: inner.type },
      text: `${base.text}.${field}`,
      eval: (row) => {
        const a = f(row) as unknown[] | null;
        return a == null ? null : a.map((x) => inner.eval([x]));
      },
    };
  }
  if (t.kind !== 'struct') throw semantic(`Cannot access field ${field} of non-struct ${formatDataType(t)}`);
  const fi = t.fields.find((x) => x.name.toLowerCase() === field.toLowerCase());
  if (fi == null) throw semantic(`Struct has no field ${field}`);
  const f = base.eval;
  const key = fi.name;
  return {
    type: fi.type,
    text: `${base.text}.${field}`,
    eval: (row) => {
      const s = f(row) as Record<string, unknown> | null;
      return s == null ? null : (s[key] ?? null);
    },
  };
}

function numberLiteral(text: string, suffix: string): BoundExpr {
  switch (suffix) {
    case 'Y':
      return lit(castTo(Number(text), HiveTypes.double, HiveTypes.tinyint), HiveTypes.tinyint, text + 'Y');
    case 'S':
      return lit(castTo(Number(text), HiveTypes.double, HiveTypes.smallint), HiveTypes.smallint, text + 'S');
    case 'L':
      return lit(BigInt.asIntN(64, BigInt(text)), HiveTypes.bigint, text + 'L');
    case 'BD': {
      const d = new HiveDecimal(text);
      const digits = d.precision(true);
      const scale = Math.max(0, d.decimalPlaces());
      const type = { kind: 'decimal', precision: Math.max(digits, scale, 1), scale } as DataType;
      return lit(d, type, text + 'BD');
    }
    case 'D':
      return lit(Number(text), HiveTypes.double, text + 'D');
    default:
      break;
  }
  if (/^\d+$/.test(text)) {
    const b = BigInt(text);
    if (b <= 2147483647n) return lit(Number(b), HiveTypes.int, text);
    if (b <= 9223372036854775807n) return lit(b, HiveTypes.bigint, text);
  }
  return lit(Number(text), HiveTypes.double, text);
}

function isStringish(t: DataType): boolean {
  return t.kind === 'string' || t.kind === 'varchar' || t.kind === 'char';
}

function intWrap(kind: string, v: number): number {
  switch (kind) {
    case 'tinyint':
      return (v << 24) >> 24;
    case 'smallint':
      return (v << 16) >> 16;
    default:
      return v | 0;
  }
}

function arithmetic(
  op: '+' | '-' | '*' | '/' | '%' | 'div',
  [l, r]: readonly [BoundExpr, BoundExpr],
  text: string,
): BoundExpr {
  if (op === 'div') {
    const a = cast(l, HiveTypes.bigint);
    const b = cast(r, HiveTypes.bigint);
    return call([text, HiveTypes.bigint], [a, b], ([x, y]) =>
      x == null || y == null || y === 0n ? null : BigInt.asIntN(64, (x as bigint) / (y as bigint)),
    );
  }
  let t = commonNumericType(l.type, r.type);
  if (t == null)
    throw semantic(`Arithmetic ${op} on ${formatDataType(l.type)} and ${formatDataType(r.type)}`);
  if (op === '/' && t.kind !== 'decimal' && t.kind !== 'float') t = HiveTypes.double;
  if (op === '/' && t.kind === 'float') t = HiveTypes.double;
  if (t.kind === 'decimal') {
    const dl = decimalOperandType(l);
    const dr = decimalOperandType(r);
    const rt = decimalArithmeticResultType(op, dl, dr);
    const a = cast(l, dl);
    const b = cast(r, dr);
    return call([text, rt], [a, b], ([x, y]) => {
      if (x == null || y == null) return null;
      const dx = x as HiveDecimalValue;
      const dy = y as HiveDecimalValue;
      let v: HiveDecimalValue;
      switch (op) {
        case '+':
          v = dx.plus(dy);
          break;
        case '-':
          v = dx.minus(dy);
          break;
        case '*':
          v = dx.times(dy);
          break;
        case '/':
          if (dy.isZero()) return null;
          v = dx.div(dy);
          break;
        default:
          if (dy.isZero()) return null;
          v = dx.mod(dy);
      }
      return enforceDecimalType(v, rt.precision, rt.scale);
    });
  }
  const a = cast(l, t);
  const b = cast(r, t);
  const kind = t.kind;
  if (kind === 'bigint') {
    return call([text, t], [a, b], ([x, y]) => {
      if (x == null || y == null) return null;
      const bx = x as bigint;
      const by = y as bigint;
      switch (op) {
        case '+':
          return BigInt.asIntN(64, bx + by);
        case '-':
          return BigInt.asIntN(64, bx - by);
        case '*':
          return BigInt.asIntN(64, bx * by);
        default:
          return by === 0n ? null : bx % by;
      }
    });
  }
  const integral = kind === 'tinyint' || kind === 'smallint' || kind === 'int';
  const isFloat = kind === 'float';
  return call([text, t], [a, b], ([x, y]) => {
    if (x == null || y == null) return null;
    const nx = x as number;
    const ny = y as number;
    let v: number;
    switch (op) {
      case '+':
        v = nx + ny;
        break;
      case '-':
        v = nx - ny;
        break;
      case '*':
        v = integral ? Math.imul(nx, ny) : nx * ny;
        break;
      case '/':
        if (ny === 0) return null;
        v = nx / ny;
        break;
      default:
        if (ny === 0) return null;
        v = nx % ny;
    }
    if (integral) return intWrap(kind, v);
    return isFloat ? Math.fround(v) : v;
  });
}

/** Decimal type of an arithmetic operand; integral constants have their digit count as precision (as Hive's constant OIs). */
function decimalOperandType(e: BoundExpr): DecimalType {
  const t = e.type.kind === 'void' ? HiveTypes.tinyint : e.type;
  const v = e.constant?.value;
  if (v != null && (typeof v === 'number' || typeof v === 'bigint') && t.kind !== 'decimal') {
    const digits = (typeof v === 'bigint' ? (v < 0n ? -v : v) : Math.abs(v)).toString().length;
    return decimalType(Math.max(1, digits), 0);
  }
  return decimalTypeOf(t);
}

function comparisonType(a: DataType, b: DataType): DataType {
  const t = commonTypeForComparison(a, b);
  if (t != null) return t;
  if (a.kind === 'void') return b;
  if (b.kind === 'void') return a;
  return HiveTypes.double;
}

function compare(op: string, [l, r]: readonly [BoundExpr, BoundExpr], text: string): BoundExpr {
  const t = comparisonType(l.type, r.type);
  const a = cast(l, t);
  const b = cast(r, t);
  if (op === '<=>') {
    return call([text, HiveTypes.boolean], [a, b], ([x, y]) =>
      x == null || y == null ? x == null && y == null : compareValues(x, y) === 0,
    );
  }
  const test: (c: number) => boolean =
    op === '='
      ? (c) => c === 0
      : op === '<>'
        ? (c) => c !== 0
        : op === '<'
          ? (c) => c < 0
          : op === '<='
            ? (c) => c <= 0
            : op === '>'
              ? (c) => c > 0
              : (c) => c >= 0;
  return call([text, HiveTypes.boolean], [a, b], ([x, y]) => {
    if (x == null || y == null) return null;
    if (typeof x === 'number' && typeof y === 'number' && (Number.isNaN(x) || Number.isNaN(y))) {
      // Hive compares doubles with Java's Double.compareTo semantics in GenericUDFOP*: NaN = NaN.
      return test(compareValues(x, y));
    }
    return test(compareValues(x, y));
  });
}

function toBool(e: BoundExpr): BoundExpr {
  return e.type.kind === 'boolean' || e.type.kind === 'void' ? e : cast(e, HiveTypes.boolean);
}

function likeToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\' && i + 1 < pattern.length) {
      re += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$', 's');
}

function posText(e: { pos: { line: number; column: number } }): string {
  return `Line ${e.pos.line}:${e.pos.column - 1} `;
}

/** Binds an expression in a scope. */
export function bindExpr(ast: Expression, scope: ExprScope): BoundExpr {
  const replaced = scope.replace?.(ast);
  if (replaced != null) return replaced;
  const b = (x: Expression): BoundExpr => bindExpr(x, scope);
  switch (ast.kind) {
    case 'null':
      return lit(null, HiveTypes.void, 'NULL');
    case 'boolean':
      return lit(ast.value, HiveTypes.boolean, ast.value ? 'true' : 'false');
    case 'string':
      return lit(ast.value, HiveTypes.string, `'${ast.value}'`);
    case 'number':
      return numberLiteral(ast.text, ast.suffix);
    case 'typedLiteral':
      return ast.type === 'date'
        ? lit(parseDate(ast.value), HiveTypes.date, `DATE '${ast.value}'`)
        : lit(parseTimestamp(ast.value), HiveTypes.timestamp, `TIMESTAMP '${ast.value}'`);
    case 'column':
      return bindColumn(ast.parts, scope, posText(ast));
    case 'star':
      throw semantic(`${posText(ast)}'*' is not allowed here`);
    case 'unary': {
      const o = b(ast.operand);
      switch (ast.op) {
        case 'not': {
          const x = toBool(o);
          return call([`NOT ${x.text}`, HiveTypes.boolean], [x], ([v]) =>
            v == null ? null : !(v as boolean),
          );
        }
        case '+':
          return o;
        case '-': {
          const zero = lit(0, HiveTypes.tinyint, '0');
          if (o.type.kind === 'decimal') {
            return call([`-${o.text}`, o.type], [o], ([v]) =>
              v == null ? null : (v as HiveDecimalValue).neg(),
            );
          }
          if (isStringish(o.type)) return arithmetic('-', [zero, cast(o, HiveTypes.double)], `-${o.text}`);
          if (o.type.kind === 'bigint')
            return call([`-${o.text}`, o.type], [o], ([v]) =>
              v == null ? null : BigInt.asIntN(64, -(v as bigint)),
            );
          const k = o.type.kind;
          return call([`-${o.text}`, o.type], [o], ([v]) =>
            v == null ? null : k === 'double' || k === 'float' ? -(v as number) : intWrap(k, -(v as number)),
          );
        }
        default: {
          const x = cast(o, o.type.kind === 'bigint' ? HiveTypes.bigint : HiveTypes.int);
          return call([`~${x.text}`, x.type], [x], ([v]) =>
            v == null ? null : typeof v === 'bigint' ? ~v : ~(v as number),
          );
        }
      }
    }
    case 'binary': {
      const text = `(${formatAst(ast.left)} ${ast.op.toUpperCase()} ${formatAst(ast.right)})`;
      if (ast.op === 'and' || ast.op === 'or') {
        const l = toBool(b(ast.left));
        const r = toBool(b(ast.right));
        const isAnd = ast.op === 'and';
        const fl = l.eval;
        const fr = r.eval;
        const e: BoundExpr = {
          type: HiveTypes.boolean,
          text,
          eval: (row) => {
            const x = fl(row);
            if (isAnd ? x === false : x === true) return x;
            const y = fr(row);
            if (isAnd ? y === false : y === true) return y;
            return x == null || y == null ? null : isAnd;
          },
        };
        return l.constant != null && r.constant != null ? lit(e.eval([]), HiveTypes.boolean, text) : e;
      }
      const l = b(ast.left);
      const r = b(ast.right);
      switch (ast.op) {
        case '=':
        case '<>':
        case '<=>':
        case '<':
        case '<=':
        case '>':
        case '>=':
          return compare(ast.op, [l, r], text);
        case '+':
        case '-':
        case '*':
        case '/':
        case '%':
        case 'div':
          return arithmetic(ast.op, [l, r], text);
        case '||':
          return scalarCall(scope.functions, 'concat', { args: [l, r], text });
        default: {
          const t = commonNumericType(l.type, r.type) ?? HiveTypes.bigint;
          const a = cast(l, t);
          const c = cast(r, t);
          const op = ast.op;
          return call([text, t], [a, c], ([x, y]) => {
            if (x == null || y == null) return null;
            if (typeof x === 'bigint') {
              const yy = y as bigint;
              return op === '&' ? x & yy : op === '|' ? x | yy : x ^ yy;
            }
            const xx = x as number;
            const yy = y as number;
            return op === '&' ? xx & yy : op === '|' ? xx | yy : xx ^ yy;
          });
        }
      }
    }
    case 'is': {
      const o = b(ast.operand);
      const neg = ast.negated;
      const test = ast.test;
      return call(
        [`${o.text} IS ${neg ? 'NOT ' : ''}${test.toUpperCase()}`, HiveTypes.boolean],
        [o],
        ([v]) => {
          const r = test === 'null' ? v == null : test === 'true' ? v === true : v === false;
          return neg ? !r : r;
        },
      );
    }
    case 'between': {
      const o = b(ast.operand);
      const lo = b(ast.low);
      const hi = b(ast.high);
      const t = comparisonType(comparisonType(o.type, lo.type), hi.type);
      const neg = ast.negated;
      return call(
        [`${o.text} BETWEEN ${lo.text} AND ${hi.text}`, HiveTypes.boolean],
        [cast(o, t), cast(lo, t), cast(hi, t)],
        ([v, x, y]) => {
          if (v == null || x == null || y == null) return null;
          const r = compareValues(v, x) >= 0 && compareValues(v, y) <= 0;
          return neg ? !r : r;
        },
      );
    }
    case 'inList': {
      const o = b(ast.operand);
      const items = ast.list.map(b);
      let t = o.type;
      for (const it of items) t = comparisonType(t, it.type);
      const neg = ast.negated;
      return call(
        [`${o.text} IN (${items.map((i) => i.text).join(', ')})`, HiveTypes.boolean],
        [cast(o, t), ...items.map((i) => cast(i, t))],
        ([v, ...list]) => {
          if (v == null) return null;
          let sawNull = false;
          for (const x of list) {
            if (x == null) sawNull = true;
            else if (compareValues(v, x) === 0) return !neg;
          }
          return sawNull ? null : neg;
        },
      );
    }
    case 'like': {
      const o = cast(b(ast.operand), HiveTypes.string);
      const p = cast(b(ast.pattern), HiveTypes.string);
      const neg = ast.negated;
      const isLike = ast.op === 'like';
      let cached: [string, RegExp] | null = null;
      return call([`${o.text} ${ast.op.toUpperCase()} ${p.text}`, HiveTypes.boolean], [o, p], ([s, pat]) => {
        if (s == null || pat == null) return null;
        if (cached?.[0] !== pat)
          cached = [pat as string, isLike ? likeToRegExp(pat as string) : new RegExp(pat as string)];
        const r = cached[1].test(s as string);
        return neg ? !r : r;
      });
    }
    case 'case': {
      const operand = ast.operand != null ? b(ast.operand) : null;
      const whens = ast.whens.map((w) => ({ when: b(w.when), then: b(w.then) }));
      const els = ast.else != null ? b(ast.else) : lit(null, HiveTypes.void, 'NULL');
      let t: DataType = HiveTypes.void;
      for (const x of [...whens.map((w) => w.then), els]) {
        const c = commonTypeForUnion(t, x.type);
        if (c == null)
          throw semantic(
            `CASE branches have incompatible types ${formatDataType(t)} and ${formatDataType(x.type)}`,
          );
        t = c;
      }
      const thens = whens.map((w) => cast(w.then, t).eval);
      const elseF = cast(els, t).eval;
      let conds: ((row: readonly unknown[]) => unknown)[];
      if (operand != null) {
        conds = whens.map((w) => {
          const ct = comparisonType(operand.type, w.when.type);
          const a = cast(operand, ct).eval;
          const c = cast(w.when, ct).eval;
          return (row: readonly unknown[]) => {
            const x = a(row);
            const y = c(row);
            return x != null && y != null && compareValues(x, y) === 0;
          };
        });
      } else conds = whens.map((w) => toBool(w.when).eval);
      return {
        type: t,
        text: `CASE ${whens.map((w) => `WHEN ${w.when.text} THEN ${w.then.text}`).join(' ')} ELSE ${els.text} END`,
        eval: (row) => {
          for (let i = 0; i < conds.length; i++) {
            if ((conds[i] as (r: readonly unknown[]) => unknown)(row) === true)
              return (thens[i] as (r: readonly unknown[]) => unknown)(row);
          }
          return elseF(row);
        },
      };
    }
    case 'cast': {
      const o = b(ast.operand);
      const c = cast(o, ast.type);
      return c === o ? o : { ...c, text: `CAST(${o.text} AS ${formatDataType(ast.type)})` };
    }
    case 'call':
      return bindCall(ast, scope);
    case 'index': {
      const base = b(ast.base);
      const idx = b(ast.index);
      if (base.type.kind === 'array') {
        const i = cast(idx, HiveTypes.int);
        return call([`${base.text}[${i.text}]`, base.type.element], [base, i], ([a, n]) =>
          a == null || n == null ? null : ((a as unknown[])[n as number] ?? null),
        );
      }
      if (base.type.kind === 'map') {
        const k = cast(idx, base.type.key);
        return call([`${base.text}[${k.text}]`, base.type.value], [base, k], ([m, key]) => {
          if (m == null || key == null) return null;
          for (const [mk, mv] of m as Map<unknown, unknown>) if (compareValues(mk, key) === 0) return mv;
          return null;
        });
      }
      throw semantic(`${posText(ast)}[] applies to arrays and maps, not ${formatDataType(base.type)}`);
    }
    case 'field':
      return structField(b(ast.base), ast.field);
    case 'interval':
    case 'inSubquery':
    case 'exists':
    case 'scalarSubquery':
    case 'row':
      throw new HiveBatchError(
        'NOT_IMPLEMENTED',
        `${posText(ast)}${ast.kind} expressions are not supported yet`,
      );
  }
}

/** A scalar function call over bound arguments, with implicit casts. */
export function scalarCall(
  functions: ScalarFunctionResolver,
  name: string,
  { args, text }: { readonly args: readonly BoundExpr[]; readonly text?: string },
): BoundExpr {
  const def = functions.lookup(name);
  if (def == null) throw new HiveBatchError('UNKNOWN_FUNCTION', `Invalid function ${name}`);
  const resolved = def.resolve({
    argumentTypes: args.map((a) => a.type),
    constantArguments: args.map((a) => a.constant?.value),
  });
  const cargs = args.map((a, i) => {
    const t = resolved.inputTypes[i];
    return t == null || t.kind === 'void' ? a : cast(a, t);
  });
  return call(
    [
      text ?? `${name}(${args.map((a) => a.text).join(', ')})`,
      resolved.resultType,
      resolved.deterministic !== false,
    ],
    cargs,
    (vals) => resolved.evaluate(vals),
  );
}

function bindCall(ast: FunctionCall, scope: ExprScope): BoundExpr {
  const name = (ast.name[ast.name.length - 1] ?? '').toLowerCase();
  if (ast.over != null)
    throw new HiveBatchError(
      'NOT_IMPLEMENTED',
      `${posText(ast)}Window functions are not supported yet (${name} OVER …)`,
    );
  if (scope.isAggregate(name)) {
    throw semantic(`${posText(ast)}Aggregate function ${name} is not allowed here`);
  }
  if (scope.functions.lookup(name) == null)
    throw new HiveBatchError('UNKNOWN_FUNCTION', `${posText(ast)}Invalid function ${name}`);
  const args = ast.args.map((a) => bindExpr(a, scope));
  return scalarCall(scope.functions, name, { args, text: `${name}(${args.map((a) => a.text).join(', ')})` });
}

/** A canonical key of an expression AST (positions dropped, names lower-cased), for matching GROUP BY keys. */
export function astKey(ast: unknown, columns?: readonly PlanColumn[]): string {
  return JSON.stringify(ast, (k, v: unknown) => {
    if (k === 'pos') return undefined;
    if (columns != null && v != null && typeof v === 'object' && (v as { kind?: string }).kind === 'column') {
      const parts = (v as { parts: string[] }).parts;
      const idx = resolveColumnIndex(parts, columns);
      if (typeof idx === 'number' && idx >= 0) return { col: idx };
    }
    if (typeof v === 'string' && (k === 'parts' || k === 'name')) return v.toLowerCase();
    if (Array.isArray(v) && k === 'parts')
      return v.map((x: unknown) => (typeof x === 'string' ? x.toLowerCase() : x));
    if (Array.isArray(v) && k === 'name')
      return v.map((x: unknown) => (typeof x === 'string' ? x.toLowerCase() : x));
    return v;
  });
}

/** Short readable text of an AST expression (for plan text and `_c` naming diagnostics). */
export function formatAst(ast: Expression): string {
  switch (ast.kind) {
    case 'column':
      return ast.parts.join('.');
    case 'number':
      return ast.text;
    case 'string':
      return `'${ast.value}'`;
    case 'call':
      return `${ast.name.join('.')}(${ast.distinct ? 'DISTINCT ' : ''}${ast.star ? '*' : ast.args.map(formatAst).join(', ')})`;
    case 'binary':
      return `(${formatAst(ast.left)} ${ast.op} ${formatAst(ast.right)})`;
    default:
      return ast.kind;
  }
}
