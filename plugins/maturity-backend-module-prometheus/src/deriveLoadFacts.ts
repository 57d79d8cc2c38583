import { FACTS, WorkloadFacts } from '@internal/plugin-maturity-common';
import { LoadSeries, Samples } from './LoadSeries';

const GiB = 1024 ** 3;

/** Nearest-rank percentile (p in 0–100) of values; undefined for none. */
export function percentile(values: number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const mean = (values: number[]) =>
  values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : undefined;

const maxSince = (samples: Samples, since: number) => {
  const recent = samples.filter(([t]) => t >= since).map(([, v]) => v);
  return recent.length ? Math.max(...recent) : undefined;
};

/** Median per hour of day (UTC), for the hours that have samples. */
function hourlyMedians(samples: Samples): number[] {
  const byHour = new Map<number, number[]>();
  for (const [t, v] of samples) {
    const hour = new Date(t * 1000).getUTCHours();
    byHour.set(hour, [...(byHour.get(hour) ?? []), v]);
  }
  return [...byHour.values()].map(values => percentile(values, 50)!);
}

/**
 * Real-load facts of one workload: CPU mean and percentiles over the window, the peaks of the last hour
 * and day (the node-history signals Crane uses), memory mean, p99 and max, OOM kills, utilisation of
 * requests, and how far the hourly median swings between its busiest and quietest hour.
 */
export function deriveLoadFacts(series: LoadSeries, end: Date): WorkloadFacts {
  const facts: WorkloadFacts = {};
  const set = (id: string, value: number | undefined | null) => {
    if (value !== undefined && value !== null && Number.isFinite(value)) facts[id] = value;
  };
  const p = FACTS.prometheus;
  const cpu = series.cpu.map(([, v]) => v);
  const endSeconds = end.getTime() / 1000;
  const p95 = percentile(cpu, 95);
  set(p.cpuMean, mean(cpu));
  set(p.cpuP50, percentile(cpu, 50));
  set(p.cpuP95, p95);
  set(p.cpuP99, percentile(cpu, 99));
  set(p.cpuMax1h, maxSince(series.cpu, endSeconds - 3600));
  set(p.cpuMax1d, maxSince(series.cpu, endSeconds - 86_400));
  const memory = series.memory.map(([, v]) => v / GiB);
  set(p.memoryMeanGiB, mean(memory));
  set(p.memoryP99GiB, percentile(memory, 99));
  set(p.memoryMaxGiB, memory.length ? Math.max(...memory) : undefined);
  set(p.oomKills, series.oomKills === null ? null : Math.round(series.oomKills));
  set(p.cpuRequestCores, series.cpuRequests);
  if (p95 !== undefined && series.cpuRequests) set(p.cpuP95OfRequests, p95 / series.cpuRequests);
  const medians = hourlyMedians(series.cpu);
  if (medians.length && Math.min(...medians) > 0) {
    set(p.hourlyPeakToTrough, Math.max(...medians) / Math.min(...medians));
  }
  return facts;
}
