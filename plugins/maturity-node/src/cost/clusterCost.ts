import {
  ClusterCost,
  ClusterNodeType,
  CostPrices,
  ResourceAmounts,
  ResourceHourlyCost,
} from '@internal/plugin-maturity-common';
import { ClusterNode } from '../extensions';
import { netHourlyPrices } from './pricesFor';

/** No CPU, memory or GPUs. @public */
export const NO_RESOURCES: ResourceAmounts = {
  cpuCores: 0,
  memoryGiB: 0,
  gpus: 0,
};

/** The sum of amounts. @public */
export function addResources(
  a: ResourceAmounts,
  b: ResourceAmounts,
): ResourceAmounts {
  return {
    cpuCores: a.cpuCores + b.cpuCores,
    memoryGiB: a.memoryGiB + b.memoryGiB,
    gpus: a.gpus + b.gpus,
  };
}

const hourly = (cpu: number, memory: number, gpu: number) => ({
  cpu,
  memory,
  gpu,
  total: cpu + memory + gpu,
});

/** No hourly cost. @public */
export const NO_HOURLY_COST: ResourceHourlyCost = hourly(0, 0, 0);

/** The sum of hourly costs. @public */
export function addHourlyCosts(
  a: ResourceHourlyCost,
  b: ResourceHourlyCost,
): ResourceHourlyCost {
  return hourly(a.cpu + b.cpu, a.memory + b.memory, a.gpu + b.gpu);
}

/** Amounts priced by the hour, each at its net price. */
function priceOf(amounts: ResourceAmounts, prices: CostPrices) {
  const unit = netHourlyPrices(prices);
  return hourly(
    amounts.cpuCores * unit.cpuCore,
    amounts.memoryGiB * unit.memoryGiB,
    amounts.gpus * unit.gpu,
  );
}

const capped = (requested: ResourceAmounts, capacity: ResourceAmounts) => ({
  cpuCores: Math.min(requested.cpuCores, capacity.cpuCores),
  memoryGiB: Math.min(requested.memoryGiB, capacity.memoryGiB),
  gpus: Math.min(requested.gpus, capacity.gpus),
});

const minus = (a: ResourceAmounts, b: ResourceAmounts) => ({
  cpuCores: a.cpuCores - b.cpuCores,
  memoryGiB: a.memoryGiB - b.memoryGiB,
  gpus: a.gpus - b.gpus,
});

/** A cluster's cost before its idle part is shared: what {@link shareIdle} shares from. @public */
export type ClusterCostFigures = Omit<
  ClusterCost,
  'idleShares' | 'idleUnshared' | 'signals'
> & {
  /** Σ of its running pods' requests, not capped by nodes: the base idle is shared over. */
  requested: ResourceAmounts;
};

/**
 * A cluster's cost as OpenCost works it out: each node costs its capacity (the machine that is
 * billed) × the prices of its node type (`pricesOf`, the same overrides that price workloads);
 * the requests of the pods running on it are allocated, at most its capacity (a node that
 * over-commits may admit more), and the rest is idle: system-reserved capacity included.
 * @public
 */
export function computeClusterCost(
  cluster: string,
  nodes: ClusterNode[],
  pricesOf: (nodeType: string | undefined) => CostPrices,
): ClusterCostFigures {
  let capacity = NO_RESOURCES;
  let allocatable = NO_RESOURCES;
  let allocated = NO_RESOURCES;
  let requested = NO_RESOURCES;
  let hourlyCost = NO_HOURLY_COST;
  let allocatedHourlyCost = NO_HOURLY_COST;
  const types = new Map<
    string | null,
    ClusterNodeType & { zoneSet: Set<string> }
  >();
  for (const node of nodes) {
    const prices = pricesOf(node.nodeType);
    const used = capped(node.requested, node.capacity);
    const cost = priceOf(node.capacity, prices);
    const usedCost = priceOf(used, prices);
    capacity = addResources(capacity, node.capacity);
    allocatable = addResources(allocatable, node.allocatable);
    allocated = addResources(allocated, used);
    requested = addResources(requested, node.requested);
    hourlyCost = addHourlyCosts(hourlyCost, cost);
    allocatedHourlyCost = addHourlyCosts(allocatedHourlyCost, usedCost);
    const key = node.nodeType ?? null;
    const type = types.get(key) ?? {
      nodeType: key,
      nodes: 0,
      zones: [],
      zoneSet: new Set<string>(),
      capacity: NO_RESOURCES,
      hourlyCost: 0,
      idleHourlyCost: 0,
    };
    type.nodes += 1;
    if (node.zone) type.zoneSet.add(node.zone);
    type.capacity = addResources(type.capacity, node.capacity);
    type.hourlyCost += cost.total;
    type.idleHourlyCost += cost.total - usedCost.total;
    types.set(key, type);
  }
  return {
    cluster,
    nodes: nodes.length,
    capacity,
    allocatable,
    allocated,
    idle: minus(capacity, allocated),
    requested,
    hourlyCost,
    allocatedHourlyCost,
    idleHourlyCost: hourly(
      hourlyCost.cpu - allocatedHourlyCost.cpu,
      hourlyCost.memory - allocatedHourlyCost.memory,
      hourlyCost.gpu - allocatedHourlyCost.gpu,
    ),
    nodeTypes: [...types.values()]
      .map(({ zoneSet, ...type }) => ({ ...type, zones: [...zoneSet].sort() }))
      .sort((a, b) => b.hourlyCost - a.hourlyCost),
  };
}

/**
 * A group's share of a cluster's idle cost, OpenCost's `shareIdle`: each resource's idle cost in
 * proportion to the group's requests of it on the cluster. The base is what the cluster's pods
 * request, or what every group requests there if that is more (a workload's requests count all
 * its replicas, running or not), so shares never add up to more than the idle cost; the part of
 * pods in no group stays with the cluster.
 * @public
 */
export function shareIdle(
  cluster: Pick<ClusterCostFigures, 'idleHourlyCost' | 'requested'>,
  group: ResourceAmounts,
  allGroups: ResourceAmounts,
): ResourceHourlyCost {
  const part = (idle: number, own: number, pods: number, all: number) => {
    const base = Math.max(pods, all);
    return base > 0 ? (idle * own) / base : 0;
  };
  const { idleHourlyCost: idle, requested } = cluster;
  return hourly(
    part(idle.cpu, group.cpuCores, requested.cpuCores, allGroups.cpuCores),
    part(
      idle.memory,
      group.memoryGiB,
      requested.memoryGiB,
      allGroups.memoryGiB,
    ),
    part(idle.gpu, group.gpus, requested.gpus, allGroups.gpus),
  );
}
