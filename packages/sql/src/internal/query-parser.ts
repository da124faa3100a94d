// Expressions and queries. They live in one file because each contains the other (subqueries in
// expressions, expressions in queries) and the package keeps its module graph acyclic.
import type {
  BinaryOperator,
  CommonTableExpr,
  Expression,
  FrameBound,
  FromItem,
  FunctionCall,
  GroupBy,
  IntervalUnit,
  JoinType,
  NamedWindow,
  OrderItem,
  Query,
  QueryBody,
  SelectCore,
  SelectItem,
  SourcePosition,
  TableName,
  TableRef,
  TableSample,
  WhenClause,
  WindowFrame,
  WindowSpec,
} from '../ast';
import { FUNCTION_KEYWORDS, RESERVED } from './token-cursor';
import type { TokenCursor } from './token-cursor';
import { parseType } from './type-parser';

const EXPR = 'expression';

// ---------------------------------------------------------------------------------------------
// Expressions, loosest to tightest binding (Hive 3.1's IdentifiersParser precedence).

/** Parses one expression. */
export function parseExpression(c: TokenCursor): Expression {
  c.enter(EXPR);
  try {
    return parseOr(c);
  } finally {
    c.leave();
  }
}

function binary(op: BinaryOperator, left: Expression, right: Expression): Expression {
  return { kind: 'binary', pos: left.pos, op, left, right };
}

function parseOr(c: TokenCursor): Expression {
  let left = parseAnd(c);
  while (c.acceptWord('OR')) left = binary('or', left, parseAnd(c));
  return left;
}

function parseAnd(c: TokenCursor): Expression {
  let left = parseNot(c);
  while (c.acceptWord('AND')) left = binary('and', left, parseNot(c));
  return left;
}

function isNot(c: TokenCursor): boolean {
  return c.isWord('NOT') || c.isOp('!');
}

function parseNot(c: TokenCursor): Expression {
  const nots: SourcePosition[] = [];
  while (isNot(c)) {
    nots.push(c.pos);
    c.next();
    c.enter(EXPR);
  }
  let e = parseEquality(c);
  for (let k = nots.length - 1; k >= 0; k--) {
    c.leave();
    e = { kind: 'unary', pos: nots[k] ?? e.pos, op: 'not', operand: e };
  }
  return e;
}

const EQUALITY_OPS: Readonly<Record<string, BinaryOperator>> = {
  '=': '=',
  '==': '=',
  '<=>': '<=>',
  '<>': '<>',
  '!=': '<>',
};

// `IS [NOT] DISTINCT FROM` (Hive 3) sits with the equality operators; Hive rewrites it to `<=>`.
function isDistinctFrom(c: TokenCursor): 'distinct' | 'notDistinct' | null {
  if (c.isWords('IS', 'DISTINCT', 'FROM')) return 'distinct';
  if (c.isWords('IS', 'NOT', 'DISTINCT', 'FROM')) return 'notDistinct';
  return null;
}

function parseEquality(c: TokenCursor): Expression {
  let left = parseSimilar(c);
  for (;;) {
    const distinct = isDistinctFrom(c);
    if (distinct != null) {
      c.index += distinct === 'distinct' ? 3 : 4;
      const same = binary('<=>', left, parseSimilar(c));
      left = distinct === 'distinct' ? { kind: 'unary', pos: left.pos, op: 'not', operand: same } : same;
      continue;
    }
    const t = c.peek();
    const op = t.type === 'op' ? EQUALITY_OPS[t.value] : undefined;
    if (op == null) return left;
    c.next();
    left = binary(op, left, parseSimilar(c));
  }
}

const COMPARISON_OPS: Readonly<Record<string, BinaryOperator>> = {
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

function likeOp(c: TokenCursor, ahead: number): 'like' | 'rlike' | 'regexp' | null {
  if (c.isWord('LIKE', ahead)) return 'like';
  if (c.isWord('RLIKE', ahead)) return 'rlike';
  if (c.isWord('REGEXP', ahead)) return 'regexp';
  return null;
}

function parseSimilar(c: TokenCursor): Expression {
  let left = parseBitOr(c);
  for (;;) {
    const t = c.peek();
    const cmp = t.type === 'op' ? COMPARISON_OPS[t.value] : undefined;
    if (cmp != null) {
      c.next();
      left = binary(cmp, left, parseBitOr(c));
      continue;
    }
    // `NOT` here only negates LIKE/IN/BETWEEN; otherwise it belongs to an outer rule.
    const negated = c.isWord('NOT') && (likeOp(c, 1) != null || c.isWord('IN', 1) || c.isWord('BETWEEN', 1));
    const k = negated ? 1 : 0;
    const like = likeOp(c, k);
    if (like != null) {
      c.index += k + 1;
      if (like === 'like' && (c.isWord('ANY') || c.isWord('ALL')) && c.isOp('(', 1)) {
        // Hive 3 rewrites `x LIKE ANY|ALL (p, …)` to likeany/likeall(x, p, …).
        const name = c.next().value === 'ANY' ? 'likeany' : 'likeall';
        c.expectOp('(', 'LIKE ANY/ALL');
        const patterns = parseExpressionList(c);
        c.expectOp(')', 'LIKE ANY/ALL');
        const fn = call([name], left.pos, [left, ...patterns]);
        left = negated ? { kind: 'unary', pos: left.pos, op: 'not', operand: fn } : fn;
        continue;
      }
      left = { kind: 'like', pos: left.pos, op: like, operand: left, pattern: parseBitOr(c), negated };
      continue;
    }
    if (c.isWord('IN', k)) {
      c.index += k + 1;
      left = parseInTail(c, left, negated);
      continue;
    }
    if (c.isWord('BETWEEN', k)) {
      c.index += k + 1;
      const low = parseBitOr(c);
      c.expectWord('AND', 'between expression');
      const high = parseBitOr(c);
      left = { kind: 'between', pos: left.pos, operand: left, low, high, negated };
      continue;
    }
    return left;
  }
}

function startsQuery(c: TokenCursor, ahead = 0): boolean {
  return c.isWord('SELECT', ahead) || c.isWord('WITH', ahead) || c.isWord('FROM', ahead);
}

function parseInTail(c: TokenCursor, operand: Expression, negated: boolean): Expression {
  c.expectOp('(', 'IN expression');
  if (startsQuery(c)) {
    const query = parseQuery(c);
    c.expectOp(')', 'IN subquery');
    return { kind: 'inSubquery', pos: operand.pos, operand, query, negated };
  }
  const list = parseExpressionList(c);
  c.expectOp(')', 'IN list');
  return { kind: 'inList', pos: operand.pos, operand, list, negated };
}

/** `e (, e)*`. */
export function parseExpressionList(c: TokenCursor): Expression[] {
  const list = [parseExpression(c)];
  while (c.acceptOp(',')) list.push(parseExpression(c));
  return list;
}

function leftAssoc(
  c: TokenCursor,
  ops: Readonly<Record<string, BinaryOperator>>,
  operand: (c: TokenCursor) => Expression,
): Expression {
  let left = operand(c);
  for (;;) {
    const t = c.peek();
    const op = t.type === 'op' || (t.type === 'word' && t.value === 'DIV') ? ops[t.value] : undefined;
    if (op == null) return left;
    c.next();
    left = binary(op, left, operand(c));
  }
}

function parseBitOr(c: TokenCursor): Expression {
  return leftAssoc(c, { '|': '|' }, parseBitAnd);
}
function parseBitAnd(c: TokenCursor): Expression {
  return leftAssoc(c, { '&': '&' }, parseConcat);
}
function parseConcat(c: TokenCursor): Expression {
  return leftAssoc(c, { '||': '||' }, parsePlus);
}
function parsePlus(c: TokenCursor): Expression {
  return leftAssoc(c, { '+': '+', '-': '-' }, parseStar);
}
function parseStar(c: TokenCursor): Expression {
  return leftAssoc(c, { '*': '*', '/': '/', '%': '%', DIV: 'div' }, parseXor);
}
function parseXor(c: TokenCursor): Expression {
  return leftAssoc(c, { '^': '^' }, parseIsSuffix);
}

// Hive 3 binds `IS [NOT] NULL` tighter than any binary operator: `a + b IS NULL` is `a + (b IS NULL)`.
function parseIsSuffix(c: TokenCursor): Expression {
  let e = parseUnary(c);
  while (c.isWord('IS') && isDistinctFrom(c) == null) {
    const negated = c.isWord('NOT', 1);
    const k = negated ? 2 : 1;
    const test = c.isWord('NULL', k)
      ? 'null'
      : c.isWord('TRUE', k)
        ? 'true'
        : c.isWord('FALSE', k)
          ? 'false'
          : null;
    if (test == null) {
      c.index += k;
      return c.fail('IS expression', 'NULL, TRUE or FALSE');
    }
    c.index += k + 1;
    e = { kind: 'is', pos: e.pos, operand: e, test, negated };
  }
  return e;
}

function parseUnary(c: TokenCursor): Expression {
  const t = c.peek();
  if (t.type === 'op' && (t.value === '-' || t.value === '+' || t.value === '~')) {
    c.next();
    c.enter(EXPR);
    try {
      return { kind: 'unary', pos: t.pos, op: t.value, operand: parseUnary(c) };
    } finally {
      c.leave();
    }
  }
  return parsePostfix(c);
}

function parsePostfix(c: TokenCursor): Expression {
  let e = parsePrimary(c);
  for (;;) {
    if (c.isOp('[')) {
      c.next();
      const index = parseExpression(c);
      c.expectOp(']', 'index expression');
      e = { kind: 'index', pos: e.pos, base: e, index };
      continue;
    }
    if (c.isOp('.')) {
      c.next();
      if (c.isOp('*') && e.kind === 'column') {
        c.next();
        return { kind: 'star', pos: e.pos, qualifier: e.parts };
      }
      const name = c.anyName('field access');
      if (e.kind === 'column') {
        e = c.isOp('(')
          ? parseCall(c, [...e.parts, name], e.pos)
          : { kind: 'column', pos: e.pos, parts: [...e.parts, name] };
      } else {
        e = { kind: 'field', pos: e.pos, base: e, field: name };
      }
      continue;
    }
    return e;
  }
}

const INTERVAL_UNITS: Readonly<Record<string, IntervalUnit>> = {
  YEAR: 'year',
  YEARS: 'year',
  MONTH: 'month',
  MONTHS: 'month',
  DAY: 'day',
  DAYS: 'day',
  HOUR: 'hour',
  HOURS: 'hour',
  MINUTE: 'minute',
  MINUTES: 'minute',
  SECOND: 'second',
  SECONDS: 'second',
};

function parsePrimary(c: TokenCursor): Expression {
  const t = c.peek();
  const pos = t.pos;
  switch (t.type) {
    case 'number':
      c.next();
      return { kind: 'number', pos, text: t.value, suffix: t.suffix };
    case 'string':
      return { kind: 'string', pos, value: c.string(EXPR) };
    case 'quotedIdent':
      c.next();
      if (c.isOp('(')) return parseCall(c, [t.value], pos);
      return { kind: 'column', pos, parts: [t.value] };
    case 'op':
      if (t.value === '(') return parseParenthesised(c);
      if (t.value === '*') {
        c.next();
        return { kind: 'star', pos, qualifier: [] };
      }
      return c.fail(EXPR, 'an expression');
    case 'eof':
      return c.fail(EXPR, 'an expression');
    case 'word':
      break;
  }
  const w = t.value;
  switch (w) {
    case 'NULL':
      c.next();
      return { kind: 'null', pos };
    case 'TRUE':
    case 'FALSE':
      c.next();
      return { kind: 'boolean', pos, value: w === 'TRUE' };
    case 'CASE':
      return parseCase(c);
    case 'CAST': {
      c.next();
      c.expectOp('(', 'CAST');
      const operand = parseExpression(c);
      c.expectWord('AS', 'CAST');
      const type = parseType(c);
      c.expectOp(')', 'CAST');
      return { kind: 'cast', pos, operand, type };
    }
    case 'EXISTS':
      if (c.isOp('(', 1)) {
        c.next();
        c.next();
        const query = parseQuery(c);
        c.expectOp(')', 'EXISTS subquery');
        return { kind: 'exists', pos, query };
      }
      break;
    case 'INTERVAL':
      return parseInterval(c);
    case 'DATE':
    case 'TIMESTAMP':
      if (c.peek(1).type === 'string') {
        c.next();
        return {
          kind: 'typedLiteral',
          pos,
          type: w === 'DATE' ? 'date' : 'timestamp',
          value: c.string(EXPR),
        };
      }
      break;
    case 'EXTRACT':
      if (c.isOp('(', 1)) return parseExtract(c);
      break;
    case 'FLOOR':
      if (c.isOp('(', 1)) return parseFloor(c);
      break;
    case 'CURRENT_DATE':
    case 'CURRENT_TIMESTAMP':
      if (!c.isOp('(', 1)) {
        c.next();
        return call([t.text.toLowerCase()], pos, []);
      }
      break;
    default:
      break;
  }
  if (c.isOp('(', 1) && (!RESERVED.has(w) || FUNCTION_KEYWORDS.has(w))) {
    c.next();
    return parseCall(c, [t.text], pos);
  }
  if (!RESERVED.has(w)) {
    c.next();
    return { kind: 'column', pos, parts: [t.text] };
  }
  return c.fail(EXPR, 'an expression');
}

function call(name: readonly string[], pos: SourcePosition, args: readonly Expression[]): FunctionCall {
  return { kind: 'call', pos, name, args, distinct: false, star: false, withinGroup: null, over: null };
}

// Hive's timeQualifiers; EXTRACT(u FROM x) is the function named here, FLOOR(x TO u) is floor_<u>.
const EXTRACT_UNITS: Readonly<Record<string, string>> = {
  YEAR: 'year',
  YEARS: 'year',
  QUARTER: 'quarter',
  MONTH: 'month',
  MONTHS: 'month',
  WEEK: 'weekofyear',
  WEEKS: 'weekofyear',
  DAY: 'day',
  DAYS: 'day',
  DAYOFWEEK: 'dayofweek',
  HOUR: 'hour',
  HOURS: 'hour',
  MINUTE: 'minute',
  MINUTES: 'minute',
  SECOND: 'second',
  SECONDS: 'second',
};

function timeUnit(c: TokenCursor, context: string): string {
  const t = c.peek();
  const unit = t.type === 'word' ? EXTRACT_UNITS[t.value] : undefined;
  if (unit == null)
    return c.fail(context, 'a time unit (YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND)');
  c.next();
  return unit;
}

function parseExtract(c: TokenCursor): Expression {
  const pos = c.next().pos;
  c.expectOp('(', 'EXTRACT');
  const unit = timeUnit(c, 'EXTRACT');
  c.expectWord('FROM', 'EXTRACT');
  const arg = parseExpression(c);
  c.expectOp(')', 'EXTRACT');
  return call([unit], pos, [arg]);
}

function parseFloor(c: TokenCursor): Expression {
  const t = c.next();
  c.expectOp('(', 'FLOOR');
  const arg = parseExpression(c);
  if (c.acceptWord('TO')) {
    if (c.isWord('DAYOFWEEK'))
      return c.fail('FLOOR', 'YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE or SECOND');
    const unit = timeUnit(c, 'FLOOR');
    c.expectOp(')', 'FLOOR');
    // Hive names the weekly floor floor_week, not floor_weekofyear.
    return call([`floor_${unit === 'weekofyear' ? 'week' : unit}`], t.pos, [arg]);
  }
  c.expectOp(')', 'FLOOR');
  return call([t.text], t.pos, [arg]);
}

function parseParenthesised(c: TokenCursor): Expression {
  const pos = c.pos;
  c.expectOp('(', EXPR);
  if (startsQuery(c)) {
    const query = parseQuery(c);
    c.expectOp(')', 'subquery');
    return { kind: 'scalarSubquery', pos, query };
  }
  const first = parseExpression(c);
  if (c.acceptOp(',')) {
    const items = [first, ...parseExpressionList(c)];
    c.expectOp(')', 'row expression');
    return { kind: 'row', pos, items };
  }
  c.expectOp(')', EXPR);
  return first;
}

function parseCase(c: TokenCursor): Expression {
  const pos = c.pos;
  c.expectWord('CASE', 'CASE');
  const operand = c.isWord('WHEN') ? null : parseExpression(c);
  const whens: WhenClause[] = [];
  while (c.isWord('WHEN')) {
    const at = c.next().pos;
    const when = parseExpression(c);
    c.expectWord('THEN', 'CASE');
    whens.push({ pos: at, when, then: parseExpression(c) });
  }
  if (whens.length === 0) c.fail('CASE', 'WHEN');
  const otherwise = c.acceptWord('ELSE') ? parseExpression(c) : null;
  c.expectWord('END', 'CASE');
  return { kind: 'case', pos, operand, whens, else: otherwise };
}

function parseInterval(c: TokenCursor): Expression {
  const pos = c.pos;
  c.expectWord('INTERVAL', 'INTERVAL');
  let value: Expression;
  if (c.isOp('(')) {
    c.next();
    value = parseExpression(c);
    c.expectOp(')', 'INTERVAL');
  } else {
    const t = c.peek();
    if (t.type === 'string') value = { kind: 'string', pos: t.pos, value: c.string('INTERVAL') };
    else if (t.type === 'number') {
      c.next();
      value = { kind: 'number', pos: t.pos, text: t.value, suffix: t.suffix };
    } else return c.fail('INTERVAL', 'a string or number');
  }
  const u = c.peek();
  const unit = u.type === 'word' ? INTERVAL_UNITS[u.value] : undefined;
  if (unit == null) return c.fail('INTERVAL', 'an interval unit');
  c.next();
  if (unit === 'year' && c.acceptWord('TO')) {
    c.expectWord('MONTH', 'INTERVAL');
    return { kind: 'interval', pos, value, unit: 'year_to_month' };
  }
  if (unit === 'day' && c.acceptWord('TO')) {
    c.expectWord('SECOND', 'INTERVAL');
    return { kind: 'interval', pos, value, unit: 'day_to_second' };
  }
  return { kind: 'interval', pos, value, unit };
}

/** Parses `(args) [WITHIN GROUP (ORDER BY …)] [OVER …]` after the function name. */
function parseCall(c: TokenCursor, name: readonly string[], pos: SourcePosition): FunctionCall {
  const context = `call to ${name.join('.')}`;
  c.expectOp('(', context);
  let star = false;
  let distinct = false;
  let args: Expression[] = [];
  if (c.isOp('*') && c.isOp(')', 1)) {
    c.next();
    star = true;
  } else if (!c.isOp(')')) {
    if (c.acceptWord('DISTINCT')) distinct = true;
    else c.acceptWord('ALL');
    args = parseExpressionList(c);
  }
  c.expectOp(')', context);
  let withinGroup: OrderItem[] | null = null;
  if (c.acceptWords('WITHIN', 'GROUP')) {
    c.expectOp('(', 'WITHIN GROUP');
    c.expectWords('WITHIN GROUP', 'ORDER', 'BY');
    withinGroup = parseOrderItems(c);
    c.expectOp(')', 'WITHIN GROUP');
  }
  let over: WindowSpec | null = null;
  if (c.isWord('OVER')) {
    const overPos = c.next().pos;
    if (c.isOp('(')) over = parseWindowSpec(c);
    else {
      over = { pos: overPos, baseName: c.identifier('OVER'), partitionBy: [], orderBy: [], frame: null };
    }
  }
  return { kind: 'call', pos, name, args, distinct, star, withinGroup, over };
}

/** `expr [ASC|DESC] [NULLS FIRST|LAST] (, …)*`. */
export function parseOrderItems(c: TokenCursor): OrderItem[] {
  const items: OrderItem[] = [];
  do {
    const at = c.pos;
    const expr = parseExpression(c);
    const direction = c.acceptWord('ASC') ? 'asc' : c.acceptWord('DESC') ? 'desc' : null;
    let nulls: 'first' | 'last' | null = null;
    if (c.acceptWord('NULLS')) {
      if (c.acceptWord('FIRST')) nulls = 'first';
      else if (c.acceptWord('LAST')) nulls = 'last';
      else c.fail('order by', 'FIRST or LAST');
    }
    items.push({ pos: at, expr, direction, nulls });
  } while (c.acceptOp(','));
  return items;
}

function parseWindowSpec(c: TokenCursor): WindowSpec {
  const pos = c.pos;
  c.expectOp('(', 'window specification');
  let baseName: string | null = null;
  if (
    c.isIdentifier() &&
    !c.isWords('DISTRIBUTE', 'BY') &&
    !c.isWords('SORT', 'BY') &&
    !c.isWord('PARTITION') &&
    !c.isWord('ORDER')
  ) {
    baseName = c.identifier('window specification');
  }
  let partitionBy: Expression[] = [];
  if (c.acceptWords('PARTITION', 'BY') || c.acceptWords('DISTRIBUTE', 'BY'))
    partitionBy = parseExpressionList(c);
  let orderBy: OrderItem[] = [];
  if (c.acceptWords('ORDER', 'BY') || c.acceptWords('SORT', 'BY')) orderBy = parseOrderItems(c);
  let frame: WindowFrame | null = null;
  if (c.isWord('ROWS') || c.isWord('RANGE')) {
    const unitToken = c.next();
    const unit = unitToken.value === 'ROWS' ? 'rows' : 'range';
    if (c.acceptWord('BETWEEN')) {
      const start = parseFrameBound(c);
      c.expectWord('AND', 'window frame');
      frame = { pos: unitToken.pos, unit, start, end: parseFrameBound(c) };
    } else {
      frame = { pos: unitToken.pos, unit, start: parseFrameBound(c), end: null };
    }
  }
  c.expectOp(')', 'window specification');
  return { pos, baseName, partitionBy, orderBy, frame };
}

function parseFrameBound(c: TokenCursor): FrameBound {
  const pos = c.pos;
  if (c.acceptWord('UNBOUNDED')) {
    if (c.acceptWord('PRECEDING')) return { pos, kind: 'unboundedPreceding', offset: null };
    if (c.acceptWord('FOLLOWING')) return { pos, kind: 'unboundedFollowing', offset: null };
    return c.fail('window frame', 'PRECEDING or FOLLOWING');
  }
  if (c.acceptWords('CURRENT', 'ROW')) return { pos, kind: 'currentRow', offset: null };
  const offset = parsePlus(c);
  if (c.acceptWord('PRECEDING')) return { pos, kind: 'preceding', offset };
  if (c.acceptWord('FOLLOWING')) return { pos, kind: 'following', offset };
  return c.fail('window frame', 'PRECEDING or FOLLOWING');
}

// ---------------------------------------------------------------------------------------------
// Queries

/** `[db.]table`. */
export function parseTableName(c: TokenCursor, context: string): TableName {
  const pos = c.pos;
  const first = c.identifier(context);
  if (c.acceptOp('.')) return { kind: 'tableName', pos, database: first, table: c.identifier(context) };
  return { kind: 'tableName', pos, database: null, table: first };
}

/** `WITH a AS (q), …` (the WITH keyword included); empty when there is none. */
export function parseWith(c: TokenCursor): CommonTableExpr[] {
  const ctes: CommonTableExpr[] = [];
  if (!c.acceptWord('WITH')) return ctes;
  do {
    const pos = c.pos;
    const name = c.identifier('WITH clause');
    c.expectWord('AS', 'WITH clause');
    c.expectOp('(', 'WITH clause');
    const query = parseQuery(c);
    c.expectOp(')', 'WITH clause');
    ctes.push({ pos, name, query });
  } while (c.acceptOp(','));
  return ctes;
}

/** A full query: `[WITH …] body [ORDER BY …] [CLUSTER|DISTRIBUTE|SORT BY …] [LIMIT …]`. */
export function parseQuery(c: TokenCursor): Query {
  const pos = c.pos;
  c.enter('query');
  try {
    const ctes = parseWith(c);
    return parseQueryRest(c, ctes, pos);
  } finally {
    c.leave();
  }
}

/** The query after its WITH clause (already parsed by the caller). */
export function parseQueryRest(c: TokenCursor, ctes: readonly CommonTableExpr[], pos: SourcePosition): Query {
  let body = parseQueryTerm(c);
  for (;;) {
    const opPos = c.pos;
    let op: 'union' | 'intersect' | 'except' | null = null;
    if (c.acceptWord('UNION')) op = 'union';
    else if (c.acceptWord('INTERSECT')) op = 'intersect';
    else if (c.acceptWord('EXCEPT') || c.acceptWord('MINUS')) op = 'except';
    if (op == null) break;
    const all = c.acceptWord('ALL');
    if (!all) c.acceptWord('DISTINCT');
    const right = parseQueryTerm(c);
    body = { kind: 'setOp', pos: opPos, op, all, left: body, right };
  }
  return parseQueryTail(c, { with: ctes, body, pos });
}

/** `ORDER BY`, `CLUSTER BY`, `DISTRIBUTE BY`, `SORT BY`, `LIMIT` after a query body. */
export function parseQueryTail(
  c: TokenCursor,
  head: { with: readonly CommonTableExpr[]; body: QueryBody; pos: SourcePosition },
): Query {
  const { with: ctes, body, pos } = head;
  const orderBy = c.acceptWords('ORDER', 'BY') ? parseOrderItems(c) : [];
  const clusterBy = c.acceptWords('CLUSTER', 'BY') ? parseExpressionList(c) : [];
  const distributeBy = c.acceptWords('DISTRIBUTE', 'BY') ? parseExpressionList(c) : [];
  const sortBy = c.acceptWords('SORT', 'BY') ? parseOrderItems(c) : [];
  let limit: number | null = null;
  let offset: number | null = null;
  if (c.acceptWord('LIMIT')) {
    limit = c.integer('LIMIT clause');
    if (c.acceptOp(',')) {
      offset = limit;
      limit = c.integer('LIMIT clause');
    } else if (c.acceptWord('OFFSET')) {
      offset = c.integer('LIMIT clause');
    }
  }
  return { kind: 'query', pos, with: ctes, body, orderBy, clusterBy, distributeBy, sortBy, limit, offset };
}

function parseQueryTerm(c: TokenCursor): QueryBody {
  if (c.isOp('(')) {
    c.next();
    const q = parseQuery(c);
    c.expectOp(')', 'query');
    return q;
  }
  if (c.isWord('FROM')) {
    const from = parseFromClause(c);
    return parseSelectCore(c, from);
  }
  return parseSelectCore(c, null);
}

/** `SELECT …` up to (not including) ORDER BY / LIMIT; `presetFrom` is a FROM written before SELECT. */
export function parseSelectCore(c: TokenCursor, presetFrom: FromItem | null): SelectCore {
  const pos = c.pos;
  c.expectWord('SELECT', 'query');
  let distinct = false;
  if (c.acceptWord('DISTINCT')) distinct = true;
  else c.acceptWord('ALL');
  const items: SelectItem[] = [];
  do items.push(parseSelectItem(c));
  while (c.acceptOp(','));
  let from = presetFrom;
  if (from == null && c.isWord('FROM')) from = parseFromClause(c);
  const where = c.acceptWord('WHERE') ? parseExpression(c) : null;
  const groupBy = c.isWords('GROUP', 'BY') ? parseGroupBy(c) : null;
  const having = c.acceptWord('HAVING') ? parseExpression(c) : null;
  const windows: NamedWindow[] = [];
  if (c.acceptWord('WINDOW')) {
    do {
      const at = c.pos;
      const name = c.identifier('WINDOW clause');
      c.expectWord('AS', 'WINDOW clause');
      windows.push({ pos: at, name, spec: parseWindowSpec(c) });
    } while (c.acceptOp(','));
  }
  return { kind: 'select', pos, distinct, items, from, where, groupBy, having, windows };
}

function parseSelectItem(c: TokenCursor): SelectItem {
  const pos = c.pos;
  const expr = parseExpression(c);
  const aliases: string[] = [];
  if (c.acceptWord('AS')) {
    if (c.acceptOp('(')) {
      do aliases.push(c.anyName('select alias'));
      while (c.acceptOp(','));
      c.expectOp(')', 'select alias');
    } else {
      aliases.push(c.anyName('select alias'));
    }
  } else if (c.isImplicitAlias()) {
    aliases.push(c.identifier('select alias'));
  }
  return { pos, expr, aliases };
}

function parseGroupBy(c: TokenCursor): GroupBy {
  const pos = c.pos;
  c.expectWords('GROUP BY', 'GROUP', 'BY');
  if ((c.isWord('ROLLUP') || c.isWord('CUBE')) && c.isOp('(', 1)) {
    const mode = c.next().value === 'ROLLUP' ? 'rollup' : 'cube';
    c.expectOp('(', 'GROUP BY');
    const exprs = parseExpressionList(c);
    c.expectOp(')', 'GROUP BY');
    return { pos, mode, exprs, sets: [] };
  }
  const exprs = parseExpressionList(c);
  if (c.acceptWords('WITH', 'ROLLUP')) return { pos, mode: 'rollup', exprs, sets: [] };
  if (c.acceptWords('WITH', 'CUBE')) return { pos, mode: 'cube', exprs, sets: [] };
  if (c.acceptWords('GROUPING', 'SETS')) {
    c.expectOp('(', 'GROUPING SETS');
    const sets: Expression[][] = [];
    do {
      if (c.acceptOp('(')) {
        sets.push(c.isOp(')') ? [] : parseExpressionList(c));
        c.expectOp(')', 'GROUPING SETS');
      } else {
        sets.push([parseExpression(c)]);
      }
    } while (c.acceptOp(','));
    c.expectOp(')', 'GROUPING SETS');
    return { pos, mode: 'groupingSets', exprs, sets };
  }
  return { pos, mode: 'plain', exprs, sets: [] };
}

/** `FROM source` (the FROM keyword included). */
export function parseFromClause(c: TokenCursor): FromItem {
  c.expectWord('FROM', 'from clause');
  return parseJoinSource(c);
}

function joinType(c: TokenCursor): JoinType | null {
  if (c.acceptOp(',')) return 'cross';
  if (c.acceptWord('JOIN') || c.acceptWords('INNER', 'JOIN')) return 'inner';
  if (c.acceptWords('CROSS', 'JOIN')) return 'cross';
  if (c.acceptWords('LEFT', 'SEMI', 'JOIN')) return 'leftSemi';
  if (c.acceptWords('LEFT', 'ANTI', 'JOIN')) return 'leftAnti';
  if (c.acceptWords('LEFT', 'OUTER', 'JOIN') || c.acceptWords('LEFT', 'JOIN')) return 'left';
  if (c.acceptWords('RIGHT', 'OUTER', 'JOIN') || c.acceptWords('RIGHT', 'JOIN')) return 'right';
  if (c.acceptWords('FULL', 'OUTER', 'JOIN') || c.acceptWords('FULL', 'JOIN')) return 'full';
  return null;
}

function parseJoinSource(c: TokenCursor): FromItem {
  c.enter('from clause');
  try {
    let left = parseLateralSource(c);
    for (;;) {
      const pos = c.pos;
      const comma = c.isOp(',');
      const type = joinType(c);
      if (type == null) return left;
      const right = parseLateralSource(c);
      let on: Expression | null = null;
      let using: string[] | null = null;
      if (!comma && c.acceptWord('ON')) on = parseExpression(c);
      else if (!comma && c.acceptWord('USING')) {
        c.expectOp('(', 'USING');
        using = [];
        do using.push(c.identifier('USING'));
        while (c.acceptOp(','));
        c.expectOp(')', 'USING');
      }
      left = { kind: 'join', pos, type, left, right, on, using };
    }
  } finally {
    c.leave();
  }
}

function parseLateralSource(c: TokenCursor): FromItem {
  let source = parseAtomSource(c);
  while (c.isWords('LATERAL', 'VIEW')) {
    const pos = c.pos;
    c.index += 2;
    const outer = c.acceptWord('OUTER');
    const fn = parsePrimary(c);
    if (fn.kind !== 'call') return c.fail('lateral view', 'a table function call');
    const tableAlias = c.isImplicitAlias() ? c.identifier('lateral view') : null;
    const columnAliases: string[] = [];
    if (c.acceptWord('AS')) {
      do columnAliases.push(c.anyName('lateral view'));
      while (c.acceptOp(','));
    }
    source = { kind: 'lateralView', pos, source, outer, call: fn, tableAlias, columnAliases };
  }
  return source;
}

function parseAlias(c: TokenCursor, context: string): string | null {
  if (c.acceptWord('AS')) return c.anyName(context);
  return c.isImplicitAlias() ? c.identifier(context) : null;
}

function parseAtomSource(c: TokenCursor): FromItem {
  const pos = c.pos;
  if (c.isOp('(')) {
    if (startsQuery(c, 1) || c.isOp('(', 1)) {
      c.next();
      const query = parseQuery(c);
      c.expectOp(')', 'subquery source');
      return { kind: 'subquery', pos, query, alias: parseAlias(c, 'subquery source') };
    }
    c.next();
    const inner = parseJoinSource(c);
    c.expectOp(')', 'join source');
    return inner;
  }
  const name = parseTableName(c, 'table source');
  const sample = c.isWord('TABLESAMPLE') ? parseTableSample(c) : null;
  const ref: TableRef = { kind: 'table', pos, name, alias: parseAlias(c, 'table source'), sample };
  return ref;
}

function parseTableSample(c: TokenCursor): TableSample {
  const pos = c.pos;
  c.expectWord('TABLESAMPLE', 'TABLESAMPLE');
  c.expectOp('(', 'TABLESAMPLE');
  let sample: TableSample;
  if (c.acceptWord('BUCKET')) {
    const numerator = String(c.integer('TABLESAMPLE'));
    c.expectWords('TABLESAMPLE', 'OUT', 'OF');
    const denominator = String(c.integer('TABLESAMPLE'));
    const on = c.acceptWord('ON') ? parseExpressionList(c) : [];
    sample = { pos, kind: 'bucket', numerator, denominator, on };
  } else {
    const t = c.peek();
    if (t.type === 'word' && /^\d+[KMG]$/.test(t.value)) {
      // `100M`: a byte length lexes as one word (Hive identifiers may start with a digit).
      c.next();
      sample = { pos, kind: 'bytes', numerator: t.value, denominator: null, on: [] };
    } else {
      if (t.type !== 'number') return c.fail('TABLESAMPLE', 'a number');
      c.next();
      if (c.acceptWord('PERCENT'))
        sample = { pos, kind: 'percent', numerator: t.value, denominator: null, on: [] };
      else if (c.acceptWord('ROWS'))
        sample = { pos, kind: 'rows', numerator: t.value, denominator: null, on: [] };
      else return c.fail('TABLESAMPLE', 'PERCENT, ROWS or BUCKET');
    }
  }
  c.expectOp(')', 'TABLESAMPLE');
  return sample;
}
