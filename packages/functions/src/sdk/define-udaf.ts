import type { AggregateFunctionDefinition } from '@hive-batch/aggregate';
import { aggregateDefinition } from '../internal/plugin-definitions';
import { shapeOf } from '../internal/shape-of';
import { parsePluginType } from '../internal/wire-values';
import type { UdafSpec } from './plugin-api';

/**
 * Turns a plain-data UDAF declaration into the aggregate package's {@link AggregateFunctionDefinition}, so it
 * runs in the hash-aggregation operator (state lives in the operator's side table), in this process.
 * @throws {HiveBatchError} `PLUGIN_API_MISMATCH`, `UNSUPPORTED_TYPE`
 * @example
 * ```ts
 * const product = defineUdaf({ name: 'product', argumentTypes: ['double'], resultType: 'double',
 *   init: () => 1, iterate: (s, [x]) => (x == null ? s : s * (x as number)), merge: (s, p) => s * p,
 *   terminate: (s) => s });
 * ```
 */
export function defineUdaf<TState, TPartial = TState>(
  spec: UdafSpec<TState, TPartial> & { readonly name: string },
): AggregateFunctionDefinition {
  const shape = shapeOf(spec.name, spec);
  const resultType = parsePluginType(spec.resultType, `Function ${spec.name} result`);
  const partialType = parsePluginType(spec.partialType ?? 'binary', `Function ${spec.name} partial`);
  const terminatePartial = spec.terminatePartial?.bind(spec) ?? ((s: TState) => s as unknown as TPartial);
  return aggregateDefinition(
    shape,
    { resultType, partialType },
    {
      init: () => spec.init(),
      accumulate({ states, slots, columns, numRows }) {
        const out = states as TState[];
        for (let i = 0; i < numRows; i++) {
          const slot = slots[i] ?? 0;
          out[slot] = spec.iterate(
            out[slot] as TState,
            columns.map((c) => c[i]),
          );
        }
        return out;
      },
      merge: (state, partial) => spec.merge(state as TState, partial as TPartial),
      terminatePartial: (state) => terminatePartial(state as TState),
      terminate: (state) => spec.terminate(state as TState),
    },
  );
}
