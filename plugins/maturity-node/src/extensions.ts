import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  FactOrigin,
  FactSourceKind,
  NodeUtilisation,
  ResourceAmounts,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';

export type {
  FactOrigin,
  FactSourceKind,
  FactValue,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';

/** What a collector returns for one run. @public */
export interface FactCollectionResult {
  /** Facts by workload entity ref. A workload absent here has none from this collector. */
  facts: Map<string, WorkloadFacts>;
  /**
   * Where a workload's facts came from, by entity ref: the cluster and resource, the query, the
   * annotation. `origins` names it per fact, `origin` once for all of a workload's facts; a fact
   * named in neither has the collector's {@link MaturityFactCollector.source}. Origins may be
   * shared between workloads (every workload of a cluster gets its facts).
   */
  origins?: Map<string, Record<string, FactOrigin>>;
  /** The origin of a workload's facts that `origins` does not name, by entity ref. */
  origin?: Map<string, FactOrigin>;
  /**
   * Workloads whose facts could not be read this run, by entity ref, with the reason.
   * Their previous facts are kept and shown as stale rather than dropped.
   */
  failures?: Map<string, string>;
  /**
   * Problems in a workload's own data that the collector found (e.g. an annotation naming a
   * platform that does not exist), by entity ref; shown on the workload's scorecard.
   */
  problems?: Map<string, string[]>;
}

/**
 * One scoring run as its collectors see it. A run reads the catalog page by page and calls every
 * collector once per page, so that a company's workloads are never all in memory at once.
 * @public
 */
export interface FactCollectionRun {
  readonly startedAt: Date;
  /**
   * Fires when the run must stop: its deadline passed, the scheduler aborted it, or the backend
   * is shutting down. A collector should stop asking its source and return what it has.
   */
  readonly signal?: AbortSignal;
  /**
   * Does work that every page of the run shares once per run, e.g. listing a whole cluster, and
   * hands each later page the same promise (a failure included).
   */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * One node of a cluster as the Kubernetes API lists it, with what the pods running on it
 * request. @public
 */
export interface ClusterNode {
  name: string;
  /** `node.kubernetes.io/instance-type`: the node type its price is looked up by. */
  nodeType?: string;
  /** `topology.kubernetes.io/zone`. */
  zone?: string;
  /** Its addresses: node exporter's `instance` label often names a node by its IP. */
  addresses?: string[];
  capacity: ResourceAmounts;
  /**
   * What the kubelet offers pods: capacity less what the system reserves, or more where an
   * over-commit controller raised it.
   */
  allocatable: ResourceAmounts;
  /** Σ of the requests of the pods running on it. */
  requested: ResourceAmounts;
}

/** The machines of one cluster (virtual nodes left out: they bill per pod). @public */
export interface ClusterNodes {
  cluster: string;
  nodes: ClusterNode[];
}

/** A fresh {@link FactCollectionRun}; the scoring run makes one, tests may too. @public */
export function createFactCollectionRun(
  startedAt: Date,
  signal?: AbortSignal,
): FactCollectionRun {
  const shared = new Map<string, Promise<unknown>>();
  return {
    startedAt,
    ...(signal ? { signal } : {}),
    once<T>(key: string, load: () => Promise<T>) {
      if (!shared.has(key)) shared.set(key, load());
      return shared.get(key) as Promise<T>;
    },
  };
}

/**
 * Gathers facts about workloads from one source (the catalog, Kubernetes, Prometheus, …).
 * @public
 */
export interface MaturityFactCollector {
  /** Stable id, used to store and attribute facts, e.g. `kubernetes`. */
  readonly id: string;
  /**
   * Where its facts come from unless `origins` says otherwise. A collector that names none is
   * taken as `config`: a fact counts as measured only when its collector says it was.
   */
  readonly source?: FactSourceKind;
  /**
   * Ids of the facts it reports beyond the built-in ones, so that operators' checks may read
   * them (a check on a fact no collector reports stops start-up).
   */
  readonly facts?: readonly string[];
  /**
   * Collects facts for one page of the workloads a run scores. Throwing marks that page's facts
   * from this collector stale; it never fails the whole run.
   *
   * @param workloads - one page of the Components the run scores
   * @param run - the run the page belongs to, for work shared by its pages
   */
  collect(
    workloads: Entity[],
    run: FactCollectionRun,
  ): Promise<FactCollectionResult>;
  /**
   * The nodes of the clusters it reads, asked once a run after every page has been collected:
   * what the clusters' own cost and idle capacity are worked out from. Throwing leaves the run
   * without cluster costs; it never fails the run.
   */
  clusterNodes?(run: FactCollectionRun): Promise<ClusterNodes[]>;
  /**
   * Nodes' utilisation maxima, asked once a run after every page; `node` is a node's name or one
   * of its addresses. Throwing leaves the clusters without node signals.
   */
  nodeUtilisation?(run: FactCollectionRun): Promise<NodeUtilisation[]>;
}

/** Lets backend modules contribute fact collectors to the maturity plugin. @public */
export interface MaturityFactCollectorsExtensionPoint {
  /** Adds collectors; ids must be unique across all modules. */
  addFactCollector(...collectors: MaturityFactCollector[]): void;
}

/** The extension point through which modules add fact collectors. @public */
export const maturityFactCollectorsExtensionPoint =
  createExtensionPoint<MaturityFactCollectorsExtensionPoint>({
    id: 'maturity.fact-collectors',
  });
