import { FACTS, WorkloadFacts } from '../model/facts';
import { cpuRequestCores, quantity } from './quantities';
import { CostPrices, HOURS_PER_MONTH, netPrice } from './prices';

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

/** Right-sizing advice for a workload. @public */
export interface RightSizing {
  cpu: ResourceRecommendation | null;
  memory: ResourceRecommendation | null;
  /** Σ of the resources' savings, never below 0: what the leaderboard ranks by. */
  monthlySaving: number;
}

const round = (value: number, digits: number) =>
  Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Crane's resource recommender applied to a workload's facts: p99 usage over the lookback × (1 +
 * margin), floored, and for memory bumped after an OOM kill. Prometheus reports usage summed over
 * the workload's pods, so the per-replica figure assumes load spreads evenly over replicas; the
 * OOM bump uses the window's peak working set as the usage at the kill.
 * @public
 */
export function recommendRequests(
  facts: WorkloadFacts,
  prices: CostPrices,
  params: RightSizingParams = DEFAULT_RIGHT_SIZING,
): RightSizing {
  const replicas = Math.max(quantity(facts, FACTS.kubernetes.replicas) ?? 1, 1);
  const factor = 1 + params.margin;
  const saving = (current: number, recommended: number, price: number) =>
    (current - recommended) *
    replicas *
    netPrice(price, prices) *
    HOURS_PER_MONTH;

  let cpu: ResourceRecommendation | null = null;
  const cpuRequest = cpuRequestCores(facts);
  const cpuP99 = quantity(facts, FACTS.prometheus.cpuP99);
  if (cpuRequest !== null && cpuP99 !== null) {
    const current = cpuRequest / replicas;
    const fromUsage = (cpuP99 / replicas) * factor;
    const recommended = round(Math.max(fromUsage, params.cpuFloorCores), 3);
    cpu = {
      current,
      recommended,
      replicas,
      monthlySaving: saving(current, recommended, prices.cpuCoreHour),
      basis:
        fromUsage < params.cpuFloorCores
          ? `floor of ${params.cpuFloorCores} core`
          : `p${params.percentile} usage × ${factor}`,
    };
  }

  let memory: ResourceRecommendation | null = null;
  const memoryRequest = quantity(facts, FACTS.kubernetes.memoryRequestGiB);
  const memoryP99 = quantity(facts, FACTS.prometheus.memoryP99GiB);
  if (memoryRequest !== null && memoryP99 !== null) {
    const current = memoryRequest / replicas;
    const fromUsage = (memoryP99 / replicas) * factor;
    let recommended = Math.max(fromUsage, params.memoryFloorGiB);
    let basis =
      fromUsage < params.memoryFloorGiB
        ? `floor of ${Math.round(params.memoryFloorGiB * 1024)} MiB`
        : `p${params.percentile} usage × ${factor}`;
    const atKill = quantity(facts, FACTS.prometheus.memoryMaxGiB);
    if (
      (quantity(facts, FACTS.prometheus.oomKills) ?? 0) > 0 &&
      atKill !== null
    ) {
      const perReplica = atKill / replicas;
      const bumped = Math.max(
        perReplica + params.oomBumpGiB,
        perReplica * params.oomBumpRatio,
      );
      if (bumped > recommended) {
        recommended = bumped;
        basis = 'OOM-killed in the window: peak usage + margin';
      }
    }
    recommended = round(recommended, 3);
    memory = {
      current,
      recommended,
      replicas,
      monthlySaving: saving(current, recommended, prices.memoryGiBHour),
      basis,
    };
  }

  return {
    cpu,
    memory,
    monthlySaving: Math.max(
      (cpu?.monthlySaving ?? 0) + (memory?.monthlySaving ?? 0),
      0,
    ),
  };
}

/** Parameters of Crane's HPA recommendation; the defaults are Crane's. @public */
export interface ElasticityParams {
  /** Busiest over quietest hourly mean CPU from which load counts as fluctuating (1.5). */
  fluctuationThreshold: number;
  /** Bounds of the recommended target utilisation, in percent (30 and 75). */
  minTargetUtilization: number;
  maxTargetUtilization: number;
}

/** Crane's defaults. @public */
export const DEFAULT_ELASTICITY: ElasticityParams = {
  fluctuationThreshold: 1.5,
  minTargetUtilization: 30,
  maxTargetUtilization: 75,
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

/**
 * Crane's HPA rule: a workload without an HPA whose hourly mean CPU swings by the threshold or
 * more over a day should scale horizontally, with a target of its p95 usage over requests,
 * clamped to 30–75 %.
 * @public
 */
export function elasticityHint(
  facts: WorkloadFacts,
  params: ElasticityParams = DEFAULT_ELASTICITY,
): ElasticityHint {
  const base = { checkId: 'hpa-elastic' as const, targetUtilization: null };
  const swing = quantity(facts, FACTS.prometheus.hourlyPeakToTrough);
  if (facts[FACTS.kubernetes.hpaElastic] === true) {
    return {
      ...base,
      recommended: false,
      swing,
      reason: 'It already scales with an HPA.',
    };
  }
  if (facts[FACTS.kubernetes.workloadKind] === 'stateful') {
    return {
      ...base,
      recommended: false,
      swing,
      reason: 'Stateful workloads are not scaled by an HPA here.',
    };
  }
  if (swing === null) {
    return {
      ...base,
      recommended: false,
      swing,
      reason: 'No hourly CPU profile from Prometheus yet.',
    };
  }
  if (swing < params.fluctuationThreshold) {
    return {
      ...base,
      recommended: false,
      swing,
      reason: `Its load is steady: the busiest hour's median CPU is ${swing.toFixed(
        2,
      )}× the quietest (an HPA pays from ${params.fluctuationThreshold}×).`,
    };
  }
  const request = cpuRequestCores(facts);
  const p95 = quantity(facts, FACTS.prometheus.cpuP95);
  const raw =
    request && p95 !== null
      ? (p95 / request) * 100
      : params.maxTargetUtilization;
  const targetUtilization = Math.round(
    Math.min(
      Math.max(raw, params.minTargetUtilization),
      params.maxTargetUtilization,
    ),
  );
  return {
    ...base,
    recommended: true,
    swing,
    targetUtilization,
    reason: `Its busiest hour's median CPU is ${swing.toFixed(
      2,
    )}× the quietest and it has no HPA: scale on CPU with a ${targetUtilization} % target.`,
  };
}
