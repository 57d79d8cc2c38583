import {
  CostBasis,
  CostPrices,
  FACTS,
  ResourceCost,
  WorkloadCost,
  WorkloadCostAdvice,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import { netHourlyPrices } from './pricesFor';
import { quantity, WorkloadCores } from './workloadCores';

function resourceCost(
  request: number | null,
  usage: number | null,
  price: number,
): ResourceCost {
  const held = Math.max(request ?? 0, usage ?? 0);
  return {
    request,
    usage,
    hourlyCost: held * price,
    hourlyWaste:
      request !== null && usage !== null
        ? Math.max(request - usage, 0) * price
        : 0,
    efficiency: request && usage !== null ? usage / request : null,
  };
}

/**
 * Prices a workload by OpenCost's allocation rule, max(request, usage) × price for CPU and
 * memory, with its GPUs and persistent volumes at their prices, from the facts the collectors gathered and the workload's cores as the run decided
 * them ({@link workloadCores}). Measured requests come from Kubernetes (or kube-state-metrics),
 * usage from Prometheus; a workload known only by its declared cores is priced on them as an
 * estimate.
 * @public
 */
export function computeWorkloadCost(
  facts: WorkloadFacts,
  cores: WorkloadCores,
  prices: CostPrices,
): WorkloadCost {
  const {
    cpuCore: cpuPrice,
    memoryGiB: memoryPrice,
    gpu: gpuPrice,
    storageGiB: storagePrice,
  } = netHourlyPrices(prices);
  const measured =
    cores.source === 'kubernetes' || cores.source === 'prometheus';
  const cpuRequest = measured ? cores.cores : null;
  const declaredCores = cores.source === 'annotation' ? cores.cores : null;
  const memoryRequest = quantity(facts, FACTS.kubernetes.memoryRequestGiB);
  const cpuUsage = quantity(facts, FACTS.prometheus.cpuMean);
  const memoryUsage = quantity(facts, FACTS.prometheus.memoryMeanGiB);

  let basis: CostBasis;
  let cpu: ResourceCost;
  if (cpuRequest !== null) {
    basis = cpuUsage !== null ? 'measured' : 'requests';
    cpu = resourceCost(cpuRequest, cpuUsage, cpuPrice);
  } else if (declaredCores !== null && declaredCores > 0) {
    basis = 'declared';
    cpu = resourceCost(declaredCores, null, cpuPrice);
  } else {
    basis = cpuUsage !== null ? 'measured' : 'none';
    cpu = resourceCost(null, cpuUsage, cpuPrice);
  }
  const memory = resourceCost(
    memoryRequest,
    basis === 'declared' ? null : memoryUsage,
    memoryPrice,
  );

  // GPUs are held whole: their use is their utilisation (DCGM's) × the GPUs; unknown without it,
  // and then never counted as waste.
  const gpus = quantity(facts, FACTS.kubernetes.gpus);
  const gpuUtilisation = quantity(facts, FACTS.prometheus.gpuUtilisation);
  const gpu =
    gpus !== null && gpus > 0
      ? resourceCost(
          gpus,
          gpuUtilisation === null || basis === 'declared'
            ? null
            : gpus * gpuUtilisation,
          gpuPrice,
        )
      : undefined;

  // Volumes are held whole, priced by the GiB-month; what kubelet says is used on them is their
  // use, and the rest is waste. Unknown without it, and then never waste.
  const storageGiB = quantity(facts, FACTS.kubernetes.storageGiB);
  const storageUsed = quantity(facts, FACTS.prometheus.storageUsedGiB);
  const storage =
    storageGiB !== null && storageGiB > 0
      ? resourceCost(
          storageGiB,
          basis === 'declared' ? null : storageUsed,
          storagePrice,
        )
      : undefined;

  // A GPU whose use is measured counts in the efficiency too, at its price.
  const gpuMeasured = gpu !== undefined && gpu.usage !== null;
  const requestedValue =
    (cpu.request ?? 0) * cpuPrice +
    (memory.request ?? 0) * memoryPrice +
    (gpuMeasured ? gpu!.request! * gpuPrice : 0);
  const usedValue =
    (cpu.usage ?? 0) * cpuPrice +
    (memory.usage ?? 0) * memoryPrice +
    (gpuMeasured ? gpu!.usage! * gpuPrice : 0);
  const efficiency =
    cpu.efficiency !== null &&
    requestedValue > 0 &&
    (memory.request === null || memory.usage !== null)
      ? usedValue / requestedValue
      : null;
  return {
    basis,
    currency: prices.currency,
    cpu,
    memory,
    ...(gpu ? { gpu } : {}),
    ...(storage ? { storage } : {}),
    hourlyCost:
      cpu.hourlyCost +
      memory.hourlyCost +
      (gpu?.hourlyCost ?? 0) +
      (storage?.hourlyCost ?? 0),
    hourlyWaste:
      cpu.hourlyWaste +
      memory.hourlyWaste +
      (gpu?.hourlyWaste ?? 0) +
      (storage?.hourlyWaste ?? 0),
    efficiency,
  };
}

/**
 * A cost is an estimate when it rests on cores declared in an annotation, not on requests or usage.
 * @public
 */
export const isEstimatedCost = (
  advice: Pick<WorkloadCostAdvice, 'basis'> | undefined,
): boolean => advice?.basis === 'declared';
