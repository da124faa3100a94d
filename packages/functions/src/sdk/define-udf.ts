import type { ScalarFunctionDefinition } from '../scalar-contract';
import { scalarDefinition } from '../internal/plugin-definitions';
import { shapeOf } from '../internal/shape-of';
import { parsePluginType } from '../internal/wire-values';
import type { UdfSpec } from './plugin-api';

/**
 * Turns a vectorized UDF declaration into a {@link ScalarFunctionDefinition} (the contract built-ins share),
 * running in this process. Plugins loaded through `USING JAR` get the same shape from the injected API; the host
 * wraps their realm in this contract.
 * @throws {HiveBatchError} `PLUGIN_API_MISMATCH` (bad type names), `UNSUPPORTED_TYPE`
 * @example
 * ```ts
 * const plusOne = defineUdf({ name: 'plus_one', argumentTypes: ['int'], resultType: 'int',
 *   evaluate: ([xs], n) => xs.map((x) => (x == null ? null : (x as number) + 1)) });
 * ```
 */
export function defineUdf(spec: UdfSpec & { readonly name: string }): ScalarFunctionDefinition {
  const shape = shapeOf(spec.name, spec);
  const resultType = parsePluginType(spec.resultType, `Function ${spec.name} result`);
  return scalarDefinition(shape, resultType, (columns, numRows) => spec.evaluate(columns, numRows));
}
