import { HiveTypes, civilFromDays, formatDataType, isIntegralType } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import {
  argType,
  argumentError,
  checkArity,
  defineScalar,
  makeEvaluator,
  typeError,
} from './internal/define';

/** Date-like arguments (string group, date, timestamp, NULL) are converted to date as CAST(x AS DATE) does. */
function dateArg(name: string, call: ScalarCallInfo, i: number): DataType {
  const t = argType(call, i);
  switch (t.kind) {
    case 'string':
    case 'varchar':
    case 'char':
    case 'date':
    case 'timestamp':
    case 'void':
      return HiveTypes.date;
    default:
      throw typeError(name, i, { expected: 'a string, date or timestamp', found: t });
  }
}

function dateField(name: string, field: 0 | 1 | 2): (call: ScalarCallInfo) => ScalarEvaluator {
  return (call) => {
    checkArity(call, name, [1, 1]);
    return makeEvaluator({ inputTypes: [dateArg(name, call, 0)], resultType: HiveTypes.int }, (args) => {
      const d = args[0] as number | null;
      return d == null ? null : civilFromDays(d)[field];
    });
  };
}

function resolveToDate(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'to_date', [1, 1]);
  return makeEvaluator(
    { inputTypes: [dateArg('to_date', call, 0)], resultType: HiveTypes.date },
    (args) => args[0] ?? null,
  );
}

function resolveDateDiff(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'datediff', [2, 2]);
  const inputTypes = [dateArg('datediff', call, 0), dateArg('datediff', call, 1)];
  return makeEvaluator({ inputTypes, resultType: HiveTypes.int }, (args) => {
    const a = args[0] as number | null;
    const b = args[1] as number | null;
    return a == null || b == null ? null : a - b;
  });
}

function resolveDateAdd(sign: 1 | -1, call: ScalarCallInfo): ScalarEvaluator {
  const name = sign === 1 ? 'date_add' : 'date_sub';
  checkArity(call, name, [2, 2]);
  const t = argType(call, 1);
  if (t.kind !== 'void' && !(isIntegralType(t) && t.kind !== 'bigint')) {
    throw argumentError(
      `${name.toUpperCase()}() only takes INT/SMALLINT/TINYINT types as second argument, got ${formatDataType(t).toUpperCase()}`,
    );
  }
  return makeEvaluator(
    { inputTypes: [dateArg(name, call, 0), HiveTypes.int], resultType: HiveTypes.date },
    (args) => {
      const d = args[0] as number | null;
      const n = args[1] as number | null;
      return d == null || n == null ? null : d + sign * n;
    },
  );
}

/** Date functions (Hive 3 returns date for to_date, date_add, date_sub): to_date, year, month, day/dayofmonth, datediff. */
export function dateFunctions(): readonly ScalarFunctionDefinition[] {
  return [
    defineScalar({
      name: 'to_date',
      description: 'to_date(expr) - Extracts the date part of the date or datetime expression expr',
      extendedDescription:
        "Example:\n   > SELECT to_date('2009-07-30 04:17:52') FROM src LIMIT 1;\n  '2009-07-30'",
      resolve: resolveToDate,
    }),
    defineScalar({
      name: 'year',
      description: 'year(param) - Returns the year component of the date/timestamp/interval',
      extendedDescription:
        "param can be one of:\n1. A string in the format of 'yyyy-MM-dd HH:mm:ss' or 'yyyy-MM-dd'.\n2. A date value\n3. A timestamp value\n4. A year-month interval valueExample:\n   > SELECT year('2009-07-30') FROM src LIMIT 1;\n  2009",
      resolve: dateField('year', 0),
    }),
    defineScalar({
      name: 'month',
      description: 'month(param) - Returns the month component of the date/timestamp/interval',
      resolve: dateField('month', 1),
    }),
    defineScalar({
      name: 'day',
      aliases: ['dayofmonth'],
      description:
        'day(param) - Returns the day of the month of date/timestamp, or day component of interval',
      resolve: dateField('day', 2),
    }),
    defineScalar({
      name: 'datediff',
      description: 'datediff(date1, date2) - Returns the number of days between date1 and date2',
      extendedDescription:
        "date1 and date2 are strings in the format 'yyyy-MM-dd HH:mm:ss' or 'yyyy-MM-dd'. The time parts are ignored.If date1 is earlier than date2, the result is negative.\nExample:\n   > SELECT datediff('2009-07-30', '2009-07-31') FROM src LIMIT 1;\n  1",
      resolve: resolveDateDiff,
    }),
    defineScalar({
      name: 'date_add',
      description: 'date_add(start_date, num_days) - Returns the date that is num_days after start_date.',
      extendedDescription:
        "Example:\n   > SELECT date_add('2009-07-30', 1) FROM src LIMIT 1;\n  '2009-07-31'",
      resolve: (c) => resolveDateAdd(1, c),
    }),
    defineScalar({
      name: 'date_sub',
      description: 'date_sub(start_date, num_days) - Returns the date that is num_days before start_date.',
      extendedDescription:
        "Example:\n   > SELECT date_sub('2009-07-30', 1) FROM src LIMIT 1;\n  '2009-07-29'",
      resolve: (c) => resolveDateAdd(-1, c),
    }),
  ];
}
