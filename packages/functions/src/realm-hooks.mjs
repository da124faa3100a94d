// Module resolution hooks of a restricted realm (registered inside the worker, so they affect only that realm).
// Defense in depth, not a sandbox: refuses process-spawning and loader-escaping builtins and the host's own
// packages (the host API is injected instead, so a realm has exactly one instance of it).
const DENIED_BUILTINS = new Set([
  'child_process',
  'worker_threads',
  'cluster',
  'module',
  'vm',
  'inspector',
  'repl',
]);

export async function resolve(specifier, context, nextResolve) {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  if (DENIED_BUILTINS.has(bare.split('/')[0]) || specifier.startsWith('@hive-batch/')) {
    const error = new Error(`Plugins may not import \`${specifier}\``);
    error.code = 'ERR_ACCESS_DENIED';
    throw error;
  }
  return nextResolve(specifier, context);
}
