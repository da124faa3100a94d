import { HiveBatchError } from '@hive-batch/core';
import type { AggregateFunctionDefinition } from '@hive-batch/aggregate';
import type { ScalarFunctionDefinition } from '../scalar-contract';
import type { TableFunctionDefinition } from '../table-function-contract';
import type { StoredResource } from '../resources/resource-manager';
import { aggregateDefinition, scalarDefinition, tableDefinition } from './plugin-definitions';
import type { Realm, RealmFunctionDescriptor } from './realm';
import { shapeOf } from './shape-of';
import { parsePluginType } from './wire-values';

/** A function definition of one of the three kinds. */
export type KindedDefinition =
  | { readonly kind: 'scalar'; readonly definition: ScalarFunctionDefinition }
  | { readonly kind: 'aggregate'; readonly definition: AggregateFunctionDefinition }
  | { readonly kind: 'table'; readonly definition: TableFunctionDefinition };

function findExport(
  realm: Realm,
  resources: readonly StoredResource[],
  className: string,
): {
  readonly index: number;
  readonly descriptor: RealmFunctionDescriptor;
} {
  const hash = className.lastIndexOf('#');
  const pkg = hash < 0 ? null : className.slice(0, hash);
  const exportName = hash < 0 ? className : className.slice(hash + 1);
  const matches: { index: number; descriptor: RealmFunctionDescriptor }[] = [];
  for (const [index, plugin] of realm.plugins.entries()) {
    const manifestName = resources[index]?.manifest?.name;
    if (pkg != null && pkg !== plugin.name && pkg !== manifestName) continue;
    const descriptor = plugin.functions.find((f) => f.exportName === exportName);
    if (descriptor != null) matches.push({ index, descriptor });
  }
  const [first, second] = matches;
  if (first == null) {
    const available = realm.plugins
      .flatMap((p) => p.functions.map((f) => `${p.name}#${f.exportName}`))
      .join(', ');
    throw new HiveBatchError(
      'FUNCTION_LOAD_FAILED',
      `Export \`${className}\` not found in the function's resources (available: ${available === '' ? 'none' : available})`,
    );
  }
  if (second != null) {
    throw new HiveBatchError(
      'FUNCTION_LOAD_FAILED',
      `Export \`${className}\` is ambiguous; qualify it as 'package#export'`,
    );
  }
  return first;
}

/**
 * Looks up `className` (`export` or `package#export`) among the plugins a realm loaded, checks its declared
 * shape, and wraps it in the contract of its kind with calls crossing into the realm in batches.
 * @throws {HiveBatchError} `FUNCTION_LOAD_FAILED` (missing export), `PLUGIN_API_MISMATCH` (invalid shape),
 *   `UNSUPPORTED_TYPE`
 */
export function bindFunction(
  realm: Realm,
  resources: readonly StoredResource[],
  binding: { readonly className: string; readonly name: string },
): KindedDefinition {
  const { index, descriptor } = findExport(realm, resources, binding.className);
  const key = `${index}:${descriptor.exportName}`;
  const name = binding.name;
  if (descriptor.kind === 'invalid') {
    throw new HiveBatchError(
      'PLUGIN_API_MISMATCH',
      `Export \`${binding.className}\` is not a function declared with api.defineUdf/defineUdtf/defineUdaf`,
    );
  }
  const shape = shapeOf(name, { ...descriptor, description: descriptor.description ?? '' });
  if (descriptor.kind === 'scalar') {
    const resultType = parsePluginType(descriptor.resultType ?? '', `Function ${name} result`);
    return {
      kind: 'scalar',
      definition: scalarDefinition(shape, resultType, (args, numRows) =>
        realm.call('scalar', { key, args, numRows }),
      ),
    };
  }
  if (descriptor.kind === 'table') {
    const outputs = (descriptor.outputColumns ?? []).map((c) => ({
      name: c.name,
      type: parsePluginType(c.type, `Function ${name} column ${c.name}`),
    }));
    return {
      kind: 'table',
      definition: tableDefinition(shape, outputs, (args, numRows) => {
        const out = realm.call('table', { key, args, numRows }) as { rowIndex: number[]; rows: unknown[][] };
        return out;
      }),
    };
  }
  const resultType = parsePluginType(descriptor.resultType ?? '', `Function ${name} result`);
  const partialType = parsePluginType(descriptor.partialType ?? 'binary', `Function ${name} partial`);
  return {
    kind: 'aggregate',
    definition: aggregateDefinition(
      shape,
      { resultType, partialType },
      {
        init: () => realm.call('initState', { key }),
        accumulate: (batch) =>
          realm.call('accumulate', {
            key,
            states: batch.states,
            slots: batch.slots,
            args: batch.columns,
            numRows: batch.numRows,
          }) as unknown[],
        merge: (state, partial) => realm.call('merge', { key, state, partial }),
        terminatePartial: (state) => realm.call('terminatePartial', { key, state }),
        terminate: (state) => realm.call('terminate', { key, state }),
      },
    ),
  };
}
