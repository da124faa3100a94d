import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One tar entry of a hand-made archive (for hostile-archive tests). */
export interface TarEntry {
  readonly path: string;
  /** '0' file (default), '5' directory, '1' hard link, '2' symlink, '3' char device, 'x' pax header. */
  readonly type?: string;
  readonly data?: Uint8Array | string;
  readonly linkname?: string;
}

function writeString(block: Uint8Array, offset: number, length: number, text: string): void {
  const bytes = new TextEncoder().encode(text);
  block.set(bytes.subarray(0, length), offset);
}

function writeOctal(block: Uint8Array, offset: number, length: number, value: number): void {
  writeString(block, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

/** A ustar archive, gzip'd, with exactly the given entries (no validation: tests build hostile ones). */
export function makeTarball(entries: readonly TarEntry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (const entry of entries) {
    const data =
      typeof entry.data === 'string'
        ? new TextEncoder().encode(entry.data)
        : (entry.data ?? new Uint8Array());
    const header = new Uint8Array(512);
    let name = entry.path;
    let prefix = '';
    if (name.length > 100) {
      const cut = name.lastIndexOf('/', 154);
      prefix = name.slice(0, cut);
      name = name.slice(cut + 1);
    }
    writeString(header, 0, 100, name);
    writeOctal(header, 100, 8, entry.type === '5' ? 0o755 : 0o644);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    writeOctal(header, 124, 12, data.length);
    writeOctal(header, 136, 12, 0);
    header.fill(32, 148, 156);
    writeString(header, 156, 1, entry.type ?? '0');
    writeString(header, 157, 100, entry.linkname ?? '');
    writeString(header, 257, 6, 'ustar\0');
    writeString(header, 263, 2, '00');
    writeString(header, 345, 155, prefix);
    let sum = 0;
    for (const b of header) sum += b;
    writeString(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(header);
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(1024));
  const total = blocks.reduce((n, b) => n + b.length, 0);
  const tar = new Uint8Array(total);
  let at = 0;
  for (const b of blocks) {
    tar.set(b, at);
    at += b.length;
  }
  return new Uint8Array(gzipSync(tar));
}

/** Options of {@link pluginPackage}. */
export interface PluginPackageOptions {
  readonly name?: string;
  readonly version?: string;
  /** `hiveBatch.apiVersion` in the manifest; `'none'` leaves the block out. Defaults to 1. */
  readonly apiVersion?: number | 'none';
  /** Peer range on @hive-batch/functions; `'none'` leaves it out. Defaults to `>=0.0.0`. */
  readonly peerRange?: string;
  /** index.mjs source. Defaults to {@link udfModule}(). */
  readonly source?: string;
  /** Extra or replaced manifest fields. */
  readonly manifest?: Record<string, unknown>;
  /** Extra files under package/. */
  readonly files?: Readonly<Record<string, string>>;
}

/** An npm-pack-shaped tarball of a plugin package. */
export function pluginPackage(options: PluginPackageOptions = {}): Uint8Array {
  const manifest: Record<string, unknown> = {
    name: options.name ?? 'toy-udf',
    version: options.version ?? '1.0.0',
    type: 'module',
    exports: { '.': './index.mjs' },
    ...(options.apiVersion === 'none' ? {} : { hiveBatch: { apiVersion: options.apiVersion ?? 1 } }),
    ...(options.peerRange === 'none'
      ? {}
      : { peerDependencies: { '@hive-batch/functions': options.peerRange ?? '>=0.0.0' } }),
    ...options.manifest,
  };
  return makeTarball([
    { path: 'package/package.json', data: JSON.stringify(manifest) },
    { path: 'package/index.mjs', data: options.source ?? udfModule() },
    ...Object.entries(options.files ?? {}).map(([path, data]) => ({ path: `package/${path}`, data })),
  ]);
}

/**
 * A plugin module: `plusOne` (int → int + `offset`), `tag` (string → `${label}:${s}`), `counter` (non-deterministic
 * per-realm call counter), `explode` (UDTF) and `total` (UDAF sum of bigint as number).
 */
export function udfModule(
  options: { readonly offset?: number; readonly label?: string; readonly extra?: string } = {},
): string {
  return `
let calls = 0;
${options.extra ?? ''}
export function plugin(api) {
  return api.definePlugin({ name: 'toy', apiVersion: 1, functions: {
    plusOne: api.defineUdf({ argumentTypes: ['int'], resultType: 'int', description: 'plus_one(x) - x + ${options.offset ?? 1}',
      evaluate: ([xs]) => xs.map((x) => (x == null ? null : x + ${options.offset ?? 1})) }),
    tag: api.defineUdf({ argumentTypes: ['string'], resultType: 'string',
      evaluate: ([xs]) => xs.map((x) => (x == null ? null : ${JSON.stringify(options.label ?? 'v1')} + ':' + x)) }),
    counter: api.defineUdf({ argumentTypes: [], resultType: 'int', deterministic: false,
      evaluate: (_c, n) => Array.from({ length: n }, () => ++calls) }),
    explode: api.defineUdtf({ argumentTypes: ['int'], outputColumns: [{ name: 'i', type: 'int' }],
      *process([n]) { for (let i = 0; i < (n ?? 0); i++) yield [i]; } }),
    total: api.defineUdaf({ argumentTypes: ['int'], resultType: 'bigint',
      init: () => 0, iterate: (s, [x]) => (x == null ? s : s + x), merge: (s, p) => s + p, terminate: (s) => BigInt(s) }),
    notAFunction: 42,
  } });
}
`;
}

/** Writes bytes into a directory and returns the absolute path. */
export async function writeFixture(dir: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** npm's SRI of some bytes. */
export function sri(bytes: Uint8Array | string): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}
