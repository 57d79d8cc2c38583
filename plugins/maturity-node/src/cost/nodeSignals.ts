import { NodeSignals, NodeUtilisation } from '@internal/plugin-maturity-common';
import { ClusterNode } from '../extensions';

/** When a node is hot, and when cold. @public */
export interface NodeSignalThresholds {
  /**
   * A node whose CPU or memory peaked above this in the last hour is hot: Crane's load-aware
   * scheduler places no pod on it (its default filter on `*_usage_max_avg_1h` is 0.75).
   */
  hot: number;
  /** A node whose CPU and memory stayed below this all day is cold: it could take more. */
  cold: number;
}

/** The defaults: Crane's 0.75 for hot, and 0.3 for cold. @public */
export const DEFAULT_NODE_SIGNAL_THRESHOLDS: NodeSignalThresholds = {
  hot: 0.75,
  cold: 0.3,
};

/** Allocated share of the CPU capacity below which idle capacity, not over-commit, is the saving. */
const WELL_ALLOCATED = 0.7;
/** The smallest over-commit worth advising. */
const MIN_RATIO = 1.1;
/** Over-commit advised at most: past it one node's burst is too many pods' problem. */
const MAX_RATIO = 3;

const percent = (share: number) => `${Math.round(share * 100)} %`;
const max = (values: Array<number | null>) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.max(...known) : null;
};
const above = (value: number | null, threshold: number) =>
  value !== null && value > threshold;
const below = (value: number | null, threshold: number) =>
  value !== null && value < threshold;

/**
 * A cluster's node signals as Crane reads them: each node's maximum CPU and memory utilisation
 * over the last hour and day, found by its name or one of its addresses, with the over-commit
 * and rescheduling advice they support. None when Prometheus knows none of its nodes.
 *
 * - Over-commit, of general-purpose nodes (a GPU machine is sized for its GPUs): the busiest
 *   node's 1-day CPU maximum `u` reached while pods request a share `a` of their CPU capacity; allocating `r` times the capacity at the same use per request would take
 *   it to `u × r / a`, so `r = hot × a / u` keeps it below the hot threshold.
 * - Rescheduling: hot nodes (above `hot` in the last hour) beside cold ones (below `cold` all
 *   day) are load a rescheduler would move; hot nodes and no cold ones need capacity instead.
 * @public
 */
export function nodeSignals(
  nodes: ClusterNode[],
  utilisation: ReadonlyMap<string, NodeUtilisation>,
  thresholds: NodeSignalThresholds = DEFAULT_NODE_SIGNAL_THRESHOLDS,
): NodeSignals | undefined {
  const measured: NodeUtilisation[] = [];
  // Over-commit is of general-purpose machines: a GPU machine is sized for its GPUs.
  const general = new Set<string>();
  let capacity = 0;
  let allocated = 0;
  for (const node of nodes) {
    const found = [node.name, ...(node.addresses ?? [])]
      .map(key => utilisation.get(key))
      .find(u => u !== undefined);
    if (found) measured.push({ ...found, node: node.name });
    if (node.capacity.gpus > 0) continue;
    general.add(node.name);
    capacity += node.capacity.cpuCores;
    allocated += Math.min(node.requested.cpuCores, node.capacity.cpuCores);
  }
  if (measured.length === 0) return undefined;
  const { hot, cold } = thresholds;
  const busiest = {
    cpuMax1h: max(measured.map(n => n.cpuMax1h)),
    cpuMax1d: max(measured.map(n => n.cpuMax1d)),
    memoryMax1h: max(measured.map(n => n.memoryMax1h)),
    memoryMax1d: max(measured.map(n => n.memoryMax1d)),
  };
  const peak1h = (n: NodeUtilisation) =>
    Math.max(n.cpuMax1h ?? 0, n.memoryMax1h ?? 0);
  const hotNodes = measured
    .filter(n => above(n.cpuMax1h, hot) || above(n.memoryMax1h, hot))
    .sort((a, b) => peak1h(b) - peak1h(a));
  const coldNodes = measured.filter(
    n => below(n.cpuMax1d, cold) && below(n.memoryMax1d, cold),
  ).length;

  const allocatedShare = capacity > 0 ? allocated / capacity : 0;
  const overcommit = (): NodeSignals['overcommit'] => {
    const u = max(
      measured.filter(n => general.has(n.node)).map(n => n.cpuMax1d),
    );
    if (u === null)
      return {
        check: 'overcommit',
        reason:
          'Prometheus has no CPU figures for its general-purpose nodes (GPU machines are left out).',
      };
    const requests = `Pods request ${percent(
      allocatedShare,
    )} of its CPU capacity`;
    if (allocatedShare < WELL_ALLOCATED)
      return {
        check: 'overcommit',
        reason: `${requests}: the idle capacity is the saving to make first, with fewer or smaller nodes (cluster autoscaling), before over-committing.`,
      };
    const ratio = Math.min(
      Math.floor(((hot * allocatedShare) / Math.max(u, 0.01)) * 10) / 10,
      MAX_RATIO,
    );
    if (ratio < MIN_RATIO)
      return {
        check: 'overcommit',
        reason: `${requests} and the busiest node reached ${percent(
          u,
        )} CPU in the last day: no room to over-commit below ${percent(hot)}.`,
      };
    return {
      check: 'overcommit',
      ratio,
      reason: `${requests}, yet the busiest node reached only ${percent(
        u,
      )} CPU in the last day: allocating up to ${ratio}× its capacity would keep it below ${percent(
        hot,
      )} at the same use per request.`,
    };
  };
  const rescheduling = (): NodeSignals['rescheduling'] => {
    const count = (n: number) => `${n} node${n === 1 ? '' : 's'}`;
    if (hotNodes.length === 0)
      return {
        check: 'rescheduling',
        reason: `No node went above ${percent(
          hot,
        )} CPU or memory in the last hour.`,
      };
    const hotPart = `${count(hotNodes.length)} went above ${percent(
      hot,
    )} in the last hour (${hotNodes
      .slice(0, 3)
      .map(n => n.node)
      .join(', ')}${hotNodes.length > 3 ? ', …' : ''})`;
    if (coldNodes === 0)
      return {
        check: 'rescheduling',
        reason: `${hotPart} and none stayed below ${percent(
          cold,
        )} all day: the cluster needs capacity (cluster autoscaling) more than rescheduling.`,
      };
    return {
      check: 'rescheduling',
      reason: `${hotPart} while ${count(coldNodes)} stayed below ${percent(
        cold,
      )} all day: load-aware scheduling and a descheduler would move pods from the hot nodes to the cold ones.`,
    };
  };
  return {
    measuredNodes: measured.length,
    busiest,
    hotNodes: hotNodes.slice(0, 20),
    coldNodes,
    thresholds: { hot, cold },
    overcommit: overcommit(),
    rescheduling: rescheduling(),
  };
}
