/** Parameters of Crane's resource recommender; the defaults are Crane's. @public */
export interface RightSizingParams {
  /** Percentile of usage the recommendation starts from (99). */
  percentile: number;
  /** Safety margin added on top (0.15 = 15 %). */
  margin: number;
  /** Smallest CPU request per replica, in cores (0.1). */
  cpuFloorCores: number;
  /** Smallest memory request per replica, in GiB (100 MiB). */
  memoryFloorGiB: number;
  /** After an OOM kill, at least the usage then plus this much, in GiB (100 MiB)… */
  oomBumpGiB: number;
  /** …and at least the usage then times this ratio (1.2). */
  oomBumpRatio: number;
}

/** Crane's defaults. @public */
export const DEFAULT_RIGHT_SIZING: RightSizingParams = {
  percentile: 99,
  margin: 0.15,
  cpuFloorCores: 0.1,
  memoryFloorGiB: 100 / 1024,
  oomBumpGiB: 100 / 1024,
  oomBumpRatio: 1.2,
};

/** A recommended request for one resource: per replica and for the whole workload. @public */
export interface ResourceRecommendation {
  /** Current request per replica (cores or GiB). */
  current: number;
  /** Recommended request per replica. */
  recommended: number;
  replicas: number;
  /** What the change saves per month at current prices; negative when the request must grow. */
  monthlySaving: number;
  /** Why the figure is what it is, e.g. the OOM bump. */
  basis: string;
}

/** The recommended requests of one container of a workload. @public */
export interface ContainerRecommendation {
  container: string;
  cpu: ResourceRecommendation | null;
  memory: ResourceRecommendation | null;
}

/**
 * Crane's replica recommendation for a workload that can scale out: the HPA bounds its load
 * calls for at the target utilisation. @public
 */
export interface ReplicaRecommendation {
  /** Replicas it runs now. */
  current: number;
  /** The HPA it has, if any. */
  hpa: { min: number; max: number } | null;
  /** The quietest hour's CPU at `maxTargetUtilization` of a replica's request; at least the default. */
  min: number;
  /** The p95 CPU at the target utilisation × `maxReplicasFactor`; at least `min`. */
  max: number;
  /** Target CPU utilisation in percent: its p95 over requests, clamped. */
  targetUtilization: number;
  basis: string;
}

/** Right-sizing advice for a workload. @public */
export interface RightSizing {
  /** Per replica: the sum of its containers' when they are known one by one. */
  cpu: ResourceRecommendation | null;
  memory: ResourceRecommendation | null;
  /** Each container's, from its own usage in the busiest replica (absent without it). */
  containers?: ContainerRecommendation[];
  /** HPA bounds, for a workload that can scale out. */
  replicas?: ReplicaRecommendation | null;
  /** Σ of the resources' savings, never below 0: what the leaderboard ranks by. */
  monthlySaving: number;
}

/** Parameters of Crane's HPA recommendation; the defaults are Crane's. @public */
export interface ElasticityParams {
  /** Busiest over quietest hourly mean CPU from which load counts as fluctuating (1.5). */
  fluctuationThreshold: number;
  /** Bounds of the recommended target utilisation, in percent (30 and 75). */
  minTargetUtilization: number;
  maxTargetUtilization: number;
  /** The fewest replicas recommended (2). */
  defaultMinReplicas?: number;
  /** How far above the p95's replicas the maximum goes (3). */
  maxReplicasFactor?: number;
}

/** Crane's defaults. @public */
export const DEFAULT_ELASTICITY: ElasticityParams = {
  fluctuationThreshold: 1.5,
  minTargetUtilization: 30,
  maxTargetUtilization: 75,
  defaultMinReplicas: 2,
  maxReplicasFactor: 3,
};

/** Whether the workload should get an HPA, and with what target. @public */
export interface ElasticityHint {
  recommended: boolean;
  /** Busiest over quietest hourly mean CPU across the window, when known. */
  swing: number | null;
  /** Recommended HPA target CPU utilisation in percent, when an HPA is recommended. */
  targetUtilization: number | null;
  /** The scorecard check an HPA satisfies. */
  checkId: 'hpa-elastic';
  reason: string;
}
