/**
 * Writes a week of cAdvisor and kube-state-metrics series for pods in OpenMetrics text, for
 * `promtool tsdb create-blocks-from openmetrics`. The load is planted so its percentiles are known:
 * CPU runs at `baseCores`, and at `peakCores` during `peakHours` (UTC hours of day); memory
 * follows the same pattern between `baseBytes` and `peakBytes`. Each pod has its controlling owner
 * in `kube_pod_owner`, as kube-state-metrics exports it.
 */
export interface PlantedLoad {
  namespace: string;
  pod: string;
  owner: { kind: string; name: string };
  end: Date;
  days: number;
  baseCores: number;
  peakCores: number;
  peakHours: number[];
  baseBytes: number;
  peakBytes: number;
  requestCores: number;
  /** Minute index (from the start) of the one OOM kill, if any. */
  oomAtMinute?: number;
  /** Metric families its pods export themselves (gauges of 1), runtime ones included. */
  exports?: string[];
}

const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');

/** The lines of one family: every pod's series in turn, each in time order. */
function family(
  loads: PlantedLoad[],
  name: string,
  type: string,
  everyMinutes: number,
  line: (
    load: PlantedLoad,
    labels: string,
    t: number,
    minute: number,
  ) => string,
): string[] {
  const lines = [`# TYPE ${name} ${type}`];
  for (const load of loads) {
    const minutes = load.days * 24 * 60;
    const start = Math.floor(load.end.getTime() / 60_000) * 60 - minutes * 60;
    const labels = labelText({
      namespace: load.namespace,
      pod: load.pod,
      container: 'app',
    });
    for (let i = 0; i <= minutes; i += everyMinutes)
      lines.push(line(load, labels, start + i * 60, i));
  }
  return lines;
}

/**
 * The loads' series, span metrics (the OpenTelemetry Collector's spanmetrics connector's
 * `traces_spanmetrics_calls_total`) for `tracedServices`, and Istio's request metric for
 * `meshWorkloads`, over the loads' last day.
 */
export function plantedLoadOpenMetrics(
  loads: PlantedLoad[],
  options: {
    tracedServices?: Array<{ service: string; namespace: string }>;
    meshWorkloads?: Array<{ workload: string; namespace: string }>;
    nodes?: PlantedNode[];
    /** GPUs the DCGM exporter reports for a pod of the loads, each at a steady utilisation (%). */
    gpus?: Array<{ pod: string; utilisation: number[] }>;
    /** Volume claims a pod mounts (kube-state-metrics) and the bytes kubelet sees used on each. */
    volumes?: Array<{
      namespace: string;
      pod: string;
      claim: string;
      usedBytes: number;
    }>;
  } = {},
): string {
  const isPeak = (load: PlantedLoad, t: number) =>
    load.peakHours.includes(new Date(t * 1000).getUTCHours());
  const cores = (load: PlantedLoad, t: number) =>
    isPeak(load, t) ? load.peakCores : load.baseCores;
  // CPU seconds used before minute `i`: each minute adds the cores it ran at × 60.
  const used = new Map<PlantedLoad, number>();
  const lines = [
    ...family(
      loads,
      'container_cpu_usage_seconds',
      'counter',
      1,
      (load, labels, t, i) => {
        const total = i === 0 ? 0 : used.get(load)!;
        used.set(load, total + cores(load, t) * 60);
        return `container_cpu_usage_seconds_total{${labels}} ${total.toFixed(
          3,
        )} ${t}`;
      },
    ),
    ...family(
      loads,
      'container_memory_working_set_bytes',
      'gauge',
      1,
      (load, labels, t) =>
        `container_memory_working_set_bytes{${labels}} ${
          isPeak(load, t) ? load.peakBytes : load.baseBytes
        } ${t}`,
    ),
    ...family(
      loads,
      'container_oom_events',
      'counter',
      5,
      (load, labels, t, i) =>
        `container_oom_events_total{${labels}} ${
          load.oomAtMinute !== undefined && i >= load.oomAtMinute ? 1 : 0
        } ${t}`,
    ),
    ...family(
      loads,
      'kube_pod_container_resource_requests',
      'gauge',
      5,
      (load, labels, t) =>
        `kube_pod_container_resource_requests{${labels},resource="cpu",unit="core"} ${load.requestCores} ${t}`,
    ),
    ...family(
      loads,
      'kube_pod_owner',
      'gauge',
      5,
      (load, _labels, t) =>
        `kube_pod_owner{${labelText({
          namespace: load.namespace,
          pod: load.pod,
          owner_kind: load.owner.kind,
          owner_name: load.owner.name,
          owner_is_controller: 'true',
        })}} 1 ${t}`,
    ),
    ...[...new Set(loads.flatMap(l => l.exports ?? []))].flatMap(name =>
      family(
        loads.filter(l => l.exports?.includes(name)),
        name,
        'gauge',
        5,
        (_load, labels, t) => `${name}{${labels}} 1 ${t}`,
      ),
    ),
    ...spanMetrics(loads[0]?.end, options.tracedServices ?? []),
    ...meshMetrics(loads[0]?.end, options.meshWorkloads ?? []),
    ...nodeMetrics(loads[0]?.end, options.nodes ?? []),
    ...volumeMetrics(loads[0]?.end, options.volumes ?? []),
    ...(options.gpus?.length
      ? [
          '# TYPE DCGM_FI_DEV_GPU_UTIL gauge',
          ...options.gpus.flatMap(({ pod, utilisation }) => {
            const load = loads.find(l => l.pod === pod)!;
            return utilisation.flatMap((percent, gpu) =>
              family(
                [load],
                'x',
                'gauge',
                5,
                (l, _labels, t) =>
                  `DCGM_FI_DEV_GPU_UTIL{${labelText({
                    namespace: l.namespace,
                    pod: l.pod,
                    container: 'app',
                    gpu: String(gpu),
                  })}} ${percent} ${t}`,
              ).slice(1),
            );
          }),
        ]
      : []),
    '# EOF',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * A node as node exporter sees it over the day before `end`: one CPU, busy the share
 * `cpu(minutesBeforeEnd)` of each minute, and memory in use the share `memory(…)` of its total.
 */
export interface PlantedNode {
  instance: string;
  memoryTotalBytes: number;
  cpu: (minutesBeforeEnd: number) => number;
  memory: (minutesBeforeEnd: number) => number;
}

function nodeMetrics(end: Date | undefined, nodes: PlantedNode[]): string[] {
  if (!end || nodes.length === 0) return [];
  const last = Math.floor(end.getTime() / 60_000) * 60;
  const minutes = 25 * 60;
  const series = (
    name: string,
    type: string,
    line: (node: PlantedNode, t: number, before: number) => string,
  ) => {
    const lines = [`# TYPE ${name} ${type}`];
    for (const node of nodes)
      for (let before = minutes; before >= 0; before--)
        lines.push(line(node, last - before * 60, before));
    return lines;
  };
  const idle = new Map<PlantedNode, number>();
  return [
    // Idle seconds before each minute: every minute adds its idle share × 60.
    ...series('node_cpu_seconds', 'counter', (node, t, before) => {
      const total = idle.get(node) ?? 0;
      idle.set(node, total + (1 - node.cpu(before)) * 60);
      return `node_cpu_seconds_total{instance="${
        node.instance
      }",cpu="0",mode="idle"} ${total.toFixed(3)} ${t}`;
    }),
    ...series(
      'node_memory_MemTotal_bytes',
      'gauge',
      (node, t) =>
        `node_memory_MemTotal_bytes{instance="${node.instance}"} ${node.memoryTotalBytes} ${t}`,
    ),
    ...series(
      'node_memory_MemAvailable_bytes',
      'gauge',
      (node, t, before) =>
        `node_memory_MemAvailable_bytes{instance="${
          node.instance
        }"} ${Math.round(
          node.memoryTotalBytes * (1 - node.memory(before)),
        )} ${t}`,
    ),
  ];
}

/** Each claim's pod and use over the day before `end`, every five minutes. */
function volumeMetrics(
  end: Date | undefined,
  volumes: Array<{
    namespace: string;
    pod: string;
    claim: string;
    usedBytes: number;
  }>,
): string[] {
  if (!end || volumes.length === 0) return [];
  const last = Math.floor(end.getTime() / 60_000) * 60;
  const times: number[] = [];
  for (let t = last - 86_400; t <= last; t += 300) times.push(t);
  return [
    '# TYPE kube_pod_spec_volumes_persistentvolumeclaims_info gauge',
    ...volumes.flatMap(v =>
      times.map(
        t =>
          `kube_pod_spec_volumes_persistentvolumeclaims_info{${labelText({
            namespace: v.namespace,
            pod: v.pod,
            volume: 'data',
            persistentvolumeclaim: v.claim,
          })}} 1 ${t}`,
      ),
    ),
    '# TYPE kubelet_volume_stats_used_bytes gauge',
    ...volumes.flatMap(v =>
      times.map(
        t =>
          `kubelet_volume_stats_used_bytes{${labelText({
            namespace: v.namespace,
            persistentvolumeclaim: v.claim,
          })}} ${v.usedBytes} ${t}`,
      ),
    ),
  ];
}

/** A counter rising by one a minute over the day before `end`, for each label set. */
function dayOfCalls(
  end: Date,
  name: string,
  labelSets: Array<Record<string, string>>,
): string[] {
  const last = Math.floor(end.getTime() / 60_000) * 60;
  const lines = [`# TYPE ${name} counter`];
  for (const set of labelSets) {
    const labels = labelText(set);
    for (let t = last - 86_400; t <= last; t += 300)
      lines.push(`${name}_total{${labels}} ${(t - last + 86_400) / 60} ${t}`);
  }
  return lines;
}

function meshMetrics(
  end: Date | undefined,
  workloads: Array<{ workload: string; namespace: string }>,
): string[] {
  if (!end || workloads.length === 0) return [];
  return dayOfCalls(
    end,
    'istio_requests',
    workloads.map(w => ({
      reporter: 'destination',
      destination_workload: w.workload,
      destination_workload_namespace: w.namespace,
      response_code: '200',
    })),
  );
}

function spanMetrics(
  end: Date | undefined,
  services: Array<{ service: string; namespace: string }>,
): string[] {
  if (!end || services.length === 0) return [];
  return dayOfCalls(
    end,
    'traces_spanmetrics_calls',
    services.map(({ service, namespace }) => ({
      service_name: service,
      k8s_namespace_name: namespace,
      span_kind: 'SPAN_KIND_SERVER',
    })),
  );
}
