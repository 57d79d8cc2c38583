import { FACTS, WorkloadFacts } from '@internal/plugin-maturity-common';
import { WorkloadLoad } from './LoadSource';

const GiB = 1024 ** 3;

/** Whether Prometheus had any CPU or memory samples for the workload. */
export const hasSamples = (
  load: WorkloadLoad | undefined,
): load is WorkloadLoad =>
  load?.cpuMean !== undefined || load?.memoryMean !== undefined;

/**
 * A workload's real-load facts from the statistics Prometheus computed: CPU mean, percentiles and
 * the peaks of the last hour and day (the signals Crane uses), memory in GiB, OOM kills, CPU
 * requested and the p95 of its share used, the hourly swing and the quietest hour, each
 * container's p99 CPU and memory in the busiest replica, and the metric families it exports
 * beyond runtime and call metrics (its business metrics).
 */
export function loadFacts(load: WorkloadLoad): WorkloadFacts {
  const facts: WorkloadFacts = {};
  const set = (id: string, value: number | undefined) => {
    if (value !== undefined && Number.isFinite(value)) facts[id] = value;
  };
  const p = FACTS.prometheus;
  const gib = (bytes: number | undefined) =>
    bytes === undefined ? undefined : bytes / GiB;
  set(p.cpuMean, load.cpuMean);
  set(p.cpuP50, load.cpuP50);
  set(p.cpuP95, load.cpuP95);
  set(p.cpuP99, load.cpuP99);
  set(p.cpuMax1h, load.cpuMax1h);
  set(p.cpuMax1d, load.cpuMax1d);
  set(p.memoryMeanGiB, gib(load.memoryMean));
  set(p.memoryP99GiB, gib(load.memoryP99));
  set(p.memoryMaxGiB, gib(load.memoryMax));
  set(
    p.oomKills,
    load.oomKills === undefined ? undefined : Math.round(load.oomKills),
  );
  set(p.cpuRequestCores, load.cpuRequests);
  set(p.cpuP95OfRequests, load.cpuP95OfRequests);
  set(p.hourlyPeakToTrough, load.cpuHourlySwing);
  set(p.cpuQuietHour, load.cpuQuietHour);
  set(p.gpuUtilisation, load.gpuUtilisation);
  set(p.storageUsedGiB, gib(load.storageUsed));
  for (const [container, stats] of Object.entries(load.containers ?? {})) {
    set(p.containerCpuP99(container), stats.containerCpuP99);
    set(p.containerMemoryP99GiB(container), gib(stats.containerMemoryP99));
  }
  // Prometheus sees the workload's pods: no family of its own there means it exports none.
  const families = Math.round(load.businessMetrics ?? 0);
  facts[p.businessMetricFamilies] = families;
  facts[FACTS.practice('business-metrics')] = families > 0;
  return facts;
}
