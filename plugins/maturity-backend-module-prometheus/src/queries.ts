/**
 * The PromQL the module runs; `docs/prometheus.md` explains each. `sel` is the workload's label
 * matchers. Pause containers and the pod-level cgroup (empty container label) are excluded so
 * usage is not counted twice.
 */
export const QUERIES = {
  cpu: (sel: string) =>
    `sum(rate(container_cpu_usage_seconds_total{${sel},container!="",container!="POD"}[5m]))`,
  memory: (sel: string) =>
    `sum(container_memory_working_set_bytes{${sel},container!="",container!="POD"})`,
  cpuRequests: (sel: string) => `sum(kube_pod_container_resource_requests{${sel},resource="cpu"})`,
  oomKills: (sel: string, windowSeconds: number) =>
    `sum(increase(container_oom_events_total{${sel},container!="",container!="POD"}[${windowSeconds}s]))`,
};
