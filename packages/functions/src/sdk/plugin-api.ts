/**
 * Types of the plugin SDK: what a plugin module sees. A plugin package exports `plugin(api)`, a function that
 * receives the host's {@link PluginApi} (injected, Babel style, one instance per realm) and returns
 * `api.definePlugin({ name, apiVersion, functions })`. Hive types are written as Hive type names
 * (`'int'`, `'array<string>'`). Values use core's representation, except DECIMAL values, which cross as strings.
 */

/** A scalar UDF, vectorized: one array of values per argument in, one array of results out. */
export interface UdfSpec {
  /** Hive type name of each argument, e.g. `['int', 'string']`. */
  readonly argumentTypes: readonly string[];
  /** Hive type name of the result. */
  readonly resultType: string;
  /** DESCRIBE FUNCTION text. Defaults to empty. */
  readonly description?: string;
  /** False when equal arguments may give different results. Defaults to `true`. */
  readonly deterministic?: boolean;
  /**
   * Evaluates `numRows` rows: `columns[a][row]` is argument `a` of `row` (NULL is `null`). Returns `numRows`
   * results.
   */
  evaluate(columns: readonly (readonly unknown[])[], numRows: number): readonly unknown[];
}

/** A table function (UDTF): one row in, any number of rows out. */
export interface UdtfSpec {
  readonly argumentTypes: readonly string[];
  /** Output columns; each produced row has one value per column. */
  readonly outputColumns: readonly { readonly name: string; readonly type: string }[];
  readonly description?: string;
  readonly deterministic?: boolean;
  /** The output rows for one input row. */
  process(args: readonly unknown[]): Iterable<readonly unknown[]>;
}

/**
 * An aggregate (UDAF) over plain-data state (anything structured-clone can copy). Hive's lifecycle: `init` →
 * `iterate` per row (PARTIAL1/COMPLETE) → `terminatePartial` → `merge` (PARTIAL2/FINAL) → `terminate`.
 */
export interface UdafSpec<TState = unknown, TPartial = TState> {
  readonly argumentTypes: readonly string[];
  readonly resultType: string;
  /** Hive type name the plan shows for the partial result. Defaults to `'binary'` (opaque). */
  readonly partialType?: string;
  readonly description?: string;
  /** A fresh state (called once per aggregation; the host copies it per group). */
  init(): TState;
  /** Adds one row (arguments may be `null`); returns the new state. */
  iterate(state: TState, args: readonly unknown[]): TState;
  /** Merges a partial produced by `terminatePartial`; returns the new state. */
  merge(state: TState, partial: TPartial): TState;
  /** The partial result. Defaults to the state itself. */
  terminatePartial?(state: TState): TPartial;
  /** The final result, a value of `resultType` or `null`. */
  terminate(state: TState): unknown;
}

/** What `definePlugin` takes. */
export interface PluginSpec<TFunction = unknown> {
  /** Plugin name, for messages and `SHOW FUNCTIONS` provenance. */
  readonly name: string;
  /** The plugin API version the plugin is written against; checked on load. */
  readonly apiVersion: number;
  /** Functions by export name: the `AS 'exportName'` of `CREATE FUNCTION`. */
  readonly functions: Readonly<Record<string, TFunction>>;
}

/** A function declared through the injected API (opaque to the plugin). */
export interface PluginFunction {
  readonly kind: 'scalar' | 'table' | 'aggregate';
}

/** The host API injected into `plugin(api)`. */
export interface PluginApi {
  /** The plugin API version of this host. */
  readonly apiVersion: number;
  readonly supportedApiVersions: readonly number[];
  /** Version of `@hive-batch/functions` running the realm. */
  readonly hostVersion: string;
  definePlugin(spec: PluginSpec<PluginFunction>): PluginSpec<PluginFunction>;
  defineUdf(spec: UdfSpec): PluginFunction;
  defineUdtf(spec: UdtfSpec): PluginFunction;
  defineUdaf<TState, TPartial = TState>(spec: UdafSpec<TState, TPartial>): PluginFunction;
}

/** The shape of a plugin module's `plugin` export. */
export type PluginFactory = (
  api: PluginApi,
) => PluginSpec<PluginFunction> | Promise<PluginSpec<PluginFunction>>;
