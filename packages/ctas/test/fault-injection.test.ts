import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HiveBatchError, HiveTypes } from '@hive-batch/core';
import { createMemoryCatalog, createSqliteCatalog } from '@hive-batch/catalog';
import type { Catalog } from '@hive-batch/catalog';
import type { CtasFileSystem, CtasMode, CtasWriteTarget, CtasJobResult, QueryColumn } from '@hive-batch/ctas';
import { getSuppressedErrors, recoverPendingCtas, runCtas } from '@hive-batch/ctas';
import type { CatalogFault, FsFault } from './helpers';
import {
  COLUMNS,
  expectNothingLeft,
  faultyCatalog,
  faultyFs,
  journalTo,
  tempWarehouse,
  textWriter,
} from './helpers';

const ID = { database: 'default', table: 'target' };
const injected = (): HiveBatchError => new HiveBatchError('IO_ERROR', 'injected fault');

interface Scenario {
  readonly name: string;
  readonly modes: readonly CtasMode[];
  readonly columns?: readonly QueryColumn[];
  readonly catalogFaults?: readonly CatalogFault[];
  readonly fsFaults?: (warehouse: string) => readonly FsFault[];
  /** The job; by default a writer that fails with `jobError` when given. */
  readonly job?: (jobError: Error) => (target: CtasWriteTarget) => Promise<CtasJobResult>;
  /** {@link JOB}: the job's own error object is thrown; else the expected error code. */
  readonly reported: string;
  /** The cleanup failed too: it must be attached to the reported error, and recovery must finish it. */
  readonly cleanupFails?: boolean;
}

/** The reported error must be the job's own error object. */
const JOB = '<the job error>';
const isStaging = (p: string): boolean => path.basename(p).startsWith('.hive-staging');

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'schema derivation (void column)',
    modes: ['atomic', 'drop-on-failure'],
    columns: [{ name: 'n', type: HiveTypes.void }],
    reported: 'SEMANTIC_ERROR',
  },
  {
    name: 'create: the metastore write of the table/journal fails',
    modes: ['atomic', 'drop-on-failure'],
    catalogFaults: [
      { method: 'createTable', error: injected() },
      { method: 'writeJournal', when: journalTo('PENDING'), error: injected() },
    ],
    reported: 'IO_ERROR',
  },
  {
    name: 'create: the write directory cannot be made',
    modes: ['atomic', 'drop-on-failure'],
    fsFaults: () => [{ op: 'mkdirp', error: injected(), times: 1 }],
    reported: 'IO_ERROR',
  },
  {
    name: 'first write',
    modes: ['atomic', 'drop-on-failure'],
    job: (e) => textWriter({ failAfterFiles: 0, error: e }),
    reported: JOB,
  },
  {
    name: 'mid-write',
    modes: ['atomic', 'drop-on-failure'],
    job: (e) => textWriter({ files: 4, failAfterFiles: 2, error: e }),
    reported: JOB,
  },
  {
    name: 'job fails after its last write',
    modes: ['atomic', 'drop-on-failure'],
    job: (e) => textWriter({ failAfterFiles: 3, error: e }),
    reported: JOB,
  },
  {
    name: 'before commit (journal COMMITTING / statistics)',
    modes: ['atomic', 'drop-on-failure'],
    catalogFaults: [
      { method: 'writeJournal', when: journalTo('COMMITTING'), error: injected() },
      { method: 'alterTable', error: injected() },
    ],
    reported: 'COMMIT_FAILED',
  },
  {
    name: 'during commit: the metastore transaction fails',
    modes: ['atomic'],
    catalogFaults: [{ method: 'createTable', error: injected() }],
    reported: 'COMMIT_FAILED',
  },
  {
    name: 'during commit: moving the staged data fails',
    modes: ['atomic'],
    fsFaults: () => [{ op: 'rename', error: injected() }],
    reported: 'COMMIT_FAILED',
  },
  {
    name: 'during commit: the COMMITTED journal write fails',
    modes: ['drop-on-failure'],
    catalogFaults: [{ method: 'writeJournal', when: journalTo('COMMITTED'), error: injected() }],
    reported: 'COMMIT_FAILED',
  },
  {
    name: 'during abort: removing the staged data fails',
    modes: ['atomic'],
    job: (e) => textWriter({ failAfterFiles: 1, error: e }),
    fsFaults: () => [{ op: 'removeTree', when: isStaging, error: injected() }],
    reported: JOB,
    cleanupFails: true,
  },
  {
    name: 'during abort: dropping the table fails',
    modes: ['drop-on-failure'],
    job: (e) => textWriter({ failAfterFiles: 1, error: e }),
    catalogFaults: [{ method: 'dropTable', error: injected() }],
    reported: JOB,
    cleanupFails: true,
  },
  {
    name: 'during abort after a failed commit: the commit error stays the reported one',
    modes: ['atomic'],
    fsFaults: () => [
      { op: 'rename', error: injected() },
      { op: 'removeTree', when: isStaging, error: injected() },
    ],
    reported: 'COMMIT_FAILED',
    cleanupFails: true,
  },
];

type Factory = (warehouse: string) => Catalog;
const CATALOGS: readonly [string, Factory][] = [
  ['sqlite', (warehouse) => createSqliteCatalog({ warehouse })],
  ['memory', (warehouse) => createMemoryCatalog({ warehouse })],
];

describe.each(CATALOGS)('CTAS fault injection (%s metastore)', (_name, open) => {
  for (const s of SCENARIOS) {
    for (const mode of s.modes) {
      it(`${mode}: ${s.name}`, async () => {
        const warehouse = tempWarehouse();
        const real = open(warehouse);
        const catalog = faultyCatalog(real, s.catalogFaults ?? []);
        const fileSystem: CtasFileSystem = faultyFs(s.fsFaults?.(warehouse) ?? []);
        const jobError = new Error('the job failed');
        let jobRuns = 0;
        const job = s.job?.(jobError) ?? textWriter();
        const outcome = await runCtas({
          catalog,
          table: 'TARGET',
          columns: s.columns ?? COLUMNS,
          mode,
          fileSystem,
          job: (t) => {
            jobRuns++;
            return job(t);
          },
        }).then(
          () => ({ ok: true as const }),
          (e: unknown) => ({ ok: false as const, error: e }),
        );
        expect(outcome.ok).toBe(false);
        const error = outcome.ok ? undefined : outcome.error;
        const reported = s.reported === JOB ? error : (error as { code?: string }).code;
        expect(reported).toBe(s.reported === JOB ? jobError : s.reported);
        expect(s.columns != null ? jobRuns : 0).toBe(0);

        const suppressed = getSuppressedErrors(error);
        expect(suppressed.map((c) => (c as { code?: string }).code)).toEqual(
          s.cleanupFails === true ? ['CLEANUP_FAILED'] : [],
        );
        // Atomic: never visible, even before cleanup is retried. Drop-on-failure: the owned table goes with the
        // cleanup, so a failed drop is finished by recovery (as Spark leaves it orphaned; we journal it).
        expect((await real.findTable(ID)) != null).toBe(mode !== 'atomic' && s.cleanupFails === true);
        const pending = await real.listJournal('ctas');
        expect(pending.map((e) => e.state)).toEqual(
          s.cleanupFails === true ? ['CLEANUP_FAILED'] : pending.length === 0 ? [] : ['ABORTED'],
        );

        const report = await recoverPendingCtas(real);
        expect(report.failed).toEqual([]);
        expect(report.aborted).toHaveLength(s.cleanupFails === true ? 1 : 0);
        await expectNothingLeft(real, ID, warehouse);

        // Scenario 19: a retry after the failure succeeds; no leftover blocks it.
        await runCtas({ catalog: real, table: 'target', columns: COLUMNS, mode, job: textWriter() });
        expect((await real.getTable(ID)).statistics).toMatchObject({ numRows: 12, numFiles: 3 });
        await real.close();
      });
    }
  }
});
