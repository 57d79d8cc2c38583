import { WorkloadHierarchy } from './hierarchy';

/** Where a workload's cores come from. @public */
export type CoresSource = 'kubernetes' | 'annotation' | 'unknown';

/** A workload as the REST API lists it (`GET /api/maturity/v1/workloads`). @public */
export interface WorkloadSummary extends WorkloadHierarchy {
  /** Entity ref of the Component, e.g. `component:default/checkout-api`. */
  ref: string;
  title?: string;
  /** CPU cores it is weighted by, or `null` when unknown (then it carries no weight). */
  cores: number | null;
  coresSource: CoresSource;
  /** Problems found in the entity's annotations, each naming the annotation and expected form. */
  problems: string[];
  /** When the inventory last saw the workload in the catalog (ISO 8601). */
  lastSeenAt: string;
}

/** Response of `GET /api/maturity/v1/workloads`. @public */
export interface WorkloadListResponse {
  items: WorkloadSummary[];
  /** Workloads that carry no weight because their cores are unknown or zero. */
  unweighted: number;
  /** When the inventory was last refreshed from the catalog, or `null` before the first run. */
  refreshedAt: string | null;
}
