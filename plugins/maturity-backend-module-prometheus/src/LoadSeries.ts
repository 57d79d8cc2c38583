/** [unix seconds, value] samples, oldest first. */
export type Samples = Array<[number, number]>;

/** What the module reads about one workload's real load over the lookback window. */
export interface LoadSeries {
  /** CPU used, in cores. */
  cpu: Samples;
  /** Memory working set, in bytes. */
  memory: Samples;
  /** CPU requested, in cores (kube-state-metrics), when known. */
  cpuRequests: number | null;
  /** OOM kills over the window, when known. */
  oomKills: number | null;
}

/** Where load series come from: a Prometheus server, or recorded results (the demo). */
export interface LoadSource {
  /** @param selector - PromQL label matchers without braces, e.g. `namespace="shop",pod=~"cart-.*"` */
  read(selector: string, window: { start: Date; end: Date }): Promise<LoadSeries>;
}
