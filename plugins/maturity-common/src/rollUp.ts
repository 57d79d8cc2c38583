import type { RollUpLevel } from './api';

/**
 * Core-weighted roll-up of workload scores to product, team, department and company.
 *
 * A parent's score is Σ score(w)·cores(w) / Σ cores(w) over every workload under it, never a
 * mean of its children's means, so a 2,000-core service outweighs a 2-core one 1,000 to 1.
 */

/** One workload's input to {@link rollUp}. @public */
export interface RollUpWorkload {
  ref: string;
  /** CPU cores; `null`, 0, negative, non-finite or more than MAX_WORKLOAD_CORES give no weight. */
  cores: number | null;
  /** Platform score, 0–100. */
  platform: number;
  /** Business score, 0–100. */
  business: number;
  product?: string;
  team?: string;
  department?: string;
  company?: string;
}

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

/**
 * One group (product, team, department or company) after the roll-up.
 * `score`, `platform` and `business` are `null` when no workload under it carries weight.
 * @public
 */
export interface RollUpGroup {
  ref: string;
  score: number | null;
  platform: number | null;
  business: number | null;
  /** Σ cores of the weighted workloads. */
  cores: number;
  /** Every workload under the group, weighted or not. */
  workloads: number;
  /** Workloads listed under the group that carry no weight (0 or unknown cores). */
  unweightedWorkloads: number;
}

/** The output of {@link rollUp}. @public */
export interface RollUpResult {
  products: RollUpGroup[];
  teams: RollUpGroup[];
  departments: RollUpGroup[];
  companies: RollUpGroup[];
}

/** Input of {@link rollUp}. @public */
export interface RollUpInput {
  workloads: RollUpWorkload[];
  weights?: ScoreWeights;
}

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

const combine = (
  platform: number,
  business: number,
  weights: ScoreWeights,
  total: number,
) => (weights.platform * platform + weights.business * business) / total;

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
  return combine(platform, business, weights, weightsTotal(weights));
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

interface Accumulator {
  ref: string;
  cores: number;
  weightedScore: number;
  weightedPlatform: number;
  weightedBusiness: number;
  workloads: number;
  unweighted: number;
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

type Level = RollUpLevel;
/** The roll-up levels, from the narrowest. @public */
export const ROLL_UP_LEVELS: RollUpLevel[] = [
  'product',
  'team',
  'department',
  'company',
];

/**
 * Rolls workload scores up level by level as they are added, each workload weighted by its CPU
 * cores, so a run can add each page's workloads as it scores them and keep nothing of them.
 * @public
 */
export class ScoreRollUp {
  private readonly weights: ScoreWeights;
  // Checked once, not once per workload.
  private readonly total: number;
  private readonly groups: Record<Level, Map<string, Accumulator>> = {
    product: new Map(),
    team: new Map(),
    department: new Map(),
    company: new Map(),
  };

  constructor(weights: ScoreWeights = DEFAULT_SCORE_WEIGHTS) {
    this.weights = weights;
    this.total = weightsTotal(weights);
  }

  add(w: RollUpWorkload): void {
    const score = combine(w.platform, w.business, this.weights, this.total);
    const weight = coreWeight(w.cores);
    for (const level of ROLL_UP_LEVELS) {
      const ref = w[level];
      if (!ref) continue;
      let acc = this.groups[level].get(ref);
      if (!acc) {
        acc = {
          ref,
          cores: 0,
          weightedScore: 0,
          weightedPlatform: 0,
          weightedBusiness: 0,
          workloads: 0,
          unweighted: 0,
        };
        this.groups[level].set(ref, acc);
      }
      acc.workloads += 1;
      if (weight === 0) acc.unweighted += 1;
      acc.cores += weight;
      acc.weightedScore += score * weight;
      acc.weightedPlatform += w.platform * weight;
      acc.weightedBusiness += w.business * weight;
    }
  }

  /** The groups of every level, sorted by ref so the result is deterministic. */
  result(): RollUpResult {
    const finish = (level: Level): RollUpGroup[] =>
      [...this.groups[level].values()].sort(byRef).map(acc => {
        const weighted = acc.cores > 0;
        return {
          ref: acc.ref,
          score: weighted ? acc.weightedScore / acc.cores : null,
          platform: weighted ? acc.weightedPlatform / acc.cores : null,
          business: weighted ? acc.weightedBusiness / acc.cores : null,
          cores: acc.cores,
          workloads: acc.workloads,
          unweightedWorkloads: acc.unweighted,
        };
      });
    return {
      products: finish('product'),
      teams: finish('team'),
      departments: finish('department'),
      companies: finish('company'),
    };
  }
}

/**
 * Rolls workload scores up level by level, each workload weighted by its CPU cores.
 * Groups come out sorted by ref so the result is deterministic.
 * @public
 */
export function rollUp(input: RollUpInput): RollUpResult {
  const rolled = new ScoreRollUp(input.weights);
  for (const w of input.workloads) rolled.add(w);
  return rolled.result();
}
