// Public surface of @hive-batch/functions. Every export is listed by name.

export type { ScalarCallInfo, ScalarEvaluator, ScalarFunctionDefinition } from './scalar-contract';
export { evaluateBatchByRows } from './scalar-contract';

// Built-in scalar functions (Hive 3.1.3 semantics).
export { builtinScalarFunctions } from './builtins/index';

// USING JAR registry: function catalog, resources, realms, executor-side loading, plugin SDK.
export type {
  CreateFunctionRequest,
  DropFunctionRequest,
  FunctionCatalog,
  FunctionCatalogOptions,
  FunctionLease,
  FunctionSource,
  PinnedFunction,
  ResolvedFunction,
} from './function-catalog';
export { createFunctionCatalog, liveRealms } from './function-catalog';
export type { ExecutorFunction, FunctionExecutor, FunctionExecutorOptions } from './function-executor';
export { createFunctionExecutor } from './function-executor';
export type {
  BlobSource,
  ResourceListing,
  ResourceManager,
  ResourceManagerOptions,
  ResourceSpec,
  StoredResource,
} from './resources/resource-manager';
export { createResourceManager } from './resources/resource-manager';
export type { ResourceDigest } from './resources/integrity';
export { digestOf, verifyIntegrity } from './resources/integrity';
export type { PluginManifest } from './resources/read-manifest';
export type { RealmLimits } from './internal/realm';
export { SUPPORTED_API_VERSIONS } from './internal/realm';
export type { KindedDefinition } from './internal/bind-function';
export type {
  TableFunctionDefinition,
  TableFunctionEvaluator,
  TableFunctionOutput,
} from './table-function-contract';
export type {
  PluginApi,
  PluginFactory,
  PluginFunction,
  PluginSpec,
  UdafSpec,
  UdfSpec,
  UdtfSpec,
} from './sdk/plugin-api';
export type { PluginFunctionDefinition } from './sdk/define-plugin';
export { definePlugin } from './sdk/define-plugin';
export { defineUdf } from './sdk/define-udf';
export { defineUdtf } from './sdk/define-udtf';
export { defineUdaf } from './sdk/define-udaf';
