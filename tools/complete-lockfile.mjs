#!/usr/bin/env node
// The npm registry reachable from our machines serves only the linux builds of platform-specific optional
// packages (e.g. @rollup/rollup-darwin-x64 answers 404). `npm install` then leaves those packages out of
// package-lock.json, and `npm ci` rejects the lock as out of sync ("Missing: … from lock file").
// This script adds, for every optional dependency edge without a node, a placeholder node that carries
// the platform constraints read from the package name, so `npm ci` accepts the lock and skips the package
// on this platform exactly as it would with a lock written where the registry serves every platform.
// Run it after any `npm install` that changes the lock:  node tools/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const OS_TOKENS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'netbsd', 'sunos', 'aix', 'win32', 'openharmony', 'windows'];
const CPU_TOKENS = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'wasm32', '64'];

function platformOf(name) {
  const tokens = name.replace(/^@[^/]+\//, '').split(/[-_/]/);
  const os = tokens.find((t) => OS_TOKENS.includes(t));
  const cpu = tokens.find((t) => CPU_TOKENS.includes(t) && t !== '64') ?? (tokens.includes('64') ? 'x64' : undefined);
  const libc = tokens.includes('musl') || tokens.includes('musleabihf') ? 'musl' : undefined;
  return { os: os === 'windows' ? 'win32' : os, cpu, libc };
}

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;
let added = 0;
const unresolved = [];
for (const [path, node] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(node.optionalDependencies ?? {})) {
    const base = path === '' ? '' : `${path}/`;
    const candidates = [`${base}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => packages[c])) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) {
      unresolved.push(dep);
      continue;
    }
    packages[`node_modules/${dep}`] = {
      version,
      ...(node.dev ? { dev: true } : {}),
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} placeholder node(s)`);
if (unresolved.length > 0) {
  console.error(`complete-lockfile: cannot infer the platform of: ${unresolved.join(', ')}`);
  process.exitCode = 1;
}
