/**
 * Σ weight·value / Σ weight, added one value at a time: a side's or a dimension's score over its
 * checks, a group's dimension score over its workloads' cores.
 * @public
 */
export class WeightedMean {
  private sum = 0;
  private weights = 0;

  /** A value that is not a number (unknown, not counted) adds nothing, not even its weight. */
  add(weight: number, value: number | null | undefined): void {
    if (typeof value !== 'number') return;
    this.sum += weight * value;
    this.weights += weight;
  }

  /** `null` if nothing with a weight was counted. */
  mean(): number | null {
    return this.weights > 0 ? this.sum / this.weights : null;
  }
}
