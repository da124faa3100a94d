import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createResourceManager } from '@hive-batch/functions';
import type { ResourceManager } from '@hive-batch/functions';
import { tempDir } from '@hive-batch/test-utils';
import { makeTarball, pluginPackage, sri, udfModule, writeFixture } from './helpers/fixtures';
import { codeOf } from './helpers/errors';

const managers: ResourceManager[] = [];
afterEach(async () => {
  for (const m of managers.splice(0)) await m.close();
});

async function setup(options: Parameters<typeof createResourceManager>[0] = {}) {
  const dir = await tempDir('fn-rm-');
  const manager = createResourceManager({
    directory: join(dir.path, 'session'),
    baseDir: dir.path,
    ...options,
  });
  managers.push(manager);
  return { dir: dir.path, manager };
}

function stagingEmpty(manager: ResourceManager): boolean {
  return readdirSync(join(manager.directory, 'staging')).length === 0;
}

describe('integrity (scenario 1)', () => {
  test('a package with a matching SRI fragment is stored under its digest', async () => {
    const { dir, manager } = await setup();
    const bytes = pluginPackage();
    const path = await writeFixture(dir, 'toy.tgz', bytes);
    const [r] = await manager.acquire([{ type: 'jar', uri: `${path}#${sri(bytes)}` }]);
    expect(r?.digest.integrity).toBe(sri(bytes));
    expect(r?.format).toBe('package');
    expect(r?.manifest?.name).toBe('toy-udf');
    expect(r?.entryUrl).toContain(r?.digest.sha512);
    expect(manager.references(r?.digest.sha512 ?? '')).toBe(1);
  });

  test('an SRI mismatch is refused and nothing is stored or staged', async () => {
    const { dir, manager } = await setup();
    const path = await writeFixture(dir, 'toy.tgz', pluginPackage());
    expect(await codeOf(manager.acquire([{ type: 'jar', uri: `${path}#${sri('other bytes')}` }]))).toBe(
      'INTEGRITY_MISMATCH',
    );
    expect(manager.listResources()).toEqual([]);
    expect(stagingEmpty(manager)).toBe(true);
    expect(readdirSync(join(manager.directory, 'store'))).toEqual([]);
  });

  test('a remote resource without integrity is refused unless allowed', async () => {
    const bytes = new TextEncoder().encode(udfModule());
    const server = createServer((_req, res) => res.end(bytes));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/toy.mjs`;
      const { manager } = await setup();
      expect(await codeOf(manager.acquire([{ type: 'jar', uri: url }]))).toBe('INTEGRITY_MISMATCH');
      const [pinned] = await manager.acquire([{ type: 'jar', uri: `${url}#${sri(bytes)}` }]);
      expect(pinned?.format).toBe('module');
      const { manager: lax } = await setup({ allowUnpinnedRemote: true });
      const [unpinned] = await lax.acquire([{ type: 'jar', uri: url }]);
      expect(unpinned?.digest.integrity).toBe(sri(bytes));
    } finally {
      server.close();
    }
  });

  test('a remote resource over the size cap or answering 404 fails to fetch', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/big.mjs') res.end(new Uint8Array(4096));
      else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const { manager } = await setup({ maxResourceBytes: 1024, allowUnpinnedRemote: true });
      expect(await codeOf(manager.acquire([{ type: 'jar', uri: `${base}/big.mjs` }]))).toBe(
        'RESOURCE_FETCH_FAILED',
      );
      expect(await codeOf(manager.acquire([{ type: 'jar', uri: `${base}/missing.mjs` }]))).toBe(
        'RESOURCE_FETCH_FAILED',
      );
    } finally {
      server.close();
    }
  });
});

describe('all or nothing (scenario 2)', () => {
  test('when the second resource fails, the first is not registered either', async () => {
    const { dir, manager } = await setup();
    const good = await writeFixture(dir, 'good.tgz', pluginPackage());
    const bad = await writeFixture(dir, 'bad.tgz', pluginPackage({ apiVersion: 99 }));
    expect(
      await codeOf(
        manager.acquire([
          { type: 'jar', uri: good },
          { type: 'jar', uri: bad },
        ]),
      ),
    ).toBe('PLUGIN_API_MISMATCH');
    expect(
      await codeOf(
        manager.acquire([
          { type: 'jar', uri: good },
          { type: 'jar', uri: join(dir, 'absent.tgz') },
        ]),
      ),
    ).toBe('RESOURCE_FETCH_FAILED');
    expect(manager.listResources()).toEqual([]);
    expect(stagingEmpty(manager)).toBe(true);
  });
});

describe('hostile archives (scenario 3)', () => {
  const manifest = {
    path: 'package/package.json',
    data: JSON.stringify({
      name: 'x',
      version: '1.0.0',
      type: 'module',
      exports: './index.mjs',
      hiveBatch: { apiVersion: 1 },
    }),
  };
  const index = { path: 'package/index.mjs', data: 'export function plugin() {}' };
  const cases: [string, Parameters<typeof makeTarball>[0]][] = [
    ['parent traversal', [manifest, index, { path: 'package/../../evil.mjs', data: 'x' }]],
    ['absolute path', [manifest, index, { path: '/tmp/evil.mjs', data: 'x' }]],
    ['symlink', [manifest, index, { path: 'package/link', type: '2', linkname: '/etc/passwd' }]],
    ['hard link', [manifest, index, { path: 'package/hard', type: '1', linkname: 'package/index.mjs' }]],
    ['device', [manifest, index, { path: 'package/dev', type: '3' }]],
    ['outside package/', [manifest, index, { path: 'other/file.js', data: 'x' }]],
    ['backslash', [manifest, index, { path: 'package\\..\\evil.js', data: 'x' }]],
    ['duplicate', [manifest, index, { path: 'package/index.mjs', data: 'y' }]],
    [
      'pax path escape',
      [
        manifest,
        index,
        { path: 'package/PaxHeader', type: 'x', data: '30 path=package/../../evil.js\n' },
        { path: 'package/ok.js', data: 'x' },
      ],
    ],
  ];
  test.each(cases)('%s is refused before anything is written', async (_name, entries) => {
    const { dir, manager } = await setup();
    const path = await writeFixture(dir, 'evil.tgz', makeTarball(entries));
    expect(await codeOf(manager.acquire([{ type: 'jar', uri: path }]))).toBe('UNSAFE_ARCHIVE');
    expect(stagingEmpty(manager)).toBe(true);
    expect(existsSync(join(dir, 'evil.mjs'))).toBe(false);
  });

  test('too many entries, too deep, or too large after decompression are refused', async () => {
    const { dir, manager } = await setup({
      maxArchiveEntries: 5,
      maxUnpackedBytes: 64 * 1024,
      maxArchiveDepth: 3,
    });
    const many = makeTarball([
      manifest,
      index,
      ...Array.from({ length: 5 }, (_, i) => ({ path: `package/f${i}.js`, data: 'x' })),
    ]);
    const deep = makeTarball([manifest, index, { path: 'package/a/b/c/d/e.js', data: 'x' }]);
    const bomb = makeTarball([
      manifest,
      index,
      { path: 'package/zeros.bin', data: new Uint8Array(1024 * 1024) },
    ]);
    for (const [name, bytes] of [
      ['many.tgz', many],
      ['deep.tgz', deep],
      ['bomb.tgz', bomb],
    ] as const) {
      const path = await writeFixture(dir, name, bytes);
      expect(await codeOf(manager.acquire([{ type: 'jar', uri: path }]))).toBe('UNSAFE_ARCHIVE');
    }
    expect(stagingEmpty(manager)).toBe(true);
  });

  test('any safe file tree round-trips through the store', async () => {
    const { dir, manager } = await setup();
    const segment = fc.stringMatching(/^[a-z][a-z0-9_-]{0,7}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/')),
          { minLength: 1, maxLength: 6, selector: (p) => p.toLowerCase() },
        ),
        fc.string(),
        async (paths, content) => {
          // A path may not also be a directory of another path.
          const files = paths.filter(
            (p) =>
              !paths.some((q) => q !== p && q.startsWith(`${p}/`)) &&
              p !== 'package.json' &&
              p !== 'index.mjs',
          );
          const bytes = pluginPackage({
            files: Object.fromEntries(files.map((p) => [p, `${p}:${content}`])),
          });
          const path = await writeFixture(dir, 'tree.tgz', bytes);
          const [r] = await manager.acquire([{ type: 'jar', uri: path }]);
          const root = join(manager.directory, 'store', r?.digest.sha512 ?? '', 'root');
          const { readFileSync } = await import('node:fs');
          for (const f of files)
            expect(readFileSync(join(root, ...f.split('/')), 'utf8')).toBe(`${f}:${content}`);
          await manager.release(r?.digest.sha512 ?? '');
          manager.forgetUris();
          expect(existsSync(root)).toBe(false);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('manifest and API checks (scenario 4)', () => {
  const cases: [string, Parameters<typeof pluginPackage>[0]][] = [
    ['unsupported apiVersion', { apiVersion: 2 }],
    ['missing hiveBatch block', { apiVersion: 'none' }],
    ['unsatisfied host peer range', { peerRange: '^9.0.0' }],
    ['not an ES module package', { manifest: { type: 'commonjs' } }],
    ['runtime dependencies', { manifest: { dependencies: { 'left-pad': '^1.0.0' } } }],
    ['export outside the package', { manifest: { exports: '../outside.mjs' } }],
    ['no exports', { manifest: { exports: undefined } }],
    ['version not semver', { version: 'one' }],
  ];
  test.each(cases)('%s is refused', async (_name, options) => {
    const { dir, manager } = await setup();
    const path = await writeFixture(dir, 'p.tgz', pluginPackage(options));
    expect(await codeOf(manager.acquire([{ type: 'jar', uri: path }]))).toBe('PLUGIN_API_MISMATCH');
  });

  test('a package without package.json is refused', async () => {
    const { dir, manager } = await setup();
    const path = await writeFixture(
      dir,
      'p.tgz',
      makeTarball([{ path: 'package/index.mjs', data: udfModule() }]),
    );
    expect(await codeOf(manager.acquire([{ type: 'jar', uri: path }]))).toBe('PLUGIN_API_MISMATCH');
  });

  test('ARCHIVE resources are refused', async () => {
    const { dir, manager } = await setup();
    const path = await writeFixture(dir, 'p.tgz', pluginPackage());
    expect(await codeOf(manager.acquire([{ type: 'archive', uri: path }]))).toBe('UNSUPPORTED_OPERATION');
  });
});

describe('same URI, changed bytes (scenario 8)', () => {
  test('is an error while the old digest is referenced, and accepted after forgetting', async () => {
    const { dir, manager } = await setup();
    const path = await writeFixture(dir, 'toy.mjs', udfModule({ offset: 1 }));
    const [first] = await manager.acquire([{ type: 'jar', uri: path }]);
    await writeFixture(dir, 'toy.mjs', udfModule({ offset: 2 }));
    expect(await codeOf(manager.acquire([{ type: 'jar', uri: path }]))).toBe('INTEGRITY_MISMATCH');
    manager.forgetUris();
    const [second] = await manager.acquire([{ type: 'jar', uri: path }]);
    expect(second?.digest.sha512).not.toBe(first?.digest.sha512);
    expect(second?.entryUrl).not.toBe(first?.entryUrl);
  });

  test('two URIs with the same bytes share one store entry', async () => {
    const { dir, manager } = await setup();
    const a = await writeFixture(dir, 'a.mjs', udfModule());
    const b = await writeFixture(dir, 'b.mjs', udfModule());
    const [ra, rb] = await manager.acquire([
      { type: 'jar', uri: a },
      { type: 'file', uri: `file://${b}` },
    ]);
    expect(ra?.digest.sha512).toBe(rb?.digest.sha512);
    expect(manager.references(ra?.digest.sha512 ?? '')).toBe(2);
    expect(readdirSync(join(manager.directory, 'store'))).toHaveLength(1);
  });
});

describe('session resources and close', () => {
  test('ADD JAR, LIST JARS, DELETE JAR', async () => {
    const { dir, manager } = await setup();
    const a = await writeFixture(dir, 'a.mjs', udfModule({ label: 'a' }));
    await manager.addSessionResources([{ type: 'jar', uri: a }]);
    await manager.addSessionResources([{ type: 'jar', uri: a }]);
    expect(manager.listResources().map((r) => [r.uri, r.references])).toEqual([[a, 1]]);
    expect(manager.sessionResources()).toEqual([{ type: 'jar', uri: a }]);
    expect(await manager.deleteSessionResource(a)).toBe(true);
    expect(await manager.deleteSessionResource(a)).toBe(false);
    expect(manager.listResources()).toEqual([]);
  });

  test('close removes the session directory', async () => {
    const { dir, manager } = await setup();
    await manager.acquire([{ type: 'jar', uri: await writeFixture(dir, 'a.mjs', udfModule()) }]);
    await manager.close();
    expect(existsSync(manager.directory)).toBe(false);
    expect(await codeOf(manager.acquire([]))).toBe('INVALID_ARGUMENT');
  });
});
