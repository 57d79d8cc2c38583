import {
  CostPrices,
  DEFAULT_ELASTICITY,
  DEFAULT_RIGHT_SIZING,
  ElasticityHint,
  ElasticityParams,
  FACTS,
  HOURS_PER_MONTH,
  ResourceRecommendation,
  RightSizing,
  RightSizingParams,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import { netPrice } from './pricesFor';
import { cpuRequestCores, quantity } from './workloadCores';

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
