import { NodeUtilisation } from '@internal/plugin-maturity-common';
import { PrometheusDriver } from 'prometheus-query';
import { alertingRules } from './alertRules';
import {
  addStatistic,
  AlertRule,
  CustomFactAnswer,
  LoadSource,
  LoadWindow,
  OwnedLoads,
  ownedKey,
  MeshWorkload,
  TracedService,
  WorkloadLoad,
} from './LoadSource';
import { describeError, isSourceFailure } from './describeError';
import {
  LOAD_STATISTICS,
  LoadStatistic,
  ownedWorkloads,
  recordedWorkloads,
  customFactQuery,
  SELECTOR_LABEL,
  selectedWorkloads,
  MESH_WORKLOADS,
  nodeUtilisationQueries,
  TRACED_SERVICES,
  statisticQueries,
  WorkloadSeries,
  workloadsPerNamespace,
} from './queries';

export interface PrometheusOptions {
  url: string;
  headers?: Record<string, string>;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  /** Resolution of the subqueries in seconds. */
  stepSeconds: number;
  /** Queries in flight at once. */
  concurrency: number;
  /**
   * The most samples one query may hold (Prometheus' `--query.max-samples`): owned workloads are
   * split into shards of namespaces so that no subquery holds more.
   */
  maxSamplesPerQuery: number;
  /**
   * Whether Prometheus runs the module's recording rules (`recordingRules()` in `queries.ts`):
   * statistics of workloads by owner then read their stored series instead of subqueries.
   */
  recordingRules?: boolean;
  /** The label of node exporter's series that names the node: `instance` unless configured. */
  nodeLabel?: string;
}

/**
 * Samples Prometheus counts against `--query.max-samples` per point of a computed subquery,
 * measured: one workload's week at 5-minute steps (2,017 points) is refused at 5,000 and answered
 * at 8,000; two are refused at 12,000 and answered at 20,000.
 */
const SAMPLES_PER_COMPUTED_POINT = 3;

type Vector = Array<{ labels: Record<string, string>; value: number }>;

const windowSeconds = (window: LoadWindow) =>
  Math.round((window.end.getTime() - window.start.getTime()) / 1000);

/** Runs `tasks` with at most `limit` in flight; after the first failure starts no more, and rejects. */
async function inParallel<T>(
  tasks: Array<() => Promise<T>>,
  limit: number,
): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < tasks.length && !failed) {
      const i = next++;
      try {
        results[i] = await tasks[i]();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, worker),
  );
  return results;
}

/** Packs namespaces, in name order, into shards of at most `limit` workloads (a larger one alone). */
export function packShards(
  sizes: Map<string, number>,
  limit: number,
): string[][] {
  const shards: string[][] = [];
  let current: string[] = [];
  let held = 0;
  for (const [namespace, count] of [...sizes].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (current.length > 0 && held + count > limit) {
      shards.push(current);
      current = [];
      held = 0;
    }
    current.push(namespace);
    held += count;
  }
  if (current.length > 0) shards.push(current);
  return shards;
}

/**
 * Reads load statistics from a Prometheus server through its HTTP API: one instant query per
 * statistic for every owned workload at once (split into shards of namespaces only when a subquery
 * would hold more than `maxSamplesPerQuery` samples), and one per statistic for each batch of
 * selectors. Queries are sent as POST, so long batches fit.
 */
export class PrometheusLoadSource implements LoadSource {
  private readonly driver: PrometheusDriver;
  /** Queries sent since the source was made (what the benchmark and the tests count). */
  queriesSent = 0;

  constructor(private readonly options: PrometheusOptions) {
    this.driver = new PrometheusDriver({
      endpoint: options.url.replace(/\/$/, ''),
      baseURL: '/api/v1',
      headers: options.headers,
      timeout: options.timeoutMs,
      preferPost: true,
    });
  }

  async readCustomFacts(
    queries: Record<string, string>,
    window: LoadWindow,
    signal?: AbortSignal,
  ): Promise<Record<string, CustomFactAnswer>> {
    const answers: Record<string, CustomFactAnswer> = {};
    for (const [name, query] of Object.entries(queries)) {
      try {
        const values = new Map<string, number>();
        for (const { labels, value } of await this.vector(
          customFactQuery(query),
          window.end,
          signal,
        )) {
          if (labels.namespace && labels.workload)
            values.set(ownedKey(labels.namespace, labels.workload), value);
        }
        answers[name] = { values };
      } catch (error) {
        // The source failing is the run's business; a query it refuses is this fact's.
        if (isSourceFailure(error)) throw error;
        answers[name] = { error: describeError(error) };
      }
    }
    return answers;
  }

  async readTracedServices(
    window: LoadWindow,
    signal?: AbortSignal,
  ): Promise<TracedService[]> {
    return (await this.vector(TRACED_SERVICES, window.end, signal)).map(
      ({ labels }) => ({
        service: labels.service_name,
        ...(labels.k8s_namespace_name
          ? { namespace: labels.k8s_namespace_name }
          : {}),
      }),
    );
  }

  async readMeshWorkloads(
    window: LoadWindow,
    signal?: AbortSignal,
  ): Promise<MeshWorkload[]> {
    return (await this.vector(MESH_WORKLOADS, window.end, signal)).map(
      ({ labels }) => ({
        workload: labels.destination_workload,
        namespace: labels.destination_workload_namespace,
        mesh: labels.mesh,
      }),
    );
  }

  async readNodeUtilisation(
    window: LoadWindow,
    signal?: AbortSignal,
  ): Promise<NodeUtilisation[]> {
    const label = this.options.nodeLabel ?? 'instance';
    const queries = nodeUtilisationQueries(label);
    const byNode = new Map<string, NodeUtilisation>();
    const answers = await inParallel(
      (Object.keys(queries) as Array<keyof typeof queries>).map(
        statistic => async () =>
          [
            statistic,
            await this.vector(queries[statistic], window.end, signal),
          ] as const,
      ),
      this.options.concurrency,
    );
    for (const [statistic, vector] of answers) {
      for (const { labels, value } of vector) {
        // node exporter's `instance` is often host:port; the node is the host.
        const node = (labels[label] ?? '').replace(/:\d+$/, '');
        if (!node) continue;
        const found = byNode.get(node) ?? {
          node,
          cpuMax1h: null,
          cpuMax1d: null,
          memoryMax1h: null,
          memoryMax1d: null,
        };
        found[statistic] = value;
        byNode.set(node, found);
      }
    }
    return [...byNode.values()];
  }

  async readAlertRules(signal?: AbortSignal): Promise<AlertRule[]> {
    signal?.throwIfAborted();
    this.queriesSent += 1;
    return alertingRules(await this.driver.rules());
  }

  async readOwned(
    window: LoadWindow,
    signal?: AbortSignal,
  ): Promise<OwnedLoads> {
    const seconds = windowSeconds(window);
    const sizes = new Map<string, number>();
    for (const { labels, value } of await this.vector(
      workloadsPerNamespace(seconds),
      window.end,
      signal,
    )) {
      if (labels.namespace) sizes.set(labels.namespace, value);
    }
    // A workload holds a point per resolution step; a computed subquery costs Prometheus about
    // three samples a point (the raw samples each step's rate reads), a recorded series one.
    const points = Math.floor(seconds / this.options.stepSeconds) + 1;
    const cost =
      points * (this.options.recordingRules ? 1 : SAMPLES_PER_COMPUTED_POINT);
    const shards = packShards(
      sizes,
      Math.max(1, Math.floor(this.options.maxSamplesPerQuery / cost)),
    );
    const result: OwnedLoads = { loads: new Map(), refused: new Map() };
    const workloads = this.options.recordingRules
      ? recordedWorkloads
      : ownedWorkloads;
    // One shard asks for every namespace, with no matcher to evaluate (`undefined`). A shard
    // Prometheus refuses (more samples than its limit: the sizes are counted at the window's
    // end, pods may have come and gone) is halved until each half answers or is one namespace.
    const queue: Array<string[] | undefined> =
      shards.length > 1 ? shards : [undefined];
    while (queue.length > 0) {
      const shard = queue.shift();
      try {
        const answers = await this.statistics(workloads(shard), window, signal);
        for (const [statistic, vector] of answers) {
          for (const { labels, value } of vector) {
            const key = ownedKey(labels.namespace, labels.workload);
            result.loads.set(
              key,
              addStatistic(
                result.loads.get(key) ?? {},
                statistic,
                labels,
                value,
              ),
            );
          }
        }
      } catch (error) {
        if (isSourceFailure(error)) throw error;
        const namespaces = shard ?? [...sizes.keys()].sort();
        if (namespaces.length > 1) {
          const half = Math.ceil(namespaces.length / 2);
          queue.push(namespaces.slice(0, half), namespaces.slice(half));
        } else {
          for (const namespace of namespaces) {
            result.refused.set(namespace, describeError(error));
          }
        }
      }
    }
    return result;
  }

  async readSelected(
    selectors: string[],
    window: LoadWindow,
    signal?: AbortSignal,
  ) {
    const loads: Array<WorkloadLoad | undefined> = new Array(
      selectors.length,
    ).fill(undefined);
    for (const [statistic, vector] of await this.statistics(
      selectedWorkloads(selectors),
      window,
      signal,
    )) {
      for (const { labels, value } of vector) {
        const i = Number(labels[SELECTOR_LABEL]);
        loads[i] = addStatistic(loads[i] ?? {}, statistic, labels, value);
      }
    }
    return loads;
  }

  /** Every statistic of `series`, as [statistic, answer] pairs. */
  private async statistics(
    series: WorkloadSeries,
    window: LoadWindow,
    signal?: AbortSignal,
  ) {
    const queries = statisticQueries(
      series,
      windowSeconds(window),
      this.options.stepSeconds,
    );
    // The statistics the series can answer: a selector names no volume claims.
    return inParallel(
      LOAD_STATISTICS.filter(statistic => queries[statistic]).map(
        statistic => async (): Promise<[LoadStatistic, Vector]> =>
          [
            statistic,
            await this.vector(queries[statistic]!, window.end, signal),
          ],
      ),
      this.options.concurrency,
    );
  }

  private async vector(
    query: string,
    time: Date,
    signal?: AbortSignal,
  ): Promise<Vector> {
    signal?.throwIfAborted();
    this.queriesSent += 1;
    const answer = await this.driver.instantQuery(query, time);
    return answer.result
      .map(
        (sample: {
          metric: { labels: Record<string, string> };
          value: { value: number };
        }) => ({
          labels: sample.metric.labels,
          value: Number(sample.value.value),
        }),
      )
      .filter(sample => Number.isFinite(sample.value));
  }
}
