import { NodeUtilisation } from '@internal/plugin-maturity-common';
import {
  ContainerStatistic,
  isContainerStatistic,
  LoadStatistic,
} from './queries';

/** A workload's load statistics over the lookback window, as Prometheus computed them. */
export type WorkloadLoad = Partial<
  Record<Exclude<LoadStatistic, ContainerStatistic>, number>
> & {
  /** The per-container statistics, by container name. */
  containers?: Record<string, Partial<Record<ContainerStatistic, number>>>;
};

/** Adds one answer of a statistic to a workload's load: per container when it is one. */
export function addStatistic(
  load: WorkloadLoad,
  statistic: LoadStatistic,
  labels: Record<string, string>,
  value: number,
): WorkloadLoad {
  if (!isContainerStatistic(statistic)) return { ...load, [statistic]: value };
  const container = labels.container;
  if (!container) return load;
  const containers = { ...load.containers };
  containers[container] = { ...containers[container], [statistic]: value };
  return { ...load, containers };
}

/** The window a run's statistics cover. */
export interface LoadWindow {
  start: Date;
  end: Date;
}

/** Loads of the workloads grouped by owner, keyed `<namespace>/<workload>`. */
export interface OwnedLoads {
  loads: Map<string, WorkloadLoad>;
  /** Namespaces whose queries Prometheus refused, with its reason; their workloads are stale. */
  refused: Map<string, string>;
}

/** An alerting rule as Prometheus serves it at `/api/v1/rules`. */
export interface AlertRule {
  group: string;
  name: string;
  query: string;
}

/** A service span metrics name: what OpenTelemetry's span metrics say is traced. */
export interface TracedService {
  service: string;
  /** Its Kubernetes namespace, when the span metrics carry it. */
  namespace?: string;
}

/** A workload whose inbound calls a service mesh measures. */
export interface MeshWorkload {
  workload: string;
  namespace: string;
  mesh: string;
}

/** One operator-defined fact's answer: a number per workload, or why Prometheus refused it. */
export type CustomFactAnswer =
  | { values: Map<string, number> }
  | { error: string };

/** Where load statistics come from: a Prometheus server, or recorded answers (the demo). */
export interface LoadSource {
  /**
   * Operator-defined facts (`maturity.prometheus.facts`), each query asked once at the window's
   * end; values keyed like {@link OwnedLoads} (`<namespace>/<workload>`).
   */
  readCustomFacts(
    queries: Record<string, string>,
    window: LoadWindow,
    signal?: AbortSignal,
  ): Promise<Record<string, CustomFactAnswer>>;
  /** Services with span metrics at the window's end; `undefined` when the source cannot tell. */
  readTracedServices(
    window: LoadWindow,
    signal?: AbortSignal,
  ): Promise<TracedService[] | undefined>;
  /** Workloads with mesh call metrics at the window's end; `undefined` when the source cannot tell. */
  readMeshWorkloads(
    window: LoadWindow,
    signal?: AbortSignal,
  ): Promise<MeshWorkload[] | undefined>;
  /**
   * Every node's utilisation maxima over the last hour and day at the window's end, by the
   * node's name or address (a port is dropped); `undefined` when the source cannot tell.
   */
  readNodeUtilisation(
    window: LoadWindow,
    signal?: AbortSignal,
  ): Promise<NodeUtilisation[] | undefined>;
  /** The alerting rules Prometheus evaluates; `undefined` when the source cannot tell. */
  readAlertRules(signal?: AbortSignal): Promise<AlertRule[] | undefined>;
  /** Every workload known by its controlling owner, in a fixed number of queries. */
  readOwned(window: LoadWindow, signal?: AbortSignal): Promise<OwnedLoads>;
  /**
   * Workloads named by their own label matchers (without braces, e.g.
   * `namespace="shop",pod=~"cart-.*"`), answered in the order asked; undefined where nothing matched.
   */
  readSelected(
    selectors: string[],
    window: LoadWindow,
    signal?: AbortSignal,
  ): Promise<Array<WorkloadLoad | undefined>>;
}

/** The key of a workload grouped by owner. */
export const ownedKey = (namespace: string, workload: string) =>
  `${namespace}/${workload}`;
