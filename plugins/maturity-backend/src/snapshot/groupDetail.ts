import {
  ClusterCost,
  DimensionId,
  IdleCostShare,
  ScoreLevelKind,
} from '@internal/plugin-maturity-common';
import { CheckImpact } from '../scoring/CheckInsight';

/**
 * The detail stored with a group's row: what its scorecard, cost view and suggested cases would
 * otherwise read every workload under it for (the company's: every workload there is). The run
 * writes it from its roll-up (GroupRollUp); the routes read it.
 */
export interface GroupDetail {
  /** Workloads under the group that carry no weight (no score, or 0 or unknown cores). */
  unweightedWorkloads: number;
  /** Workloads under it whose cost is an estimate. */
  estimatedWorkloads: number;
  /** Core-weighted means of its workloads' dimension scores. */
  dimensions: Record<DimensionId, number | null>;
  /**
   * Check id → the share of the cores it applies to (weighted workloads) that pass it. Absent in
   * rows written before the suite kept it.
   */
  adoption?: Record<string, number>;
  /** The checks whose fix would raise its score, most points first (see CheckInsight). */
  impact?: CheckImpact[];
  /**
   * Its member groups by kind (a company's departments, a department's teams). A group finds its
   * workloads through their places (listedOutside); lists of them kept by snapshots stored
   * before are not read.
   */
  members: Partial<Record<ScoreLevelKind, string[]>>;
  /** On a company: the run's workloads whose owner is no Group in the catalog, so in no company. */
  unassignedWorkloads?: number;
  /** On a platform that is a Kubernetes cluster: its nodes' cost, allocated and idle. */
  cluster?: ClusterCost;
  /** On a team, department or company: its share of its clusters' idle cost. */
  idle?: IdleCostShare;
}
