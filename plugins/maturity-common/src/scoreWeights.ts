import type { HierarchyLevel, RollUpLevel } from './api';

/**
 * The definitions of the core-weighted roll-up: the weights of the two sides, the levels, and the
 * most cores a workload may weigh (the annotations are checked against it). The rules that apply
 * them are in the maturity-node package (`combineScore`, `coreWeight`).
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

/**
 * The most cores one workload may weigh: well above any single service (the largest groups the
 * brief describes run millions of cores across many thousands of workloads), and low enough that
 * no sum over any real number of workloads overflows to Infinity, which would make a score NaN.
 * @public
 */
export const MAX_WORKLOAD_CORES = 1_000_000;

/** The levels of the organisation's hierarchy, from the narrowest. @public */
export const ROLL_UP_LEVELS: HierarchyLevel[] = [
  'product',
  'team',
  'department',
  'company',
];

/**
 * Every roll-up level: the hierarchy's, then the platforms, which rank the clusters (and declared
 * platforms) workloads run on, core-weighted like the groups.
 * @public
 */
export const ALL_ROLL_UP_LEVELS: RollUpLevel[] = [
  ...ROLL_UP_LEVELS,
  'platform',
];
