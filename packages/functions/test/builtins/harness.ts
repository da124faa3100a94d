import { castValue, parseDataType } from '@hive-batch/core';
import type { DataType, HiveValue } from '@hive-batch/core';
import { builtinScalarFunctions } from '@hive-batch/functions';
import type { ScalarEvaluator, ScalarFunctionDefinition } from '@hive-batch/functions';

const DEFS = builtinScalarFunctions();

/** Looks a built-in up by name or alias (case-insensitive), as the registry would. */
export function lookup(name: string): ScalarFunctionDefinition {
  const n = name.toLowerCase();
  const def = DEFS.find((d) => d.name === n || d.aliases.includes(n));
  if (def == null) throw new Error(`no built-in ${name}`);
  return def;
}

/** A type from its Hive spelling. */
export function ty(text: string): DataType {
  return parseDataType(text);
}

/** Resolves `name` for argument types written in Hive syntax; `constants` marks literal arguments. */
export function resolve(
  name: string,
  types: readonly string[],
  constants: readonly unknown[] = [],
): ScalarEvaluator {
  return lookup(name).resolve({
    argumentTypes: types.map(ty),
    constantArguments: types.map((_, i) => constants[i]),
  });
}

/**
 * Resolves and evaluates one row the way the runtime does: every argument is cast from its declared type to
 * the evaluator's input type with core's castValue first.
 */
export function run(name: string, types: readonly string[], args: readonly unknown[]): unknown {
  const ev = resolve(name, types, args);
  const converted = args.map((a, i) => {
    const from = ty(types[i] ?? 'void');
    const to = ev.inputTypes[i] ?? from;
    return castValue((a ?? null) as HiveValue, from, to);
  });
  return ev.evaluate(converted);
}
