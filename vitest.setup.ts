import fc from 'fast-check';

// Property tests are deterministic by default so CI is reproducible; explore with FC_SEED=$RANDOM.
const seed = Number(process.env['FC_SEED'] ?? 20261122);
fc.configureGlobal({
  seed,
  ...(process.env['FC_NUM_RUNS'] ? { numRuns: Number(process.env['FC_NUM_RUNS']) } : {}),
});
