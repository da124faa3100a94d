import { HiveBatchError } from '@hive-batch/core';
import type { AggregateFunctionDefinition } from '@hive-batch/aggregate';
import type { ScalarFunctionDefinition } from '../scalar-contract';
import type { TableFunctionDefinition } from '../table-function-contract';
import { SUPPORTED_API_VERSIONS } from '../internal/realm';
import type { PluginSpec } from './plugin-api';

/** A function of an in-process plugin. */
export type PluginFunctionDefinition =
  ScalarFunctionDefinition | TableFunctionDefinition | AggregateFunctionDefinition;

/**
 * Checks an in-process plugin: a non-empty name, a supported `apiVersion`, and at least one function. Realm
 * plugins call the injected `api.definePlugin`, which applies the same checks.
 * @throws {HiveBatchError} `PLUGIN_API_MISMATCH`
 * @example
 * ```ts
 * const plugin = definePlugin({ name: 'toy', apiVersion: 1, functions: { plusOne } });
 * ```
 */
export function definePlugin(
  spec: PluginSpec<PluginFunctionDefinition>,
): PluginSpec<PluginFunctionDefinition> {
  if (spec.name === '')
    throw new HiveBatchError('PLUGIN_API_MISMATCH', 'definePlugin: name must not be empty');
  if (!SUPPORTED_API_VERSIONS.includes(spec.apiVersion)) {
    throw new HiveBatchError(
      'PLUGIN_API_MISMATCH',
      `Plugin ${spec.name} targets apiVersion ${spec.apiVersion}; this host supports ${SUPPORTED_API_VERSIONS.join(', ')}`,
    );
  }
  if (Object.keys(spec.functions).length === 0) {
    throw new HiveBatchError('PLUGIN_API_MISMATCH', `Plugin ${spec.name} declares no functions`);
  }
  return Object.freeze({ ...spec, functions: Object.freeze({ ...spec.functions }) });
}
