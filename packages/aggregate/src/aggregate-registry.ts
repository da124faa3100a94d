import { HiveBatchError } from '@hive-batch/core';
import type { AggregateFunctionDefinition } from './contract';

/** Options of {@link AggregateRegistry.register}. */
export interface RegisterAggregateOptions {
  /** Replace an existing function that has the same name or alias. Defaults to `false`. */
  readonly override?: boolean;
}

/** A set of aggregate functions addressed by Hive name or alias, case-insensitively. */
export interface AggregateRegistry {
  /**
   * Adds a definition under its name and aliases.
   * @throws {HiveBatchError} `INVALID_ARGUMENT` for an empty/blank name or alias or a malformed definition;
   *   `DUPLICATE_FUNCTION` when a name or alias is taken and `override` is not set.
   */
  register(definition: AggregateFunctionDefinition, options?: RegisterAggregateOptions): void;
  /** The definition for a name or alias (any case), or `undefined`. */
  lookup(name: string): AggregateFunctionDefinition | undefined;
  /** Every registered definition once, in registration order. */
  list(): readonly AggregateFunctionDefinition[];
}

function key(name: string): string {
  return name.toLowerCase();
}

/**
 * Creates a registry instance (no global state), optionally pre-filled, e.g. with {@link builtinAggregates}.
 *
 * @param definitions - registered in order, without override.
 * @throws {HiveBatchError} `DUPLICATE_FUNCTION` / `INVALID_ARGUMENT` as {@link AggregateRegistry.register}.
 * @example
 * ```ts
 * const registry = createAggregateRegistry(builtinAggregates());
 * registry.lookup('STDDEV')?.name; // 'stddev'
 * ```
 */
export function createAggregateRegistry(
  definitions?: readonly AggregateFunctionDefinition[],
): AggregateRegistry {
  const byName = new Map<string, AggregateFunctionDefinition>();
  const order: AggregateFunctionDefinition[] = [];

  const register = (definition: AggregateFunctionDefinition, options?: RegisterAggregateOptions): void => {
    if (typeof definition !== 'object' || typeof definition.resolve !== 'function') {
      throw new HiveBatchError('INVALID_ARGUMENT', 'An aggregate definition needs a resolve function');
    }
    const aliases: unknown = definition.aliases;
    if (!Array.isArray(aliases)) {
      throw new HiveBatchError(
        'INVALID_ARGUMENT',
        `Aggregate ${String(definition.name)} needs an aliases array`,
      );
    }
    const names: string[] = [definition.name, ...(aliases as string[])];
    const seen = new Set<string>();
    for (const n of names) {
      if (typeof n !== 'string' || n.trim() === '') {
        throw new HiveBatchError('INVALID_ARGUMENT', `Invalid aggregate function name \`${String(n)}\``);
      }
      if (seen.has(key(n))) {
        throw new HiveBatchError('INVALID_ARGUMENT', `Aggregate \`${definition.name}\` lists \`${n}\` twice`);
      }
      seen.add(key(n));
      const existing = byName.get(key(n));
      if (existing != null && options?.override !== true) {
        throw new HiveBatchError(
          'DUPLICATE_FUNCTION',
          `Aggregate function \`${n}\` is already registered (by \`${existing.name}\`)`,
        );
      }
    }
    // An override replaces every definition it collides with, including the other names of that definition.
    for (const n of names) {
      const existing = byName.get(key(n));
      if (existing == null) continue;
      for (const old of [existing.name, ...existing.aliases]) {
        if (byName.get(key(old)) === existing) byName.delete(key(old));
      }
      const at = order.indexOf(existing);
      if (at >= 0) order.splice(at, 1);
    }
    for (const n of names) byName.set(key(n), definition);
    order.push(definition);
  };

  for (const d of definitions ?? []) register(d);

  return {
    register,
    lookup: (name) => byName.get(key(name)),
    list: () => order.slice(),
  };
}
