import {
  CostPrices,
  DEFAULT_ELASTICITY,
  DEFAULT_RIGHT_SIZING,
  ElasticityHint,
  ElasticityParams,
  FACTS,
  HOURS_PER_MONTH,
  ContainerRecommendation,
  ReplicaRecommendation,
  ResourceRecommendation,
  RightSizing,
  RightSizingParams,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import { netPrice } from './pricesFor';
import { cpuRequestCores, quantity } from './workloadCores';

const round = (value: number, digits: number) =>
  Math.round(value * 10 ** digits) / 10 ** digits;

const CONTAINER_FACT = 'kubernetes.container.';

/** The containers whose requests Kubernetes reported, by name, in the order first seen. */
function containerNames(facts: WorkloadFacts): string[] {
  const names = new Set<string>();
  for (const id in facts) {
    if (!id.startsWith(CONTAINER_FACT)) continue;
    const name = id.slice(CONTAINER_FACT.length, id.lastIndexOf('.'));
    if (name) names.add(name);
  }
  return [...names];
}

/** One resource's recommendation from a request and a p99 of usage, both per replica. */
type Recommend = (
  current: number,
  p99: number,
  replicas: number,
  oomPeak?: number,
) => ResourceRecommendation;

function recommenders(
  prices: CostPrices,
  params: RightSizingParams,
): { cpu: Recommend; memory: Recommend } {
  const factor = 1 + params.margin;
  const usage = `p${params.percentile} usage × ${factor}`;
  const saving = (
    current: number,
    recommended: number,
    replicas: number,
    price: number,
  ) =>
    (current - recommended) *
    replicas *
    netPrice(price, prices) *
    HOURS_PER_MONTH;
  const result = (
    current: number,
    recommended: number,
    replicas: number,
    price: number,
    basis: string,
  ): ResourceRecommendation => ({
    current,
    recommended,
    replicas,
    monthlySaving: saving(current, recommended, replicas, price),
    basis,
  });
  return {
    cpu: (current, p99, replicas) => {
      const fromUsage = p99 * factor;
      const recommended = round(Math.max(fromUsage, params.cpuFloorCores), 3);
      return result(
        current,
        recommended,
        replicas,
        prices.cpuCoreHour,
        fromUsage < params.cpuFloorCores
          ? `floor of ${params.cpuFloorCores} core`
          : usage,
      );
    },
    memory: (current, p99, replicas, oomPeak) => {
      const fromUsage = p99 * factor;
      let recommended = Math.max(fromUsage, params.memoryFloorGiB);
      let basis =
        fromUsage < params.memoryFloorGiB
          ? `floor of ${Math.round(params.memoryFloorGiB * 1024)} MiB`
          : usage;
      if (oomPeak !== undefined) {
        const bumped = Math.max(
          oomPeak + params.oomBumpGiB,
          oomPeak * params.oomBumpRatio,
        );
        if (bumped > recommended) {
          recommended = bumped;
          basis = 'OOM-killed in the window: peak usage + margin';
        }
      }
      return result(
        current,
        round(recommended, 3),
        replicas,
        prices.memoryGiBHour,
        basis,
      );
    },
  };
}

/** The workload's figure from its containers': Σ of their requests, recommendations and savings. */
function summed(
  parts: Array<ResourceRecommendation | null>,
  replicas: number,
): ResourceRecommendation | null {
  const known = parts.filter((p): p is ResourceRecommendation => p !== null);
  if (known.length === 0) return null;
  return {
    current: known.reduce((sum, p) => sum + p.current, 0),
    recommended: round(
      known.reduce((sum, p) => sum + p.recommended, 0),
      3,
    ),
    replicas,
    monthlySaving: known.reduce((sum, p) => sum + p.monthlySaving, 0),
    basis: `Σ of ${known.length} container${known.length === 1 ? '' : 's'}`,
  };
}

/**
 * Crane's resource recommender applied to a workload's facts: p99 usage over the lookback × (1 +
 * margin), floored, and for memory bumped after an OOM kill.
 *
 * Per container where Prometheus gives each container's usage in the busiest replica at each
 * step (Crane works per container): a replica's figures do not depend on how many replicas ran,
 * so a workload an HPA scales is sized right. The workload's figure is then the sum of its
 * containers'; a container without usage keeps its request. After an OOM kill in the window,
 * which container was killed is not known: each container's memory is bumped from its own p99.
 *
 * Otherwise from the workload's usage summed over its pods, divided by its replicas now: that
 * assumes the same replicas all week and load spread evenly, and the OOM bump uses the window's
 * peak working set.
 * @public
 */
export function recommendRequests(
  facts: WorkloadFacts,
  prices: CostPrices,
  params: RightSizingParams = DEFAULT_RIGHT_SIZING,
): RightSizing {
  const replicas = Math.max(quantity(facts, FACTS.kubernetes.replicas) ?? 1, 1);
  const recommend = recommenders(prices, params);
  const oomKilled = (quantity(facts, FACTS.prometheus.oomKills) ?? 0) > 0;
  const k = FACTS.kubernetes;
  const p = FACTS.prometheus;

  // Each container's resource: its recommendation where its usage is known, and what it adds to
  // the workload's sum (a container without usage keeps its request: the same on both sides).
  const part = (
    request: number | null,
    p99: number | null,
    advise: (request: number, p99: number) => ResourceRecommendation,
  ) => {
    if (request === null) return { shown: null, summed: null };
    if (p99 === null)
      return {
        shown: null,
        summed: {
          current: request,
          recommended: request,
          replicas,
          monthlySaving: 0,
          basis: 'no usage: kept',
        },
      };
    const advice = advise(request, p99);
    return { shown: advice, summed: advice };
  };
  const parts = containerNames(facts).map(container => ({
    container,
    cpu: part(
      quantity(facts, k.containerCpuRequest(container)),
      quantity(facts, p.containerCpuP99(container)),
      (request, p99) => recommend.cpu(request, p99, replicas),
    ),
    memory: part(
      quantity(facts, k.containerMemoryRequestGiB(container)),
      quantity(facts, p.containerMemoryP99GiB(container)),
      (request, p99) =>
        recommend.memory(request, p99, replicas, oomKilled ? p99 : undefined),
    ),
  }));
  const measured: ContainerRecommendation[] = parts
    .filter(c => c.cpu.shown || c.memory.shown)
    .map(c => ({
      container: c.container,
      cpu: c.cpu.shown,
      memory: c.memory.shown,
    }));

  let cpu: ResourceRecommendation | null = null;
  let memory: ResourceRecommendation | null = null;
  if (measured.length > 0) {
    cpu = summed(
      parts.map(c => c.cpu.summed),
      replicas,
    );
    memory = summed(
      parts.map(c => c.memory.summed),
      replicas,
    );
  } else {
    const cpuRequest = cpuRequestCores(facts);
    const cpuP99 = quantity(facts, p.cpuP99);
    if (cpuRequest !== null && cpuP99 !== null)
      cpu = recommend.cpu(cpuRequest / replicas, cpuP99 / replicas, replicas);
    const memoryRequest = quantity(facts, k.memoryRequestGiB);
    const memoryP99 = quantity(facts, p.memoryP99GiB);
    const atKill = quantity(facts, p.memoryMaxGiB);
    if (memoryRequest !== null && memoryP99 !== null)
      memory = recommend.memory(
        memoryRequest / replicas,
        memoryP99 / replicas,
        replicas,
        oomKilled && atKill !== null ? atKill / replicas : undefined,
      );
  }

  return {
    cpu,
    memory,
    ...(measured.length > 0 ? { containers: measured } : {}),
    monthlySaving: Math.max(
      (cpu?.monthlySaving ?? 0) + (memory?.monthlySaving ?? 0),
      0,
    ),
  };
}

/**
 * The HPA target CPU utilisation, in percent: the p95 of CPU used over CPU requested (at each step,
 * so an HPA's scaling does not skew it), clamped to the bounds; the upper bound without it.
 */
function targetUtilizationOf(
  facts: WorkloadFacts,
  params: ElasticityParams,
): number {
  const ratio = quantity(facts, FACTS.prometheus.cpuP95OfRequests);
  const raw = ratio !== null ? ratio * 100 : params.maxTargetUtilization;
  return Math.round(
    Math.min(
      Math.max(raw, params.minTargetUtilization),
      params.maxTargetUtilization,
    ),
  );
}

/**
 * Crane's replica recommendation (its EHPA advisor) for a stateless workload: at least
 * `defaultMinReplicas`, and enough replicas for its quietest hour's CPU at `maxTargetUtilization`
 * of a replica's request; at most the replicas its p95 CPU needs at the target utilisation ×
 * `maxReplicasFactor`, and never below the minimum. Crane takes the quietest hour's median; this
 * takes its mean. None without a request and the figures.
 * @public
 */
export function recommendReplicas(
  facts: WorkloadFacts,
  params: ElasticityParams = DEFAULT_ELASTICITY,
): ReplicaRecommendation | null {
  if (facts[FACTS.kubernetes.workloadKind] !== 'stateless') return null;
  const replicas = quantity(facts, FACTS.kubernetes.replicas);
  const request = cpuRequestCores(facts);
  const quiet = quantity(facts, FACTS.prometheus.cpuQuietHour);
  const p95 = quantity(facts, FACTS.prometheus.cpuP95);
  if (!replicas || !request || quiet === null || p95 === null) return null;
  const perReplica = request / replicas;
  const target = targetUtilizationOf(facts, params);
  const floor =
    params.defaultMinReplicas ?? DEFAULT_ELASTICITY.defaultMinReplicas!;
  const factor =
    params.maxReplicasFactor ?? DEFAULT_ELASTICITY.maxReplicasFactor!;
  const min = Math.max(
    floor,
    Math.ceil(quiet / ((params.maxTargetUtilization / 100) * perReplica)),
  );
  const max = Math.max(
    min,
    Math.ceil((p95 * factor) / ((target / 100) * perReplica)),
  );
  const hpaMin = quantity(facts, FACTS.kubernetes.hpaMinReplicas);
  const hpaMax = quantity(facts, FACTS.kubernetes.hpaMaxReplicas);
  const cores = (n: number) => `${round(n, 2)} cores`;
  return {
    current: replicas,
    hpa:
      hpaMin !== null && hpaMax !== null ? { min: hpaMin, max: hpaMax } : null,
    min,
    max,
    targetUtilization: target,
    basis: `quietest hour ${cores(quiet)} at ${
      params.maxTargetUtilization
    } % of ${cores(perReplica)} a replica (at least ${floor}); p95 ${cores(
      p95,
    )} at ${target} % × ${factor}`,
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
  const targetUtilization = targetUtilizationOf(facts, params);
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
