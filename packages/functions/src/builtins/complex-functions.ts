import {
  HiveTypes,
  arrayType,
  dataTypeEquals,
  formatDataType,
  isPrimitiveType,
  mapType,
  structType,
} from '@hive-batch/core';
import type { DataType, StructField } from '@hive-batch/core';
import type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from '../scalar-contract';
import { branchType } from './conditional-functions';
import { argType, argumentError, checkArity, defineScalar, makeEvaluator } from './internal/define';
import { comparatorFor } from './internal/hive-compare';

// GenericUDFArray: elements in their common type; array() is array<string>.
function resolveArray(call: ScalarCallInfo): ScalarEvaluator {
  const n = call.argumentTypes.length;
  const el = n === 0 ? HiveTypes.string : branchType('array', call.argumentTypes, 0);
  const element = el.kind === 'void' ? HiveTypes.string : el;
  return makeEvaluator(
    { inputTypes: call.argumentTypes.map(() => element), resultType: arrayType(element) },
    (args) => args.map((v) => v ?? null),
  );
}

// GenericUDFMap: map(k1, v1, k2, v2, …); keys and values in their common types; a later key wins; NULL keys
// are dropped (a Map cannot hold them in Hive's writable form either).
function resolveMap(call: ScalarCallInfo): ScalarEvaluator {
  const n = call.argumentTypes.length;
  if (n % 2 !== 0) throw argumentError('Arguments must be in key/value pairs');
  const keyTypes = call.argumentTypes.filter((_, i) => i % 2 === 0);
  const valueTypes = call.argumentTypes.filter((_, i) => i % 2 === 1);
  const k0 = n === 0 ? HiveTypes.string : branchType('map', keyTypes, 0);
  const v0 = n === 0 ? HiveTypes.string : branchType('map', valueTypes, 1);
  const key = k0.kind === 'void' ? HiveTypes.string : k0;
  const value = v0.kind === 'void' ? HiveTypes.string : v0;
  keyTypes.forEach((t, i) => {
    if (!isPrimitiveType(t)) {
      throw argumentError(
        `Argument ${2 * i + 1} of function MAP must be a primitive type, but "${formatDataType(t)}" was found.`,
      );
    }
  });
  const inputTypes = call.argumentTypes.map((_, i) => (i % 2 === 0 ? key : value));
  return makeEvaluator({ inputTypes, resultType: mapType(key, value) }, (args) => {
    const m = new Map<unknown, unknown>();
    for (let i = 0; i + 1 < args.length; i += 2) {
      const k = args[i];
      if (k != null) m.set(k, args[i + 1] ?? null);
    }
    return m;
  });
}

// GenericUDFStruct: fields col1, col2, … of the argument types.
function resolveStruct(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'struct', [1, Infinity]);
  const fields: StructField[] = call.argumentTypes.map((t, i) => ({
    name: `col${i + 1}`,
    type: t.kind === 'void' ? HiveTypes.string : t,
  }));
  return makeEvaluator({ inputTypes: fields.map((f) => f.type), resultType: structType(fields) }, (args) => {
    const out: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      out[f.name] = args[i] ?? null;
    });
    return out;
  });
}

// GenericUDFNamedStruct: named_struct(name1, v1, …) with constant string names.
function resolveNamedStruct(call: ScalarCallInfo): ScalarEvaluator {
  const n = call.argumentTypes.length;
  if (n === 0 || n % 2 !== 0) {
    throw argumentError('NAMED_STRUCT expects an even number of arguments.');
  }
  const fields: StructField[] = [];
  for (let i = 0; i < n; i += 2) {
    const name = call.constantArguments[i];
    if (typeof name !== 'string') {
      throw argumentError('Even arguments to NAMED_STRUCT must be a constant STRING.');
    }
    const t = argType(call, i + 1);
    fields.push({ name, type: t.kind === 'void' ? HiveTypes.string : t });
  }
  const inputTypes = call.argumentTypes.map((t, i) => (i % 2 === 0 ? t : (fields[(i - 1) / 2]?.type ?? t)));
  return makeEvaluator({ inputTypes, resultType: structType(fields) }, (args) => {
    const out: Record<string, unknown> = {};
    fields.forEach((f, k) => {
      out[f.name] = args[2 * k + 1] ?? null;
    });
    return out;
  });
}

function arrayArg(name: string, call: ScalarCallInfo, i: number): DataType & { readonly kind: 'array' } {
  const t = argType(call, i);
  if (t.kind !== 'array') {
    throw argumentError(
      `Argument ${i + 1} of function ${name.toUpperCase()} must be array, but ${formatDataType(t)} was found.`,
    );
  }
  return t;
}

// GenericUDFSortArray: ascending by ObjectInspectorUtils.compare (NULLs first; structs field by field; maps by
// size then sorted entries), a stable sort like Collections.sort.
function resolveSortArray(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'sort_array', [1, 1]);
  const t = arrayArg('sort_array', call, 0);
  const cmp = comparatorFor(t.element);
  return makeEvaluator({ inputTypes: [t], resultType: t }, (args) => {
    const a = args[0] as readonly unknown[] | null;
    return a == null ? null : [...a].sort(cmp);
  });
}

// GenericUDFSize: -1 for NULL.
function resolveSize(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'size', [1, 1]);
  const t = argType(call, 0);
  if (t.kind !== 'array' && t.kind !== 'map' && t.kind !== 'void') {
    throw argumentError(`"map" or "list" is expected at function SIZE, but "${formatDataType(t)}" is found`);
  }
  return makeEvaluator({ inputTypes: [t], resultType: HiveTypes.int }, (args) => {
    const v = args[0];
    if (v == null) return -1;
    return v instanceof Map ? v.size : (v as readonly unknown[]).length;
  });
}

// GenericUDFArrayContains: FALSE (never NULL) for a NULL array or value.
function resolveArrayContains(call: ScalarCallInfo): ScalarEvaluator {
  checkArity(call, 'array_contains', [2, 2]);
  const t = arrayArg('array_contains', call, 0);
  const v = argType(call, 1);
  // Hive checks ObjectInspectorUtils.compareTypes: the value must have exactly the element type (or be NULL).
  if (v.kind !== 'void' && !dataTypeEquals(v, t.element)) {
    throw argumentError(
      `"${formatDataType(t.element)}" expected at function ARRAY_CONTAINS, but "${formatDataType(v)}" is found`,
    );
  }
  const cmp = comparatorFor(t.element);
  return makeEvaluator({ inputTypes: [t, t.element], resultType: HiveTypes.boolean }, (args) => {
    const a = args[0] as readonly unknown[] | null;
    const x = args[1];
    if (a == null || x == null) return false;
    for (const e of a) if (e != null && cmp(e, x) === 0) return true;
    return false;
  });
}

function resolveMapPart(keys: boolean, call: ScalarCallInfo): ScalarEvaluator {
  const name = keys ? 'map_keys' : 'map_values';
  checkArity(call, name, [1, 1]);
  const t = argType(call, 0);
  if (t.kind !== 'map') {
    throw argumentError(
      `"map" is expected at function ${name.toUpperCase()}, but "${formatDataType(t)}" is found`,
    );
  }
  // A NULL map gives an empty array.
  return makeEvaluator({ inputTypes: [t], resultType: arrayType(keys ? t.key : t.value) }, (args) => {
    const m = args[0] as ReadonlyMap<unknown, unknown> | null;
    if (m == null) return [];
    return keys ? [...m.keys()] : [...m.values()];
  });
}

/**
 * Complex-type functions: array, map, struct, named_struct constructors, sort_array, size, array_contains,
 * map_keys, map_values.
 */
export function complexFunctions(): readonly ScalarFunctionDefinition[] {
  return [
    defineScalar({
      name: 'array',
      description: 'array(n0, n1...) - Creates an array with the given elements ',
      resolve: resolveArray,
    }),
    defineScalar({
      name: 'map',
      description: 'map(key0, value0, key1, value1...) - Creates a map with the given key/value pairs ',
      resolve: resolveMap,
    }),
    defineScalar({
      name: 'struct',
      description: 'struct(col1, col2, col3, ...) - Creates a struct with the given field values',
      resolve: resolveStruct,
    }),
    defineScalar({
      name: 'named_struct',
      description:
        'named_struct(name1, val1, name2, val2, ...) - Creates a struct with the given field names and values',
      resolve: resolveNamedStruct,
    }),
    defineScalar({
      name: 'sort_array',
      description:
        'sort_array(array(obj1, obj2,...)) - Sorts the input array in ascending order according to the natural ordering of the array elements.',
      extendedDescription:
        "Example:\n  > SELECT sort_array(array('b', 'd', 'c', 'a')) FROM src LIMIT 1;\n  'a', 'b', 'c', 'd'",
      resolve: resolveSortArray,
    }),
    defineScalar({ name: 'size', description: 'size(a) - Returns the size of a', resolve: resolveSize }),
    defineScalar({
      name: 'array_contains',
      description: 'array_contains(array, value) - Returns TRUE if the array contains value.',
      extendedDescription: 'Example:\n  > SELECT array_contains(array(1, 2, 3), 2) FROM src LIMIT 1;\n  true',
      resolve: resolveArrayContains,
    }),
    defineScalar({
      name: 'map_keys',
      description: 'map_keys(map) - Returns an unordered array containing the keys of the input map.',
      resolve: (c) => resolveMapPart(true, c),
    }),
    defineScalar({
      name: 'map_values',
      description: 'map_values(map) - Returns an unordered array containing the values of the input map.',
      resolve: (c) => resolveMapPart(false, c),
    }),
  ];
}
