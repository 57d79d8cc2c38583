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
  'businessMetrics',
  'cpuQuietHour',
  'cpuP95OfRequests',
  'containerCpuP99',
  'containerMemoryP99',
  'gpuUtilisation',
  'storageUsed',
] as const;

/** One of {@link LOAD_STATISTICS}. */
export type LoadStatistic = (typeof LOAD_STATISTICS)[number];

/** The statistics answered per container of a workload (a `container` label on each answer). */
export const CONTAINER_STATISTICS = [
  'containerCpuP99',
  'containerMemoryP99',
] as const satisfies readonly LoadStatistic[];

/** One of {@link CONTAINER_STATISTICS}. */
export type ContainerStatistic = (typeof CONTAINER_STATISTICS)[number];

export const isContainerStatistic = (
  statistic: LoadStatistic,
): statistic is ContainerStatistic =>
  (CONTAINER_STATISTICS as readonly string[]).includes(statistic);

/**
 * Metric families that are not a workload's own business metrics: runtime, container, node and
 * GPU (DCGM) metrics, Prometheus' own, and call metrics (HTTP, gRPC, mesh, OpenTelemetry), which the
 * platform can attach without the team's code.
 */
export const RUNTIME_METRICS =
  '(container|kube|node|machine|kubelet|apiserver|DCGM|go|process|jvm|python|nodejs|dotnet|promhttp|scrape|prometheus|net_conntrack|http|grpc|envoy|istio|otel|traces|rpc)_.*|up|target_info';

/**
 * Span metrics of the OpenTelemetry Collector's spanmetrics connector (and its older processor),
 * by the service they trace: a service with spans is traced, whatever instrumented it.
 */
export const TRACED_SERVICES =
  'group by (service_name, k8s_namespace_name) ({__name__=~"traces_spanmetrics_calls_total|traces_span_metrics_calls_total|calls_total",service_name!=""})';

/**
 * Workloads whose inbound calls a service mesh measures: Istio's standard request metric by
 * destination workload, and Linkerd's inbound responses by deployment, with the mesh named.
 */
export const MESH_WORKLOADS = [
  'label_replace(group by (destination_workload, destination_workload_namespace) (istio_requests_total{reporter="destination",destination_workload!=""}), "mesh", "Istio", "", "")',
  'label_replace(group by (destination_workload, destination_workload_namespace) (label_replace(label_replace(response_total{direction="inbound",deployment!=""}, "destination_workload", "$1", "deployment", "(.+)"), "destination_workload_namespace", "$1", "namespace", "(.+)")), "mesh", "Linkerd", "", "")',
].join(' or ');

/**
 * Node utilisation as Crane's load-aware scheduler reads it (node exporter): each node's CPU and
 * memory utilisation as a 5-minute mean, 0–1, and its maximum over the last hour (one-minute
 * steps) and day (five-minute steps), Crane's `cpu_usage_max_avg_1h` and `_1d`. By the label
 * that names the node, `instance` unless configured.
 */
export function nodeUtilisationQueries(nodeLabel: string) {
  const cpu = `1 - avg by (${nodeLabel}) (rate(node_cpu_seconds_total{mode="idle"}[5m]))`;
  const memory = `1 - sum by (${nodeLabel}) (avg_over_time(node_memory_MemAvailable_bytes[5m])) / sum by (${nodeLabel}) (avg_over_time(node_memory_MemTotal_bytes[5m]))`;
  const maxOver = (expr: string, range: string) =>
    `max_over_time((${expr})[${range}])`;
  return {
    cpuMax1h: maxOver(cpu, '1h:1m'),
    cpuMax1d: maxOver(cpu, '1d:5m'),
    memoryMax1h: maxOver(memory, '1h:1m'),
    memoryMax1d: maxOver(memory, '1d:5m'),
  };
}

/** cAdvisor's CPU of the containers the matchers select, as a rate over `seconds`. */
const containerCpuRate = (matchers: string, seconds: number) =>
  `rate(container_cpu_usage_seconds_total{${matchers}}[${seconds}s])`;

/** The DCGM exporter's GPU utilisation, 0–100, a series per GPU labelled with its pod. */
const GPU_UTIL = 'DCGM_FI_DEV_GPU_UTIL';

/** Pause containers and the pod-level cgroup (empty container label) would count usage twice. */
const CONTAINERS = 'container!="",container!="POD"';

/** Series of many workloads at once, each series labelled so its workload can be found. */
export interface WorkloadSeries {
  /** The labels that identify a workload in the answers. */
  readonly keyLabels: string[];
  /** CPU used per workload, in cores, as a range over the last `seconds` at `stepSeconds`. */
  cpuRange(seconds: number, stepSeconds: number): string;
  /** CPU used per workload as the mean of each hour ending now (an instant vector). */
  cpuHourly(): string;
  /** Memory working set per workload, in bytes, as a range over the last `seconds`. */
  memoryRange(seconds: number, stepSeconds: number): string;
  /** OOM kills per workload over the window. */
  oomKills(windowSeconds: number): string;
  /** CPU requested per workload, in cores (kube-state-metrics). */
  cpuRequests(): string;
  /** Metric families its pods export beyond {@link RUNTIME_METRICS}, now. */
  businessMetrics(): string;
  /**
   * Each container's CPU in the busiest pod at each step (max over pods), in cores, as a range:
   * a replica's figure whatever the number of replicas.
   */
  containerCpuRange(seconds: number, stepSeconds: number): string;
  /** Each container's working set in the busiest pod at each step, in bytes, as a range. */
  containerMemoryRange(seconds: number, stepSeconds: number): string;
  /** CPU used over CPU requested per workload at each step, as a range. */
  cpuUtilisationRange(seconds: number, stepSeconds: number): string;
  /**
   * The mean utilisation, in percent, of the GPUs its pods hold (the DCGM exporter's
   * `DCGM_FI_DEV_GPU_UTIL`, labelled with the pod using each GPU), as a range.
   */
  gpuRange(seconds: number, stepSeconds: number): string;
  /**
   * Bytes used on the persistent volumes its pods mount, now (kubelet's volume statistics, by
   * claim, through kube-state-metrics' pod → claim map); absent where the series cannot name
   * the claims (a selector names pods, not claims).
   */
  storageUsed?(): string;
}

/** A subquery over an instant expression: Prometheus evaluates it at every step. */
const subquery = (expr: string, seconds: number, stepSeconds: number) =>
  `(${expr})[${seconds}s:${stepSeconds}s]`;
/** CPU as a rate over one step (at least 5 minutes), so the steps tile the window. */
const rateWindow = (stepSeconds: number) => Math.max(stepSeconds, 300);

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
  const cpu = (rangeSeconds: number) =>
    byWorkload(containerCpuRate(`${CONTAINERS}${m}`, rangeSeconds));
  const memory = byWorkload(
    `container_memory_working_set_bytes{${CONTAINERS}${m}}`,
  );
  const requests = byWorkload(
    `kube_pod_container_resource_requests{resource="cpu"${m}}`,
  );
  const byContainer = (expr: string) =>
    `max by (namespace, workload, container) (${expr} * on (namespace, pod) group_left (workload) ${podWorkloads(
      m,
    )})`;
  return {
    keyLabels: ['namespace', 'workload'],
    containerCpuRange: (seconds, step) =>
      subquery(
        byContainer(containerCpuRate(`${CONTAINERS}${m}`, rateWindow(step))),
        seconds,
        step,
      ),
    containerMemoryRange: (seconds, step) =>
      subquery(
        byContainer(`container_memory_working_set_bytes{${CONTAINERS}${m}}`),
        seconds,
        step,
      ),
    cpuUtilisationRange: (seconds, step) =>
      subquery(`${cpu(rateWindow(step))} / ${requests}`, seconds, step),
    gpuRange: (seconds, step) =>
      subquery(
        `avg by (namespace, workload) (${GPU_UTIL}{pod!=""${m}} * on (namespace, pod) group_left (workload) ${podWorkloads(
          m,
        )})`,
        seconds,
        step,
      ),
    cpuRange: (seconds, step) => subquery(cpu(rateWindow(step)), seconds, step),
    cpuHourly: () => cpu(3600),
    memoryRange: (seconds, step) => subquery(memory, seconds, step),
    oomKills: window =>
      byWorkload(
        `increase(container_oom_events_total{${CONTAINERS}${m}}[${window}s])`,
        window,
      ),
    cpuRequests: () => requests,
    storageUsed: () => {
      const claims = m ? `{${m.slice(1)}}` : '';
      return `sum by (namespace, workload) (max by (namespace, persistentvolumeclaim) (kubelet_volume_stats_used_bytes${claims}) * on (namespace, persistentvolumeclaim) group_left (workload) max by (namespace, persistentvolumeclaim, workload) (kube_pod_spec_volumes_persistentvolumeclaims_info${claims} * on (namespace, pod) group_left (workload) ${podWorkloads(
        m,
      )}))`;
    },
    // The family name is copied into a label first: joining drops __name__, and families
    // would collide. Each family counts once however many pods and series export it.
    businessMetrics: () =>
      `count by (namespace, workload) (group by (namespace, workload, metric) (label_replace(group by (__name__, namespace, pod) ({__name__!~"${RUNTIME_METRICS}",pod!=""${m}}), "metric", "$1", "__name__", "(.+)") * on (namespace, pod) group_left (workload) ${podWorkloads(
        m,
      )}))`,
  };
}

/** The names of the recorded series of {@link recordingRules}. */
export const RECORDED_SERIES = {
  cpu: 'namespace_workload:container_cpu_usage_seconds:rate5m',
  memory: 'namespace_workload:container_memory_working_set_bytes:sum',
  containerCpu:
    'namespace_workload_container:container_cpu_usage_seconds:max_rate5m',
  containerMemory:
    'namespace_workload_container:container_memory_working_set_bytes:max',
};

/**
 * The recording rules that keep each workload's CPU and memory as series of their own, the
 * expressions {@link ownedWorkloads} would otherwise evaluate at every step of every subquery.
 * Prometheus evaluates a rule once per interval as data arrives; a run then reads the stored
 * samples, which at tens of thousands of workloads is the difference between minutes and seconds.
 */
export function recordingRules() {
  const owned = ownedWorkloads();
  // The instant expressions inside the subqueries, at the default 5-minute rate.
  const inner = (range: string) => range.slice(1, range.lastIndexOf(')['));
  return {
    groups: [
      {
        name: 'maturity-workloads',
        rules: [
          {
            record: RECORDED_SERIES.cpu,
            expr: inner(owned.cpuRange(300, 300)),
          },
          {
            record: RECORDED_SERIES.memory,
            expr: inner(owned.memoryRange(300, 300)),
          },
          {
            record: RECORDED_SERIES.containerCpu,
            expr: inner(owned.containerCpuRange(300, 300)),
          },
          {
            record: RECORDED_SERIES.containerMemory,
            expr: inner(owned.containerMemoryRange(300, 300)),
          },
        ],
      },
    ],
  };
}

/**
 * Workloads by owner, read from the series of {@link recordingRules}: CPU and memory statistics
 * run over stored samples instead of subqueries. OOM kills and requests are instant queries and
 * stay as in {@link ownedWorkloads}.
 */
export function recordedWorkloads(namespaces?: string[]): WorkloadSeries {
  const m = namespaceMatcher(namespaces).replace(/^,/, '');
  const owned = ownedWorkloads(namespaces);
  return {
    ...owned,
    cpuRange: seconds => `${RECORDED_SERIES.cpu}{${m}}[${seconds}s]`,
    cpuHourly: () => `avg_over_time(${RECORDED_SERIES.cpu}{${m}}[1h])`,
    memoryRange: seconds => `${RECORDED_SERIES.memory}{${m}}[${seconds}s]`,
    containerCpuRange: seconds =>
      `${RECORDED_SERIES.containerCpu}{${m}}[${seconds}s]`,
    containerMemoryRange: seconds =>
      `${RECORDED_SERIES.containerMemory}{${m}}[${seconds}s]`,
    cpuUtilisationRange: (seconds, step) =>
      subquery(
        `${RECORDED_SERIES.cpu}{${m}} / ${owned.cpuRequests()}`,
        seconds,
        step,
      ),
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
  const cpu = (rangeSeconds: number) =>
    each(s => containerCpuRate(`${s},${CONTAINERS}`, rangeSeconds));
  // Per container: the busiest pod's, labelled like the sums.
  const eachContainer = (expr: (selector: string) => string) =>
    selectors
      .map(
        (selector, i) =>
          `label_replace(max by (container) (${expr(
            selector,
          )}), "${SELECTOR_LABEL}", "${i}", "", "")`,
      )
      .join(' or ');
  return {
    keyLabels: [SELECTOR_LABEL],
    gpuRange: (seconds, step) =>
      subquery(
        selectors
          .map(
            (s, i) =>
              `label_replace(avg(${GPU_UTIL}{${s}}), "${SELECTOR_LABEL}", "${i}", "", "")`,
          )
          .join(' or '),
        seconds,
        step,
      ),
    containerCpuRange: (seconds, step) =>
      subquery(
        eachContainer(s =>
          containerCpuRate(`${s},${CONTAINERS}`, rateWindow(step)),
        ),
        seconds,
        step,
      ),
    containerMemoryRange: (seconds, step) =>
      subquery(
        eachContainer(
          s => `container_memory_working_set_bytes{${s},${CONTAINERS}}`,
        ),
        seconds,
        step,
      ),
    cpuUtilisationRange: (seconds, step) =>
      subquery(
        selectors
          .map(
            (s, i) =>
              `label_replace(sum(${containerCpuRate(
                `${s},${CONTAINERS}`,
                rateWindow(step),
              )}) / sum(kube_pod_container_resource_requests{${s},resource="cpu"}), "${SELECTOR_LABEL}", "${i}", "", "")`,
          )
          .join(' or '),
        seconds,
        step,
      ),
    cpuRange: (seconds, step) => subquery(cpu(rateWindow(step)), seconds, step),
    cpuHourly: () => cpu(3600),
    memoryRange: (seconds, step) =>
      subquery(
        each(s => `container_memory_working_set_bytes{${s},${CONTAINERS}}`),
        seconds,
        step,
      ),
    oomKills: window =>
      each(
        s =>
          `increase(container_oom_events_total{${s},${CONTAINERS}}[${window}s])`,
      ),
    cpuRequests: () =>
      each(s => `kube_pod_container_resource_requests{${s},resource="cpu"}`),
    businessMetrics: () =>
      each(
        s =>
          `count(group by (__name__) ({${s},__name__!~"${RUNTIME_METRICS}"}))`,
      ),
  };
}

/**
 * One instant query per statistic, evaluated at the end of the window: percentiles, means and
 * maxima over the workload's CPU and memory at `resolutionSeconds`. The hourly swing is the
 * busiest hour's mean CPU over the quietest hour's, across the window's whole hours, and the
 * quietest hour is that hour's mean. The share of requests used and the containers' p99s are
 * taken at each step (use over requests; the busiest pod's container), so they hold whatever
 * number of replicas an HPA ran.
 */
export function statisticQueries(
  series: WorkloadSeries,
  windowSeconds: number,
  resolutionSeconds: number,
): Partial<Record<LoadStatistic, string>> {
  const cpu = (seconds: number) => series.cpuRange(seconds, resolutionSeconds);
  const memory = series.memoryRange(windowSeconds, resolutionSeconds);
  // Hours that end at least an hour into the window: a whole hour of it each.
  const hours = subquery(
    series.cpuHourly(),
    Math.max(3600, windowSeconds - 3600),
    3600,
  );
  return {
    cpuMean: `avg_over_time(${cpu(windowSeconds)})`,
    cpuP50: `quantile_over_time(0.5, ${cpu(windowSeconds)})`,
    cpuP95: `quantile_over_time(0.95, ${cpu(windowSeconds)})`,
    cpuP99: `quantile_over_time(0.99, ${cpu(windowSeconds)})`,
    cpuMax1h: `max_over_time(${cpu(Math.min(3600, windowSeconds))})`,
    cpuMax1d: `max_over_time(${cpu(Math.min(86_400, windowSeconds))})`,
    cpuHourlySwing: `max_over_time(${hours}) / min_over_time(${hours})`,
    memoryMean: `avg_over_time(${memory})`,
    memoryP99: `quantile_over_time(0.99, ${memory})`,
    memoryMax: `max_over_time(${memory})`,
    oomKills: series.oomKills(windowSeconds),
    cpuRequests: series.cpuRequests(),
    businessMetrics: series.businessMetrics(),
    cpuQuietHour: `min_over_time(${hours})`,
    cpuP95OfRequests: `quantile_over_time(0.95, ${series.cpuUtilisationRange(
      windowSeconds,
      resolutionSeconds,
    )})`,
    containerCpuP99: `quantile_over_time(0.99, ${series.containerCpuRange(
      windowSeconds,
      resolutionSeconds,
    )})`,
    containerMemoryP99: `quantile_over_time(0.99, ${series.containerMemoryRange(
      windowSeconds,
      resolutionSeconds,
    )})`,
    gpuUtilisation: `avg_over_time(${series.gpuRange(
      windowSeconds,
      resolutionSeconds,
    )}) / 100`,
    ...(series.storageUsed ? { storageUsed: series.storageUsed() } : {}),
  };
}

/** The placeholder an operator's query names the pod → workload map by (docs/prometheus.md). */
export const OWNERS_PLACEHOLDER = '$owners';

/** An operator's query with `$owners` spelled out: pods with their workload, now. */
export function customFactQuery(query: string): string {
  return query.split(OWNERS_PLACEHOLDER).join(podWorkloads(''));
}
