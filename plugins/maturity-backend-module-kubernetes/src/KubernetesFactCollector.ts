import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  FACTS,
  FactOrigin,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import {
  ClusterNodes,
  FactCollectionResult,
  FactCollectionRun,
  JsonPathFactDefinition,
  MaturityFactCollector,
} from '@internal/plugin-maturity-node';
import { ClusterIndex } from './ClusterIndex';
import { addCounts } from './grouping';
import { deriveFacts, WorkloadObjects } from './facts/deriveFacts';
import { ResourceFactDefinition } from './facts/resourceFacts';
import { readMatcher, WorkloadMatcher } from './matchWorkloads';
import {
  ClusterSource,
  describeObject,
  KubeObject,
} from './sources/ClusterSource';
import { kubernetesFactId } from './readConfig';

/**
 * Workload facts from Kubernetes: each cluster is listed once per run, page by page, into a
 * {@link ClusterIndex}; then every Component with Kubernetes annotations, page by page, is looked
 * up in the index of every cluster.
 */
export class KubernetesFactCollector implements MaturityFactCollector {
  readonly id = 'kubernetes';
  readonly source = 'kubernetes';

  /** The operator's own facts it reports (`maturity.kubernetes.facts`). */
  readonly facts: readonly string[];

  constructor(
    private readonly options: {
      sources: () => Promise<ClusterSource[]>;
      logger: LoggerService;
      /** Operator-defined facts: a JSONPath over each controller, by name. */
      facts?: Record<string, JsonPathFactDefinition>;
      /** Operator-defined facts read from objects of a named kind, by name. */
      resourceFacts?: Record<string, ResourceFactDefinition>;
    },
  ) {
    this.facts = [
      ...Object.keys(options.facts ?? {}),
      ...Object.keys(options.resourceFacts ?? {}),
    ].map(kubernetesFactId);
  }

  /** Every cluster, listed once per run: the run calls `collect` once per page of workloads. */
  private async readClusters() {
    const sources = await this.options.sources();
    const read = await Promise.allSettled(
      sources.map(source =>
        ClusterIndex.read(
          source,
          this.options.facts,
          this.options.resourceFacts,
        ),
      ),
    );
    const snapshots: ClusterIndex[] = [];
    const clusterErrors: string[] = [];
    read.forEach(result => {
      if (result.status === 'fulfilled') snapshots.push(result.value);
      else {
        clusterErrors.push(
          result.reason instanceof Error
            ? result.reason.message
            : String(result.reason),
        );
        this.options.logger.warn(
          `Maturity: ${clusterErrors[clusterErrors.length - 1]}`,
        );
      }
    });
    return { sources, snapshots, clusterErrors };
  }

  /** The machines of every cluster read this run, for the clusters' cost. */
  async clusterNodes(run: FactCollectionRun): Promise<ClusterNodes[]> {
    const { snapshots } = await run.once(`${this.id}:clusters`, () =>
      this.readClusters(),
    );
    return snapshots.map(s => ({ cluster: s.cluster, nodes: s.nodes }));
  }

  /**
   * The operator's facts of a workload: an `exists` fact holds when it holds for every
   * controller; a value is the first controller's that has one.
   */
  private customFactsOf(controllers: KubeObject[]): WorkloadFacts {
    const facts: WorkloadFacts = {};
    for (const [name, definition] of Object.entries(this.options.facts ?? {})) {
      const values = controllers.map(c => c.customFacts?.[name]);
      const value = definition.exists
        ? values.every(v => v === true)
        : values.find(v => v !== undefined);
      if (value !== undefined) facts[kubernetesFactId(name)] = value;
    }
    return facts;
  }

  async collect(
    workloads: Entity[],
    run: FactCollectionRun,
  ): Promise<FactCollectionResult> {
    const facts = new Map<string, WorkloadFacts>();
    const origin = new Map<string, FactOrigin>();
    const origins = new Map<string, Record<string, FactOrigin>>();
    const failures = new Map<string, string>();
    const problems = new Map<string, string[]>();
    const { sources, snapshots, clusterErrors } = await run.once(
      `${this.id}:clusters`,
      () => this.readClusters(),
    );

    for (const entity of workloads) {
      const ref = stringifyEntityRef(entity);
      let matcher: WorkloadMatcher | undefined;
      try {
        matcher = readMatcher(entity);
      } catch (error) {
        problems.set(ref, [(error as Error).message]);
        continue;
      }
      if (!matcher) continue;
      const objects = snapshots.map(s => s.objectsOf(matcher!));
      const merged: WorkloadObjects = {
        controllers: objects.flatMap(o => o.controllers),
        hpas: objects.flatMap(o => o.hpas),
        pdbs: objects.flatMap(o => o.pdbs),
        runningPods: objects.reduce((sum, o) => sum + o.runningPods, 0),
        nodeTypes: addCounts(objects.map(o => o.nodeTypes)),
        volumes: objects.flatMap(o => o.volumes ?? []),
      };
      if (merged.controllers.length > 0) {
        // Where it runs selects the prices its cost is computed with, and gives it its
        // platform's facts.
        const home = objects.findIndex(o => o.controllers.length > 0);
        const cluster = snapshots[home];
        const practices = cluster.practicesOf(objects[home].controllers);
        const fromResources = cluster.resourceFactsOf(
          objects[home].controllers,
        );
        const measured: Record<string, string> = { ...practices.from };
        const resourceValues: WorkloadFacts = {};
        for (const [name, fact] of Object.entries(fromResources)) {
          resourceValues[kubernetesFactId(name)] = fact.value;
          if (fact.from) measured[kubernetesFactId(name)] = fact.from;
        }
        facts.set(ref, {
          ...deriveFacts(merged),
          [FACTS.kubernetes.cluster]: cluster.cluster,
          [FACTS.kubernetes.namespace]:
            objects[home].controllers[0].metadata?.namespace ?? 'default',
          ...cluster.platform.facts,
          ...practices.facts,
          ...this.customFactsOf(merged.controllers),
          ...resourceValues,
        });
        origin.set(ref, {
          source: 'kubernetes',
          from: `cluster ${cluster.cluster}: ${merged.controllers
            .map(describeObject)
            .join(', ')}`,
        });
        const measuredIds = Object.keys(measured);
        origins.set(
          ref,
          measuredIds.length === 0
            ? cluster.platform.origins
            : {
                ...cluster.platform.origins,
                ...Object.fromEntries(
                  measuredIds.map(id => [
                    id,
                    {
                      source: 'kubernetes',
                      from: `cluster ${cluster.cluster}: ${measured[id]}`,
                    },
                  ]),
                ),
              },
        );
      } else if (clusterErrors.length > 0) {
        // It may live on a cluster that could not be read: keep its last facts, marked stale.
        failures.set(ref, clusterErrors.join('; '));
      } else {
        const wanted = Object.entries(matcher.labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(',');
        problems.set(ref, [
          `No Deployment, StatefulSet or DaemonSet labelled ${wanted}${
            matcher.namespace ? ` in namespace ${matcher.namespace}` : ''
          } was found in clusters ${sources
            .map(s => s.cluster)
            .join(', ')}; check the entity's Kubernetes annotations`,
        ]);
      }
    }
    return { facts, origin, origins, failures, problems };
  }
}
