import fc from 'fast-check';

// Property tests are deterministic by default so CI is reproducible; explore with FC_SEED=$RANDOM.
const seed = Number(process.env['FC_SEED'] ?? 20261122);
// fast-check's default size ('small') keeps arrays near 10 elements whatever maxLength says, which hid a wrong
// property (histogram_numeric split invariance) for a whole session; 'medium' (up to ~100) costs no measurable
// time over the suite. FC_BASE_SIZE=large explores further.
const baseSize = (process.env['FC_BASE_SIZE'] ?? 'medium') as
  'xsmall' | 'small' | 'medium' | 'large' | 'xlarge';
fc.configureGlobal({
  seed,
  ...(process.env['FC_NUM_RUNS'] ? { numRuns: Number(process.env['FC_NUM_RUNS']) } : {}),
  baseSize,
});
