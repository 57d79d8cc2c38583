import {
  DEFAULT_SCORE_WEIGHTS,
  MAX_WORKLOAD_CORES,
  ScoreWeights,
} from '@internal/plugin-maturity-common';

/** The weights' sum, after checking they can make a score. */
function weightsTotal(weights: ScoreWeights): number {
  const total = weights.platform + weights.business;
  if (!(total > 0) || weights.platform < 0 || weights.business < 0) {
    throw new Error(
      `Invalid maturity score weights ${JSON.stringify(
        weights,
      )}: expected two non-negative numbers with a positive sum`,
    );
  }
  return total;
}

/**
 * Combines a platform and a business score. Weights are normalised by their sum, so the
 * default 0.5/0.5 and e.g. 1/1 give the same result and the score stays on the 0–100 scale.
 * @public
 */
export function combineScore(
  platform: number,
  business: number,
  weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS,
): number {
  const total = weightsTotal(weights);
  return (weights.platform * platform + weights.business * business) / total;
}

/**
 * The weight a workload's cores give it: 0 unless they are a positive number of at most
 * `MAX_WORKLOAD_CORES`.
 * @public
 */
export function coreWeight(cores: number | null | undefined): number {
  return typeof cores === 'number' && cores > 0 && cores <= MAX_WORKLOAD_CORES
    ? cores
    : 0;
}

/**
 * Orders by ref in code-unit order, not locale order, so the same refs sort the same on every
 * machine.
 * @public
 */
export function byRef(a: { ref: string }, b: { ref: string }): number {
  if (a.ref === b.ref) return 0;
  return a.ref < b.ref ? -1 : 1;
}
