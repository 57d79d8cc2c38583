import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterCost,
  IdleCostShare,
  NodeUtilisation,
  ResourceAmounts,
  RollUpLevel,
  stringifyPlatformRef,
} from '@internal/plugin-maturity-common';
import {
  addHourlyCosts,
  addResources,
  ClusterNodes,
  computeClusterCost,
  FactCollectionRun,
  MaturityFactCollector,
  NO_HOURLY_COST,
  NO_RESOURCES,
  nodeSignals,
  pricesFor,
  shareIdle,
} from '@internal/plugin-maturity-node';
import { CostConfig } from '../config/readMaturityConfig';

/** The groups a cluster's idle cost is shared to; the broadest counts every workload placed. */
export const IDLE_SHARE_LEVELS = ['team', 'department', 'company'] as const;
type IdleShareLevel = (typeof IDLE_SHARE_LEVELS)[number];
const TOP_LEVEL: IdleShareLevel = 'company';
const SHOWN_LEVEL: IdleShareLevel = 'department';

/** What is left of the idle cost after the shares: none when the rest is rounding. */
const unshared = (idle: number, shared: number) =>
  idle - shared > 1e-9 ? idle - shared : 0;

const groupKey = (level: RollUpLevel, ref: string) => `${level}\u0000${ref}`;

/**
 * What each group's workloads request on each cluster, added to as each page is scored: the
 * base a cluster's idle cost is shared by. It holds one entry per group and cluster, never one
 * per workload.
 */
export class ClusterRequests {
  private readonly byCluster = new Map<
    string,
    Map<
      string,
      { level: IdleShareLevel; ref: string; requests: ResourceAmounts }
    >
  >();

  add(
    cluster: string,
    groups: Partial<Record<IdleShareLevel, string>>,
    requests: ResourceAmounts,
  ): void {
    let byGroup = this.byCluster.get(cluster);
    if (!byGroup) this.byCluster.set(cluster, (byGroup = new Map()));
    for (const level of IDLE_SHARE_LEVELS) {
      const ref = groups[level];
      if (ref === undefined) continue;
      const key = groupKey(level, ref);
      const held = byGroup.get(key);
      if (held) held.requests = addResources(held.requests, requests);
      else byGroup.set(key, { level, ref, requests });
    }
  }

  /** The groups with workloads on a cluster, by level and ref. */
  groupsOn(cluster: string): Array<{
    level: IdleShareLevel;
    ref: string;
    requests: ResourceAmounts;
  }> {
    return [...(this.byCluster.get(cluster)?.values() ?? [])];
  }
}

/** What a run found of its clusters: their machines, and the nodes' utilisation. */
export interface ClusterEvidence {
  clusters: ClusterNodes[];
  /** By a node's name or address. */
  utilisation: Map<string, NodeUtilisation>;
}

/**
 * Asks every collector for the clusters' machines and the nodes' utilisation, once a run after
 * its pages. A collector that fails is logged and left out: a run never fails for it.
 */
export async function readClusterEvidence(
  collectors: MaturityFactCollector[],
  run: FactCollectionRun,
  logger: LoggerService,
): Promise<ClusterEvidence> {
  const clusters: ClusterNodes[] = [];
  const utilisation = new Map<string, NodeUtilisation>();
  for (const collector of collectors) {
    try {
      if (collector.clusterNodes)
        clusters.push(...(await collector.clusterNodes(run)));
      if (collector.nodeUtilisation)
        for (const node of await collector.nodeUtilisation(run))
          utilisation.set(node.node, node);
    } catch (error) {
      logger.warn(
        `Maturity: collector '${collector.id}' could not give the clusters' nodes; the run has no cluster costs from it: ${error}`,
      );
    }
  }
  return { clusters, utilisation };
}

/** Cluster costs by platform ref, and each group's share of the idle cost by level and ref. */
export interface ClusterCosts {
  byPlatform: Map<string, ClusterCost>;
  idleOf(level: RollUpLevel, ref: string): IdleCostShare | undefined;
}

/**
 * Each cluster's cost at the prices of its node types, its node signals, and its idle cost
 * shared to the groups whose workloads run there in proportion to their requests.
 */
export function clusterCosts(
  evidence: ClusterEvidence,
  requests: ClusterRequests,
  config: CostConfig,
): ClusterCosts {
  const byPlatform = new Map<string, ClusterCost>();
  const idle = new Map<string, IdleCostShare>();
  for (const { cluster, nodes } of evidence.clusters) {
    if (nodes.length === 0) continue;
    const figures = computeClusterCost(cluster, nodes, nodeType =>
      pricesFor({ cluster, nodeType }, config.prices, config.overrides),
    );
    const groups = requests.groupsOn(cluster);
    const everyone = groups
      .filter(g => g.level === TOP_LEVEL)
      .reduce((sum, g) => addResources(sum, g.requests), NO_RESOURCES);
    const idleShares: ClusterCost['idleShares'] = [];
    for (const group of groups) {
      const share = shareIdle(figures, group.requests, everyone);
      const key = groupKey(group.level, group.ref);
      const held = idle.get(key) ?? {
        hourlyCost: NO_HOURLY_COST,
        clusters: [],
      };
      held.hourlyCost = addHourlyCosts(held.hourlyCost, share);
      held.clusters.push({ cluster, hourlyCost: share.total });
      idle.set(key, held);
      if (group.level === SHOWN_LEVEL)
        idleShares.push({
          kind: group.level,
          ref: group.ref,
          hourlyCost: share.total,
        });
    }
    idleShares.sort((a, b) => b.hourlyCost - a.hourlyCost);
    const { requested: _requested, ...cost } = figures;
    const signals = nodeSignals(
      nodes,
      evidence.utilisation,
      config.nodeSignals,
    );
    byPlatform.set(stringifyPlatformRef(cluster), {
      ...cost,
      idleShares,
      idleUnshared: unshared(
        figures.idleHourlyCost.total,
        idleShares.reduce((sum, s) => sum + s.hourlyCost, 0),
      ),
      ...(signals ? { signals } : {}),
    });
  }
  for (const share of idle.values())
    share.clusters.sort((a, b) => b.hourlyCost - a.hourlyCost);
  return {
    byPlatform,
    idleOf: (level, ref) => idle.get(groupKey(level, ref)),
  };
}
