import {
  CheckDefinition,
  CheckResult,
  CheckSide,
  ScoreWeights,
} from '@internal/plugin-maturity-common';
import { combineScore } from './weights';

/** What a check's result holds that its gain is worked out from. @public */
export type GainInput = Pick<CheckResult, 'id' | 'status' | 'credit'>;

/**
 * The points a workload's score would gain if each of its checks passed, in the order of
 * `results`; 0 for a check that passes, does not apply or is waived. A side's score is
 * Σ weight·credit / Σ weight over its counted checks, so a counted check with credit `k` adds
 * `weight·(1 − k) / Σ weight` to its side, and an unknown one, counted once it passes, turns
 * `E / W` into `(E + weight) / (W + weight)`. The side's gain goes into the score by the score
 * weights ({@link combineScore}). A workload without a score (a side with nothing counted)
 * gains nothing here: it carries no weight in any roll-up until both sides count a check.
 * @public
 */
export function checkGains(
  results: readonly GainInput[],
  definitions: ReadonlyMap<string, Pick<CheckDefinition, 'side' | 'weight'>>,
  weights?: ScoreWeights,
): number[] {
  const earned: Record<CheckSide, number> = { platform: 0, business: 0 };
  const counted: Record<CheckSide, number> = { platform: 0, business: 0 };
  for (const r of results) {
    const check = definitions.get(r.id);
    if (!check || r.credit === null) continue;
    earned[check.side] += check.weight * r.credit;
    counted[check.side] += check.weight;
  }
  if (counted.platform === 0 || counted.business === 0)
    return results.map(() => 0);
  const side = (s: CheckSide) => (100 * earned[s]) / counted[s];
  const now = combineScore(side('platform'), side('business'), weights);
  return results.map(r => {
    const check = definitions.get(r.id);
    if (!check) return 0;
    let after: number;
    if (r.status === 'unknown' && r.credit === null) {
      after =
        (100 * (earned[check.side] + check.weight)) /
        (counted[check.side] + check.weight);
    } else if (r.credit !== null && r.credit < 1) {
      after =
        (100 * (earned[check.side] + check.weight * (1 - r.credit))) /
        counted[check.side];
    } else return 0;
    const platform = check.side === 'platform' ? after : side('platform');
    const business = check.side === 'business' ? after : side('business');
    return combineScore(platform, business, weights) - now;
  });
}
