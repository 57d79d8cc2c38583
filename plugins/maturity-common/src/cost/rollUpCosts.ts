import type { RollUpLevel } from '../api';
import { byRef, ROLL_UP_LEVELS } from '../rollUp';

/** Cost figures of a workload or a group. @public */
export interface CostFigures {
  hourlyCost: number;
  hourlyWaste: number;
  /** Potential saving per month from right-sizing. */
  monthlySaving: number;
  /** Usage over requests, weighted by cost; `null` when no cost under it has a known efficiency. */
  efficiency: number | null;
}

/** One workload's input to {@link rollUpCosts}. @public */
export interface CostRollUpWorkload extends CostFigures {
  product?: string;
  team?: string;
  department?: string;
  company?: string;
}

/** A group's cost: plain sums, and efficiency weighted by cost. @public */
export interface CostGroup extends CostFigures {
  ref: string;
}

type CostAccumulator = CostGroup & {
  weighedCost: number;
  weighedEfficiency: number;
};

/**
 * Sums workload costs up to product, team, department and company as they are added. Money adds
 * up plainly; efficiency is weighted by each workload's cost, so an idle 2,000-core service drags
 * its department down as much as it costs.
 * @public
 */
export class CostRollUp {
  private readonly groups = Object.fromEntries(
    ROLL_UP_LEVELS.map(l => [l, new Map<string, CostAccumulator>()]),
  ) as Record<RollUpLevel, Map<string, CostAccumulator>>;

  add(w: CostRollUpWorkload): void {
    for (const level of ROLL_UP_LEVELS) {
      const ref = w[level];
      if (!ref) continue;
      let acc = this.groups[level].get(ref);
      if (!acc) {
        acc = {
          ref,
          hourlyCost: 0,
          hourlyWaste: 0,
          monthlySaving: 0,
          efficiency: null,
          weighedCost: 0,
          weighedEfficiency: 0,
        };
        this.groups[level].set(ref, acc);
      }
      acc.hourlyCost += w.hourlyCost;
      acc.hourlyWaste += w.hourlyWaste;
      acc.monthlySaving += w.monthlySaving;
      if (w.efficiency !== null) {
        acc.weighedCost += w.hourlyCost;
        acc.weighedEfficiency += w.efficiency * w.hourlyCost;
      }
    }
  }

  /** The groups of every level, sorted by ref. */
  result(): Record<RollUpLevel, CostGroup[]> {
    const finish = (level: RollUpLevel): CostGroup[] =>
      [...this.groups[level].values()]
        .sort(byRef)
        .map(({ weighedCost, weighedEfficiency, ...group }) => ({
          ...group,
          efficiency: weighedCost > 0 ? weighedEfficiency / weighedCost : null,
        }));
    return {
      product: finish('product'),
      team: finish('team'),
      department: finish('department'),
      company: finish('company'),
    };
  }
}

/**
 * Sums workload costs up to product, team, department and company (see {@link CostRollUp}).
 * Groups come out sorted by ref.
 * @public
 */
export function rollUpCosts(
  workloads: CostRollUpWorkload[],
): Record<RollUpLevel, CostGroup[]> {
  const rolled = new CostRollUp();
  for (const w of workloads) rolled.add(w);
  return rolled.result();
}
