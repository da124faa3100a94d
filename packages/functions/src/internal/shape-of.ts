import { HiveBatchError } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import type { FunctionShape } from './plugin-definitions';
import { parsePluginType } from './wire-values';

/** Checks and parses the declaration fields shared by UDFs, UDTFs and UDAFs. */
export function shapeOf(
  name: string,
  spec: {
    readonly argumentTypes?: unknown;
    readonly description?: unknown;
    readonly deterministic?: unknown;
  },
): FunctionShape {
  const list = spec.argumentTypes;
  if (!Array.isArray(list)) {
    throw new HiveBatchError(
      'PLUGIN_API_MISMATCH',
      `Function ${name}: argumentTypes must be an array of Hive type names`,
    );
  }
  const argumentTypes: DataType[] = list.map((t: unknown, i) =>
    parsePluginType(typeof t === 'string' ? t : '', `Function ${name} argument ${i + 1}`),
  );
  return {
    name,
    argumentTypes,
    description: typeof spec.description === 'string' ? spec.description : '',
    deterministic: spec.deterministic !== false,
  };
}
