import type { RollUpLevel } from './api';

/**
 * The rules of the core-weighted roll-up that the backend applies and the annotations check
 * against: how a platform and a business score combine, and what weight a workload's cores give
 * it. A group's score is Σ score(w)·cores(w) / Σ cores(w) over every workload under it, never a
 * mean of its children's means, so a 2,000-core service outweighs a 2-core one 1,000 to 1.
 */

/** Relative weights of the platform and business scores. @public */
export interface ScoreWeights {
  platform: number;
  business: number;
}

/** The default weights: platform and business count equally. @public */
export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = {
  platform: 0.5,
  business: 0.5,
};

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
 * The most cores one workload may weigh: well above any single service (the largest groups the
 * brief describes run millions of cores across many thousands of workloads), and low enough that
 * no sum over any real number of workloads overflows to Infinity, which would make a score NaN.
 * @public
 */
export const MAX_WORKLOAD_CORES = 1_000_000;

/**
 * The weight a workload's cores give it: 0 unless they are a positive number of at most
 * {@link MAX_WORKLOAD_CORES}.
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

/** The roll-up levels, from the narrowest. @public */
export const ROLL_UP_LEVELS: RollUpLevel[] = [
  'product',
  'team',
  'department',
  'company',
];
