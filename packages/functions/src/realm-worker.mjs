// Entry of a plugin realm (a worker thread). Plain ESM without TypeScript on purpose: Node 20 cannot run .ts in
// a worker, and this file must work both from the sources (tests) and from dist (the build copies it there).
// It only ever imports verified store paths (the content digest is part of every URL it is given).
import { register } from 'node:module';
import { workerData } from 'node:worker_threads';

const { controlPort, syncPort, flag, apiVersion, supportedApiVersions, hostVersion, restrictImports } =
  workerData;

if (restrictImports) {
  // Resolution hooks refuse child_process, worker_threads, module … and the host's packages; the escape hatches
  // around the loader go too. Defense in depth only: worker isolation is not a security boundary.
  register(new URL('./realm-hooks.mjs', import.meta.url));
  delete process.getBuiltinModule;
  process.binding = () => {
    throw new Error('process.binding is not available to plugins');
  };
  process.dlopen = () => {
    throw new Error('process.dlopen is not available to plugins');
  };
}

// One host API instance per realm: plugins get it injected, so `instanceof` checks against its classes hold
// even when a plugin bundles its own copy of the SDK.
class PluginDefinition {
  constructor(spec) {
    this.name = spec.name;
    this.apiVersion = spec.apiVersion;
    this.functions = spec.functions;
  }
}

class FunctionSpec {
  constructor(kind, spec) {
    this.kind = kind;
    this.spec = spec;
  }
}

function fail(code, message) {
  const error = new Error(message);
  error.code = code;
  return error;
}

function checkTypes(where, list) {
  if (!Array.isArray(list) || list.some((t) => typeof t !== 'string' || t.length === 0)) {
    throw fail('PLUGIN_API_MISMATCH', `${where} must be an array of Hive type names`);
  }
}

const api = Object.freeze({
  apiVersion,
  supportedApiVersions,
  hostVersion,
  PluginDefinition,
  FunctionSpec,
  definePlugin(spec) {
    if (spec == null || typeof spec !== 'object')
      throw fail('PLUGIN_API_MISMATCH', 'definePlugin needs an object');
    if (typeof spec.name !== 'string' || spec.name.length === 0) {
      throw fail('PLUGIN_API_MISMATCH', 'definePlugin: `name` must be a non-empty string');
    }
    if (!supportedApiVersions.includes(spec.apiVersion)) {
      throw fail(
        'PLUGIN_API_MISMATCH',
        `Plugin ${spec.name} targets apiVersion ${String(spec.apiVersion)}; host ${hostVersion} supports ${supportedApiVersions.join(', ')}`,
      );
    }
    if (spec.functions == null || typeof spec.functions !== 'object') {
      throw fail('PLUGIN_API_MISMATCH', `definePlugin ${spec.name}: \`functions\` must be an object`);
    }
    return new PluginDefinition(spec);
  },
  defineUdf(spec) {
    checkTypes('defineUdf argumentTypes', spec?.argumentTypes);
    if (typeof spec.resultType !== 'string')
      throw fail('PLUGIN_API_MISMATCH', 'defineUdf: resultType missing');
    if (typeof spec.evaluate !== 'function') throw fail('PLUGIN_API_MISMATCH', 'defineUdf: evaluate missing');
    return new FunctionSpec('scalar', spec);
  },
  defineUdtf(spec) {
    checkTypes('defineUdtf argumentTypes', spec?.argumentTypes);
    if (!Array.isArray(spec.outputColumns) || spec.outputColumns.length === 0) {
      throw fail('PLUGIN_API_MISMATCH', 'defineUdtf: outputColumns missing');
    }
    if (typeof spec.process !== 'function') throw fail('PLUGIN_API_MISMATCH', 'defineUdtf: process missing');
    return new FunctionSpec('table', spec);
  },
  defineUdaf(spec) {
    checkTypes('defineUdaf argumentTypes', spec?.argumentTypes);
    if (typeof spec.resultType !== 'string')
      throw fail('PLUGIN_API_MISMATCH', 'defineUdaf: resultType missing');
    for (const method of ['init', 'iterate', 'merge', 'terminate']) {
      if (typeof spec[method] !== 'function')
        throw fail('PLUGIN_API_MISMATCH', `defineUdaf: ${method} missing`);
    }
    return new FunctionSpec('aggregate', spec);
  },
});

/** exportKey ("pkgIndex:exportName") → FunctionSpec */
const loaded = new Map();

function describe(exportName, fn) {
  const s = fn.spec;
  const base = {
    exportName,
    kind: fn.kind,
    argumentTypes: s.argumentTypes,
    description: typeof s.description === 'string' ? s.description : '',
    deterministic: s.deterministic !== false,
  };
  if (fn.kind === 'scalar') return { ...base, resultType: s.resultType };
  if (fn.kind === 'table') {
    return {
      ...base,
      outputColumns: s.outputColumns.map((c) => ({ name: String(c.name), type: String(c.type) })),
    };
  }
  return {
    ...base,
    resultType: s.resultType,
    partialType: typeof s.partialType === 'string' ? s.partialType : null,
  };
}

async function load({ entries }) {
  const plugins = [];
  for (const [index, entry] of entries.entries()) {
    const mod = await import(entry.url);
    const factory = mod.plugin;
    if (typeof factory !== 'function') {
      throw fail(
        'PLUGIN_API_MISMATCH',
        `${entry.label} has no \`plugin\` export (a function receiving the host API)`,
      );
    }
    const plugin = await factory(api);
    if (!(plugin instanceof PluginDefinition)) {
      throw fail('PLUGIN_API_MISMATCH', `${entry.label}: \`plugin(api)\` must return api.definePlugin(…)`);
    }
    if (entry.apiVersion != null && entry.apiVersion !== plugin.apiVersion) {
      throw fail(
        'PLUGIN_API_MISMATCH',
        `${entry.label}: manifest apiVersion ${entry.apiVersion} differs from definePlugin apiVersion ${plugin.apiVersion}`,
      );
    }
    const functions = [];
    for (const [exportName, fn] of Object.entries(plugin.functions)) {
      if (!(fn instanceof FunctionSpec)) {
        functions.push({ exportName, kind: 'invalid' });
        continue;
      }
      loaded.set(`${index}:${exportName}`, fn);
      functions.push(describe(exportName, fn));
    }
    plugins.push({ name: plugin.name, apiVersion: plugin.apiVersion, functions });
  }
  return { plugins };
}

function lookup(key) {
  const fn = loaded.get(key);
  if (fn == null) throw fail('FUNCTION_NOT_FOUND', `No function ${key} in this realm`);
  return fn.spec;
}

function scalar({ key, args, numRows }) {
  const out = lookup(key).evaluate(args, numRows);
  if (!Array.isArray(out) || out.length !== numRows) {
    throw fail('FUNCTION_CALL_FAILED', `evaluate must return an array of ${numRows} values`);
  }
  return out;
}

function table({ key, args, numRows }) {
  const spec = lookup(key);
  const rowIndex = [];
  const rows = [];
  const row = new Array(args.length);
  for (let i = 0; i < numRows; i++) {
    for (let a = 0; a < args.length; a++) row[a] = args[a][i];
    for (const out of spec.process(row.slice())) {
      rowIndex.push(i);
      rows.push(out);
    }
  }
  return { rowIndex, rows };
}

function initState({ key }) {
  return lookup(key).init();
}

function accumulate({ key, states, slots, args, numRows }) {
  const spec = lookup(key);
  const row = new Array(args.length);
  for (let i = 0; i < numRows; i++) {
    for (let a = 0; a < args.length; a++) row[a] = args[a][i];
    const slot = slots[i];
    states[slot] = spec.iterate(states[slot], row.slice());
  }
  return states;
}

function merge({ key, state, partial }) {
  return lookup(key).merge(state, partial);
}

function terminatePartial({ key, state }) {
  const spec = lookup(key);
  return typeof spec.terminatePartial === 'function' ? spec.terminatePartial(state) : state;
}

function terminate({ key, state }) {
  return lookup(key).terminate(state);
}

const SYNC_OPS = { scalar, table, initState, accumulate, merge, terminatePartial, terminate };

function toWireError(error) {
  const code = error != null && typeof error.code === 'string' ? error.code : null;
  const message = error instanceof Error ? error.message : String(error);
  return { code, message, name: error instanceof Error ? error.name : 'Error' };
}

controlPort.on('message', (msg) => {
  if (msg.op === 'load') {
    load(msg).then(
      (result) => controlPort.postMessage({ id: msg.id, ok: true, result }),
      (error) => controlPort.postMessage({ id: msg.id, ok: false, error: toWireError(error) }),
    );
  }
});

syncPort.on('message', (msg) => {
  let reply;
  try {
    const op = SYNC_OPS[msg.op];
    if (op == null) throw fail('INVALID_ARGUMENT', `unknown realm op ${msg.op}`);
    reply = { seq: msg.seq, ok: true, result: op(msg) };
  } catch (error) {
    reply = { seq: msg.seq, ok: false, error: toWireError(error) };
  }
  try {
    syncPort.postMessage(reply);
  } catch (error) {
    // The result could not be cloned (a function, a class instance with private state …).
    syncPort.postMessage({ seq: msg.seq, ok: false, error: toWireError(error) });
  }
  Atomics.store(flag, 0, msg.seq);
  Atomics.notify(flag, 0);
});

controlPort.postMessage({ ready: true });
