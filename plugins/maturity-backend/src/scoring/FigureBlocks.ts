/** A typed array of figures: what {@link FigureBlocks} hands out. */
type Figures = Float32Array | Float64Array;

/** Slices handed out per block. */
const SLICES_PER_BLOCK = 1024;

/**
 * Fixed-width slices of figures, cut from blocks of typed arrays made a block at a time. A run
 * keeps figures for every group (a million workloads make ~190,000 products and teams), and
 * adds every workload to five of them:
 *
 * - in a block, the figures of groups made one after another sit side by side outside V8's
 *   heap, where the collector neither marks nor moves them; a group is then one small object and
 *   a view, not an object per figure;
 * - a view's length is its width, so a figure read past it reads `undefined`, not a neighbour's.
 *
 * Slices are never freed one by one: they go with the blocks when the run's roll-up is dropped.
 */
export class FigureBlocks<T extends Figures> {
  private block?: T;
  private used = 0;

  constructor(
    private readonly make: (length: number) => T,
    private readonly width: number,
  ) {}

  /** A new slice of `width` figures, each 0. */
  next(): T {
    if (!this.block || this.used === SLICES_PER_BLOCK) {
      this.block = this.make(SLICES_PER_BLOCK * this.width);
      this.used = 0;
    }
    const start = this.used * this.width;
    this.used += 1;
    return this.block.subarray(start, start + this.width) as T;
  }
}
