import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { columnFromValues, getValue, HiveTypes } from '@hive-batch/core';
import type { DataType } from '@hive-batch/core';
import { createFunctionCatalog } from '@hive-batch/functions';
import type { FunctionCatalog, FunctionCatalogOptions, ResolvedFunction } from '@hive-batch/functions';
import { tempDir } from '@hive-batch/test-utils';

/** A function catalog in a fresh temp dir, closed when the test finishes. */
export async function session(
  options: FunctionCatalogOptions = {},
): Promise<{ readonly dir: string; readonly functions: FunctionCatalog; readonly sessionDir: string }> {
  const dir = await tempDir('fn-cat-');
  const sessionDir = join(dir.path, 'session');
  const functions = createFunctionCatalog({
    resourceOptions: { directory: sessionDir, baseDir: dir.path },
    realmLimits: { callTimeoutMs: 3_000, loadTimeoutMs: 5_000, maxOldGenerationSizeMb: 32 },
    builtinScalars: [],
    ...options,
  });
  onTestFinished(() => functions.close());
  return { dir: dir.path, functions, sessionDir };
}

/** Runs a resolved scalar function over rows of one column each per argument. */
export function runScalar(
  f: ResolvedFunction | undefined,
  types: readonly DataType[],
  columns: readonly (readonly unknown[])[],
): unknown[] {
  if (f?.kind !== 'scalar') throw new Error(`not a scalar function: ${f?.kind ?? 'undefined'}`);
  const evaluator = f.definition.resolve({
    argumentTypes: types,
    constantArguments: types.map(() => undefined),
  });
  const numRows = columns[0]?.length ?? 1;
  const out = evaluator.evaluateBatch?.(
    columns.map((c, i) => columnFromValues(types[i] ?? HiveTypes.string, c)),
    numRows,
  );
  if (out == null) throw new Error('no evaluateBatch');
  return Array.from({ length: numRows }, (_, i) => getValue(out, i));
}

/** `CREATE TEMPORARY FUNCTION name AS 'className' USING JAR 'uri'`. */
export function createTemporary(
  functions: FunctionCatalog,
  name: string | readonly string[],
  className: string,
  uri: string,
): Promise<'CREATED' | 'EXISTED'> {
  return functions.createFunction({
    name,
    className,
    temporary: true,
    resources: [{ type: 'jar', uri }],
  });
}
