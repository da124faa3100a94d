/**
 * Where earlier trims' scans stood after whole chunks: "after chunks [0, end) the running minimum was
 * `smallest` and `draws` draws had been made". Such a state stays true while none of those chunks' gaps
 * change, and trims mostly change gaps far from the start (where most drops of the running minimum happen),
 * so a trim can resume from the last valid checkpoint instead of rescanning from gap 0.
 *
 * Checkpoints are recorded in scan order (ascending `end`, descending `smallest`).
 */
export class ScanCheckpoints {
  // Empty until the first trim: most groups of a many-group aggregation never trim.
  private end = new Int32Array(0);
  private smallest = new Float64Array(0);
  private draws = new Float64Array(0);
  private count = 0;
  /** Smallest chunk index whose gaps changed since the checkpoints were taken. */
  private dirtyFrom = 0;

  /** Chunk `ci`'s gaps changed (or chunks from `ci` on moved): later checkpoints no longer hold. */
  touch(ci: number): void {
    if (ci < this.dirtyFrom) this.dirtyFrom = ci < 0 ? 0 : ci;
  }

  /**
   * Drops checkpoints invalidated by changes or reached by the global minimum `m` (a scan stops at the first gap
   * equal to m, so a state whose running minimum is m was not a whole-chunk state of this scan); returns how
   * many remain, the last of which is where to resume.
   */
  validBelow(m: number): number {
    let n = this.count;
    while (n > 0 && ((this.end[n - 1] as number) > this.dirtyFrom || !((this.smallest[n - 1] as number) > m)))
      n--;
    this.count = n;
    return n;
  }

  lastEnd(): number {
    return this.end[this.count - 1] as number;
  }

  lastSmallest(): number {
    return this.smallest[this.count - 1] as number;
  }

  lastDraws(): number {
    return this.draws[this.count - 1] as number;
  }

  /** Records a whole-chunk state; call {@link settled} when the scan is over. */
  push(end: number, smallest: number, draws: number): void {
    if (this.count === this.end.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      const size = Math.max(16, 2 * this.count);
      this.end = grow(this.end, new Int32Array(size));
      this.smallest = grow(this.smallest, new Float64Array(size));
      this.draws = grow(this.draws, new Float64Array(size));
    }
    this.end[this.count] = end;
    this.smallest[this.count] = smallest;
    this.draws[this.count] = draws;
    this.count++;
  }

  /** The checkpoints now describe the current chunks. */
  settled(): void {
    this.dirtyFrom = 0x7fffffff;
  }
}
