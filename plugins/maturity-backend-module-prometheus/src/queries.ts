/**
 * The PromQL the module runs; `docs/prometheus.md` explains each. Every statistic is computed
 * inside Prometheus for many workloads at once, so a run sends a fixed number of queries, and
 * each answer holds one number per workload.
 */

/** What the module asks Prometheus about each workload, in the order of its queries. */
export const LOAD_STATISTICS = [
  'cpuMean',
  'cpuP50',
  'cpuP95',
  'cpuP99',
  'cpuMax1h',
  'cpuMax1d',
  'cpuHourlySwing',
  'memoryMean',
  'memoryP99',
  'memoryMax',
  'oomKills',
  'cpuRequests',
] as const;

/** One of {@link LOAD_STATISTICS}. */
export type LoadStatistic = (typeof LOAD_STATISTICS)[number];

/** Pause containers and the pod-level cgroup (empty container label) would count usage twice. */
const CONTAINERS = 'container!="",container!="POD"';

/** Series of many workloads at once, each series labelled so its workload can be found. */
export interface WorkloadSeries {
  /** The labels that identify a workload in the answers. */
  readonly keyLabels: string[];
  /** CPU used per workload, in cores, averaged over `rangeSeconds`. */
  cpu(rangeSeconds: number): string;
  /** Memory working set per workload, in bytes. */
  memory(): string;
  /** OOM kills per workload over the window. */
  oomKills(windowSeconds: number): string;
  /** CPU requested per workload, in cores (kube-state-metrics). */
  cpuRequests(): string;
}

/**
 * Pod → workload, from kube-state-metrics' `kube_pod_owner`: a pod's controlling owner, with the
 * ReplicaSet's hash suffix removed so Deployment pods name their Deployment. Over a window, every
 * pod that lived in it (OOM kills of replaced pods still count).
 */
function podWorkloads(matchers: string, windowSeconds?: number): string {
  const owner = (kind: string) => {
    const selector = `kube_pod_owner{owner_is_controller="true",${kind}${matchers}}`;
    return windowSeconds
      ? `max_over_time(${selector}[${windowSeconds}s])`
      : selector;
  };
  return (
    'max by (namespace, pod, workload) (' +
    `label_replace(${owner(
      'owner_kind="ReplicaSet"',
    )}, "workload", "$1", "owner_name", "(.+)-[^-]+")` +
    ` or label_replace(${owner(
      'owner_kind!~"ReplicaSet|<none>"',
    )}, "workload", "$1", "owner_name", "(.+)"))`
  );
}

/** A namespace matcher for a shard of namespaces, or none for all of them. */
function namespaceMatcher(namespaces?: string[]): string {
  if (!namespaces) return '';
  const escaped = namespaces.map(n =>
    n.replace(/[\\.^$|?*+()[\]{}]/g, '\\\\$&'),
  );
  return `,namespace=~"${escaped.join('|')}"`;
}

/**
 * Workloads grouped by namespace and controller (Deployment, StatefulSet, DaemonSet, Job) through
 * `kube_pod_owner`; `namespaces` limits them to a shard.
 */
export function ownedWorkloads(namespaces?: string[]): WorkloadSeries {
  const m = namespaceMatcher(namespaces);
  const byWorkload = (expr: string, windowSeconds?: number) =>
    `sum by (namespace, workload) (${expr} * on (namespace, pod) group_left (workload) ${podWorkloads(
      m,
      windowSeconds,
    )})`;
  return {
    keyLabels: ['namespace', 'workload'],
    cpu: range =>
      byWorkload(
        `rate(container_cpu_usage_seconds_total{${CONTAINERS}${m}}[${range}s])`,
      ),
    memory: () =>
      byWorkload(`container_memory_working_set_bytes{${CONTAINERS}${m}}`),
    oomKills: window =>
      byWorkload(
        `increase(container_oom_events_total{${CONTAINERS}${m}}[${window}s])`,
        window,
      ),
    cpuRequests: () =>
      byWorkload(`kube_pod_container_resource_requests{resource="cpu"${m}}`),
  };
}

/** How many workloads each namespace holds over the window: what the shards are cut from. */
export function workloadsPerNamespace(windowSeconds: number): string {
  return `count by (namespace) (group by (namespace, workload) (${podWorkloads(
    '',
    windowSeconds,
  )}))`;
}

/** The label a selector-batched answer carries: the selector's index in its batch. */
export const SELECTOR_LABEL = 'maturity_selector';

/**
 * Workloads named by their own label matchers (the selector annotation), many in one query: each
 * selector's sum is labelled with its index and the sums are joined with `or`.
 */
export function selectedWorkloads(selectors: string[]): WorkloadSeries {
  const each = (expr: (selector: string) => string) =>
    selectors
      .map(
        (selector, i) =>
          `label_replace(sum(${expr(
            selector,
          )}), "${SELECTOR_LABEL}", "${i}", "", "")`,
      )
      .join(' or ');
  return {
    keyLabels: [SELECTOR_LABEL],
    cpu: range =>
      each(
        s =>
          `rate(container_cpu_usage_seconds_total{${s},${CONTAINERS}}[${range}s])`,
      ),
    memory: () =>
      each(s => `container_memory_working_set_bytes{${s},${CONTAINERS}}`),
    oomKills: window =>
      each(
        s =>
          `increase(container_oom_events_total{${s},${CONTAINERS}}[${window}s])`,
      ),
    cpuRequests: () =>
      each(s => `kube_pod_container_resource_requests{${s},resource="cpu"}`),
  };
}

/**
 * One instant query per statistic, evaluated at the end of the window. Percentiles, means and
 * maxima run over a subquery at `resolutionSeconds`; CPU is the rate over one resolution step (at
 * least 5 minutes), so the steps tile the window. The hourly swing is the busiest hour's mean CPU
 * over the quietest hour's, across the window's hours.
 */
export function statisticQueries(
  series: WorkloadSeries,
  windowSeconds: number,
  resolutionSeconds: number,
): Record<LoadStatistic, string> {
  const over = (expr: string, seconds: number, step = resolutionSeconds) =>
    `(${expr})[${seconds}s:${step}s]`;
  const cpu = series.cpu(Math.max(resolutionSeconds, 300));
  const memory = series.memory();
  const hourly = series.cpu(3600);
  // Hours that end at least an hour into the window: a whole hour of it each.
  const hours = Math.max(3600, windowSeconds - 3600);
  return {
    cpuMean: `avg_over_time(${over(cpu, windowSeconds)})`,
    cpuP50: `quantile_over_time(0.5, ${over(cpu, windowSeconds)})`,
    cpuP95: `quantile_over_time(0.95, ${over(cpu, windowSeconds)})`,
    cpuP99: `quantile_over_time(0.99, ${over(cpu, windowSeconds)})`,
    cpuMax1h: `max_over_time(${over(cpu, Math.min(3600, windowSeconds))})`,
    cpuMax1d: `max_over_time(${over(cpu, Math.min(86_400, windowSeconds))})`,
    cpuHourlySwing: `max_over_time(${over(
      hourly,
      hours,
      3600,
    )}) / min_over_time(${over(hourly, hours, 3600)})`,
    memoryMean: `avg_over_time(${over(memory, windowSeconds)})`,
    memoryP99: `quantile_over_time(0.99, ${over(memory, windowSeconds)})`,
    memoryMax: `max_over_time(${over(memory, windowSeconds)})`,
    oomKills: series.oomKills(windowSeconds),
    cpuRequests: series.cpuRequests(),
  };
}
