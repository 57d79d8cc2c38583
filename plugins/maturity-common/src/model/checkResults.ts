import { CheckStatus } from './checks';
import { DimensionId } from './dimensions';
import { FactOrigin, FactValue } from './facts';
import { LevelId, NextLevel } from './levels';
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
  /**
   * Whether the fact its rule read was measured (Kubernetes, Prometheus) or declared (an
   * annotation, the catalog, config); absent when it read none.
   */
  basis?: FactBasis;
  /** Where each fact it read came from, and when (ISO 8601), by fact id. */
  provenance?: Record<string, FactProvenance>;
  waiver?: Waiver;
}

/** Whether a check rests on a measured or a declared fact. @public */
export type FactBasis = 'measured' | 'declared';

/** A fact's origin and when it was collected. @public */
export interface FactProvenance extends FactOrigin {
  at: string;
}

/** A workload's scorecard. Scores are 0–100, `null` where nothing could be evaluated. @public */
export interface WorkloadScore {
  score: number | null;
  platform: number | null;
  business: number | null;
  /** The level its score reaches and its required checks allow. */
  level: LevelId | null;
  /** What blocks the level above: its score band and its required checks not passed. */
  nextLevel: NextLevel | null;
  dimensions: Record<DimensionId, number | null>;
  checks: CheckResult[];
  /**
   * The share of the weight of its counted checks that rests on measured facts (0–1); `null`
   * when no check counted.
   */
  measuredShare: number | null;
}
