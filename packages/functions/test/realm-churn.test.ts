import { expect, test } from 'vitest';
import { HiveTypes } from '@hive-batch/core';
import { liveRealms } from '@hive-batch/functions';
import { pluginPackage, udfModule, writeFixture } from './helpers/fixtures';
import { runScalar, session } from './helpers/session';

const CYCLES = Number(process.env['FN_CHURN_CYCLES'] ?? 1_000);
const LANES = 4;

function settledMemory(): { rss: number; heap: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc == null) throw new Error('run with --expose-gc (set in vitest.config.ts)');
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.external + m.arrayBuffers };
}

// Scenario 12: every cycle starts a realm (worker), calls into it, and terminates it on DROP. Lanes use distinct
// packages so realms are really created and destroyed, four at a time.
test(
  `${CYCLES} CREATE/DROP cycles keep memory bounded and leave no workers`,
  { tags: ['slow'], timeout: 300_000 },
  async () => {
    const { dir, functions } = await session();
    const uris = await Promise.all(
      Array.from({ length: LANES }, (_, k) =>
        writeFixture(
          dir,
          `lane-${k}.tgz`,
          pluginPackage({ version: `1.0.${k}`, source: udfModule({ offset: k }) }),
        ),
      ),
    );
    const lane = async (k: number, cycles: number): Promise<void> => {
      const uri = uris[k] ?? '';
      for (let i = 0; i < cycles; i++) {
        const name = `f_${k}`;
        await functions.createFunction({
          name,
          className: 'plusOne',
          temporary: true,
          resources: [{ type: 'jar', uri }],
        });
        expect(runScalar(await functions.lookupFunction(name), [HiveTypes.int], [[i]])).toEqual([i + k]);
        await functions.dropFunction({ name, temporary: true });
      }
    };
    // Warm-up, so lazily created runtime structures are not counted as growth.
    await Promise.all(Array.from({ length: LANES }, (_, k) => lane(k, 5)));
    const before = settledMemory();
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await Promise.all(Array.from({ length: LANES }, (_, k) => lane(k, CYCLES / LANES)));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const after = settledMemory();
    const growthMb = (after.rss - before.rss) / 2 ** 20;
    const heapGrowthMb = (after.heap - before.heap) / 2 ** 20;
    console.log(
      `${CYCLES} cycles in ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU, all threads); rss growth ${growthMb.toFixed(1)} MiB, heap+external growth ${heapGrowthMb.toFixed(1)} MiB`,
    );
    expect(growthMb).toBeLessThan(50);
    expect(heapGrowthMb).toBeLessThan(50);
    expect(functions.realmCount()).toBe(0);
    expect(liveRealms()).toBe(0);
    expect(functions.listResources()).toEqual([]);
  },
);
