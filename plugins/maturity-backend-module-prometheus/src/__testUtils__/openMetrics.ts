/**
 * Writes a week of cAdvisor and kube-state-metrics series for one pod in OpenMetrics text, for
 * `promtool tsdb create-blocks-from openmetrics`. The load is planted so its percentiles are known:
 * CPU runs at `baseCores`, and at `peakCores` during `peakHours` (UTC hours of day); memory
 * follows the same pattern between `baseBytes` and `peakBytes`.
 */
export interface PlantedLoad {
  labels: Record<string, string>;
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
}

const labelText = (labels: Record<string, string>) =>
  Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',');

export function plantedLoadOpenMetrics(load: PlantedLoad): string {
  const minutes = load.days * 24 * 60;
  const endSeconds = Math.floor(load.end.getTime() / 60_000) * 60;
  const start = endSeconds - minutes * 60;
  const isPeak = (t: number) => load.peakHours.includes(new Date(t * 1000).getUTCHours());
  const labels = labelText(load.labels);
  const lines: string[] = [];

  lines.push('# TYPE container_cpu_usage_seconds counter');
  let used = 0;
  for (let i = 0; i <= minutes; i++) {
    const t = start + i * 60;
    lines.push(`container_cpu_usage_seconds_total{${labels}} ${used.toFixed(3)} ${t}`);
    used += (isPeak(t) ? load.peakCores : load.baseCores) * 60;
  }
  lines.push('# TYPE container_memory_working_set_bytes gauge');
  for (let i = 0; i <= minutes; i++) {
    const t = start + i * 60;
    lines.push(`container_memory_working_set_bytes{${labels}} ${isPeak(t) ? load.peakBytes : load.baseBytes} ${t}`);
  }
  lines.push('# TYPE container_oom_events counter');
  for (let i = 0; i <= minutes; i += 5) {
    const kills = load.oomAtMinute !== undefined && i >= load.oomAtMinute ? 1 : 0;
    lines.push(`container_oom_events_total{${labels}} ${kills} ${start + i * 60}`);
  }
  lines.push('# TYPE kube_pod_container_resource_requests gauge');
  for (let i = 0; i <= minutes; i += 5) {
    lines.push(`kube_pod_container_resource_requests{${labels},resource="cpu",unit="core"} ${load.requestCores} ${start + i * 60}`);
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}
