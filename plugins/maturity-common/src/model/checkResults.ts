import { CheckStatus } from './checks';
import { DimensionId } from './dimensions';
import { FactValue } from './facts';
import { LevelId } from './levels';
import { Waiver } from './waivers';

/** One check's outcome for one workload, with the facts it read. @public */
export interface CheckResult {
  id: string;
  status: CheckStatus;
  /** 0–1 when evaluated; `null` when not applicable, unknown (and not counted) or waived. */
  credit: number | null;
  /** The facts the check read; a fact missing here was unknown. */
  facts: Record<string, FactValue>;
  /** Some fact it read comes from a collector whose latest run failed for this workload. */
  stale: boolean;
  waiver?: Waiver;
}

/** A workload's scorecard. Scores are 0–100, `null` where nothing could be evaluated. @public */
export interface WorkloadScore {
  score: number | null;
  platform: number | null;
  business: number | null;
  level: LevelId | null;
  dimensions: Record<DimensionId, number | null>;
  checks: CheckResult[];
}
