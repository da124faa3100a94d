// Scalar functions: @hive-batch/functions' built-ins, plus the little the corpus needs that they lack.
import { HiveTypes, arrayType } from '@hive-batch/core';
import { builtinScalarFunctions } from '@hive-batch/functions';
import type { ScalarFunctionDefinition } from '@hive-batch/functions';
import type { BoundScalarFunction, ScalarFunctionResolver } from '@hive-batch/sql';

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

/**
 * INTERIM (until @hive-batch/functions has them): `hash(…)` (Java hashCode of ints, longs, booleans and UTF-8
 * strings, combined 31·h + x), and `array()` with no arguments typed `array<void>` so it converts to any
 * array type as Hive's constant does (the built-in types it `array<string>`).
 */
export const interimScalarFunctions: ScalarFunctionResolver = {
  lookup(name) {
    const n = name.toLowerCase();
    if (n === 'hash') {
      return {
        resolve: (call): BoundScalarFunction => ({
          inputTypes: call.argumentTypes,
          resultType: HiveTypes.int,
          deterministic: true,
          evaluate: (args) => {
            if (args.length === 1) return hashValue(args[0]);
            let h = 0;
            for (const a of args) h = (Math.imul(31, h) + hashValue(a)) | 0;
            return h;
          },
        }),
      };
    }
    return undefined;
  },
};

/** `array()` without arguments as `array<void>`; any other call goes to `fallback`. */
function emptyArrayOverride(fallback: ScalarFunctionResolver): ScalarFunctionResolver {
  return {
    lookup(name) {
      const def = fallback.lookup(name);
      if (name.toLowerCase() !== 'array' || def == null) return def;
      return {
        resolve: (call) =>
          call.argumentTypes.length === 0
            ? {
                inputTypes: [],
                resultType: arrayType(HiveTypes.void),
                deterministic: true,
                evaluate: () => [],
              }
            : def.resolve(call),
      };
    },
  };
}

/** @hive-batch/functions' built-in scalar functions by name and alias (any case). */
export function builtinScalarResolver(): ScalarFunctionResolver {
  const byName = new Map<string, ScalarFunctionDefinition>();
  for (const d of builtinScalarFunctions()) {
    for (const n of [d.name, ...d.aliases]) if (!byName.has(n.toLowerCase())) byName.set(n.toLowerCase(), d);
  }
  return emptyArrayOverride({ lookup: (name) => byName.get(name.toLowerCase()) });
}

/** Scalar functions: the resolvers tried in order (the first that knows a name wins). */
export function chainScalarFunctions(resolvers: readonly ScalarFunctionResolver[]): ScalarFunctionResolver {
  return { lookup: (name) => resolvers.map((r) => r.lookup(name)).find((d) => d != null) };
}

/** Names of every scalar function (for SHOW FUNCTIONS). */
export function scalarFunctionNames(): string[] {
  return [...builtinScalarFunctions().flatMap((d) => [d.name, ...d.aliases]), 'hash'].sort();
}

/** DESCRIBE FUNCTION text of a built-in scalar function, or undefined. */
export function describeScalarFunction(name: string, extended: boolean): string | undefined {
  const d = builtinScalarFunctions().find((x) =>
    [x.name, ...x.aliases].some((n) => n.toLowerCase() === name.toLowerCase()),
  );
  if (d == null) return undefined;
  return extended ? d.extendedDescription : d.description;
}
