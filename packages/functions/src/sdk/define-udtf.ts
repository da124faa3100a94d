import type { TableFunctionDefinition } from '../table-function-contract';
import { tableDefinition } from '../internal/plugin-definitions';
import { shapeOf } from '../internal/shape-of';
import { parsePluginType } from '../internal/wire-values';
import type { UdtfSpec } from './plugin-api';

/**
 * Turns a UDTF declaration (one row in, rows out) into a {@link TableFunctionDefinition}, running in this process.
 * @throws {HiveBatchError} `PLUGIN_API_MISMATCH`, `UNSUPPORTED_TYPE`
 * @example
 * ```ts
 * const explodeCsv = defineUdtf({ name: 'explode_csv', argumentTypes: ['string'],
 *   outputColumns: [{ name: 'item', type: 'string' }],
 *   *process([s]) { for (const item of String(s ?? '').split(',')) yield [item]; } });
 * ```
 */
export function defineUdtf(spec: UdtfSpec & { readonly name: string }): TableFunctionDefinition {
  const shape = shapeOf(spec.name, spec);
  const outputs = spec.outputColumns.map((c) => ({
    name: c.name,
    type: parsePluginType(c.type, `Function ${spec.name} column ${c.name}`),
  }));
  return tableDefinition(shape, outputs, (columns, numRows) => {
    const rowIndex: number[] = [];
    const rows: unknown[][] = [];
    for (let i = 0; i < numRows; i++) {
      for (const row of spec.process(columns.map((c) => c[i]))) {
        rowIndex.push(i);
        rows.push([...row]);
      }
    }
    return { rowIndex, rows };
  });
}
