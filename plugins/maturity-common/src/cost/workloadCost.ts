/**
 * What a workload's cost rests on:
 * `measured` — requests from Kubernetes and real usage from Prometheus;
 * `requests` — requests only (no usage known: efficiency and waste unknown);
 * `declared` — only the cores annotation (an estimate: CPU only, no memory);
 * `none` — nothing to price.
 * @public
 */
export type CostBasis = 'measured' | 'requests' | 'declared' | 'none';

/** Cost figures of a workload or a group. @public */
export interface CostFigures {
  hourlyCost: number;
  hourlyWaste: number;
  /** Potential saving per month from right-sizing. */
  monthlySaving: number;
  /** Usage over requests, weighted by cost; `null` when no cost under it has a known efficiency. */
  efficiency: number | null;
}

/** Cost of one resource (CPU in cores, memory in GiB), per hour. @public */
export interface ResourceCost {
  request: number | null;
  /** Mean usage over the lookback window. */
  usage: number | null;
  /** max(request, usage) × price: what the workload holds, whether it uses it or not. */
  hourlyCost: number;
  /** (request − usage) × price where positive: paid for and idle. */
  hourlyWaste: number;
  /** usage / request; `null` when either is unknown or nothing is requested. */
  efficiency: number | null;
}

/** A workload's hourly cost. @public */
export interface WorkloadCost {
  basis: CostBasis;
  currency: string;
  cpu: ResourceCost;
  memory: ResourceCost;
  /** GPUs, for a workload that requests them; their use is not measured. */
  gpu?: ResourceCost;
  /** Its persistent volumes, in GiB; their use is not measured. */
  storage?: ResourceCost;
  hourlyCost: number;
  hourlyWaste: number;
  /** Usage over requests of CPU and memory, each weighted by its price. */
  efficiency: number | null;
}
