import { PrometheusDriver } from 'prometheus-query';
import { LoadSeries, LoadSource, Samples } from './LoadSeries';
import { QUERIES } from './queries';

// Prometheus refuses range queries of more than 11,000 points per series.
const MAX_POINTS = 11_000;

export interface PrometheusOptions {
  url: string;
  headers?: Record<string, string>;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  /** Resolution of range queries in seconds. */
  stepSeconds: number;
}

/** Reads load series from a Prometheus server through its HTTP API. */
export class PrometheusLoadSource implements LoadSource {
  private readonly driver: PrometheusDriver;

  constructor(private readonly options: PrometheusOptions) {
    this.driver = new PrometheusDriver({
      endpoint: options.url.replace(/\/$/, ''),
      baseURL: '/api/v1',
      headers: options.headers,
      timeout: options.timeoutMs,
    });
  }

  async read(selector: string, window: { start: Date; end: Date }): Promise<LoadSeries> {
    const seconds = Math.round((window.end.getTime() - window.start.getTime()) / 1000);
    const [cpu, memory, cpuRequests, oomKills] = await Promise.all([
      this.range(QUERIES.cpu(selector), window),
      this.range(QUERIES.memory(selector), window),
      this.instant(QUERIES.cpuRequests(selector), window.end),
      this.instant(QUERIES.oomKills(selector, seconds), window.end),
    ]);
    return { cpu, memory, cpuRequests, oomKills };
  }

  /** A range query split into chunks that each stay within the points limit. */
  private async range(query: string, window: { start: Date; end: Date }): Promise<Samples> {
    const step = this.options.stepSeconds;
    const chunkMs = (MAX_POINTS - 1) * step * 1000;
    const samples: Samples = [];
    for (let from = window.start.getTime(); from <= window.end.getTime(); from += chunkMs + step * 1000) {
      const to = Math.min(from + chunkMs, window.end.getTime());
      const result = await this.driver.rangeQuery(query, new Date(from), new Date(to), step);
      for (const series of result.result) {
        for (const sample of series.values) {
          samples.push([Math.round(sample.time.getTime() / 1000), Number(sample.value)]);
        }
      }
    }
    return samples.filter(([, v]) => Number.isFinite(v));
  }

  private async instant(query: string, time: Date): Promise<number | null> {
    const result = await this.driver.instantQuery(query, time);
    const value = Number(result.result[0]?.value?.value);
    return Number.isFinite(value) ? value : null;
  }
}
