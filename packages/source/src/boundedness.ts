/**
 * Whether a source ends. `BOUNDED` sources (batch) finish once every split is read;
 * `CONTINUOUS_UNBOUNDED` sources may discover splits forever.
 */
export type Boundedness = 'BOUNDED' | 'CONTINUOUS_UNBOUNDED';
