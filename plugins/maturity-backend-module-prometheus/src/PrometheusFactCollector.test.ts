import fs from 'node:fs';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { DEFAULT_COST_PRICES } from '@internal/plugin-maturity-common';
import {
  createFactCollectionRun,
  elasticityHint,
  recommendRequests,
} from '@internal/plugin-maturity-node';
import { PrometheusFactCollector, targetOf } from './PrometheusFactCollector';
import { PrometheusLoadSource } from './PrometheusLoadSource';
import { recordingRules } from './queries';
import { plantedLoadOpenMetrics } from './__testUtils__/openMetrics';
import { startPrometheus } from './__testUtils__/startPrometheus';

const GiB = 1024 ** 3;
const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {},
});

// The end of the planted week; the query window ends a little later, as a live run would.
const end = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
// cart: 2 cores, 8 during two hours of each day (1/12 of the time: more than the top 5 %, less
// than half) placed well away from the last hour; memory 3 GiB, 5 GiB at the peaks; 16 cores
// requested; one OOM kill on day 3. Its pod belongs to a ReplicaSet of the Deployment cart.
const peakHours = [6, 7].map(h => (end.getUTCHours() + h) % 24);
const cartLoad = {
  namespace: 'shop',
  pod: 'cart-7d9f-a',
  owner: { kind: 'ReplicaSet', name: 'cart-7d9f' },
  end,
  days: 7,
  baseCores: 2,
  peakCores: 8,
  peakHours,
  baseBytes: 3 * GiB,
  peakBytes: 5 * GiB,
  requestCores: 16,
  oomAtMinute: 3 * 24 * 60,
  // Two families of its own; the Go runtime's and the HTTP server's are not business metrics.
  exports: [
    'orders_placed',
    'cart_items_open',
    'go_goroutines',
    'http_server_requests_seconds_count',
  ],
};
// ledger: the StatefulSet's one pod runs a steady core and 1 GiB, with 4 cores requested.
const ledgerLoad = {
  namespace: 'bank',
  pod: 'ledger-0',
  owner: { kind: 'StatefulSet', name: 'ledger' },
  end,
  days: 7,
  baseCores: 1,
  peakCores: 1,
  peakHours: [],
  baseBytes: GiB,
  peakBytes: GiB,
  requestCores: 4,
  exports: ['process_cpu_seconds'],
};

// One rule watches cart's pods; the others watch every pod of the cluster and the MySQL
// replicas, the platform's.
const ALERT_RULES = `groups:
  - name: shop
    rules:
      - alert: CartOrdersStalled
        expr: sum(rate(orders_placed{namespace="shop",pod=~"cart-.*"}[10m])) == 0
        for: 10m
  - name: platform
    rules:
      - alert: KubePodCrashLooping
        expr: max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"}[5m]) >= 1
      - alert: MySQLReplicationLag
        expr: mysql_slave_status_seconds_behind_master > 30
      - record: namespace:orders:rate5m
        expr: sum by (namespace) (rate(orders_placed[5m]))
`;
const owned = (name: string, namespace: string) =>
  component(name, {
    'backstage.io/kubernetes-id': name,
    'backstage.io/kubernetes-namespace': namespace,
  });
const selected = (name: string, selector: string) =>
  component(name, { 'maturity.cloudnative.dev/prometheus-selector': selector });

/** What the planted load of cart must give, worked out from the plant. */
function expectCartFacts(
  facts: Record<string, unknown>,
  planted: { gpus?: boolean } = {},
) {
  // Means: the peak is 2 h of every 24, so 2 + 6/12 cores and 3 + 2/12 GiB (±1 edge sample).
  expect(facts['prometheus.cpuMean']).toBeCloseTo(2.5, 2);
  expect(facts['prometheus.memoryMeanGiB']).toBeCloseTo(3 + 2 / 12, 2);
  expect(facts['prometheus.cpuP50']).toBeCloseTo(2, 6);
  expect(facts['prometheus.cpuP95']).toBeCloseTo(8, 6);
  expect(facts['prometheus.cpuP99']).toBeCloseTo(8, 6);
  expect(facts['prometheus.cpuMax1d']).toBeCloseTo(8, 6);
  expect(facts['prometheus.memoryP99GiB']).toBeCloseTo(5, 6);
  expect(facts['prometheus.memoryMaxGiB']).toBeCloseTo(5, 6);
  expect(facts['prometheus.cpuRequestCores']).toBe(16);
  expect(facts['prometheus.cpuP95OfRequests']).toBeCloseTo(0.5, 6);
  expect(facts['prometheus.oomKills']).toBe(1);
  // Hourly means: 8 in the peak hours, 2 in the others.
  expect(facts['prometheus.hourlyPeakToTrough']).toBeCloseTo(4, 6);
  // The last hour is off-peak; the last day holds one peak.
  expect(facts['prometheus.cpuMax1h']).toBeCloseTo(2, 6);
  // orders_placed and cart_items_open.
  expect(facts['prometheus.businessMetricFamilies']).toBe(2);
  expect(facts['practice.business-metrics']).toBe(true);
  // The quietest hour runs at 2 cores; one pod, so its container is the busiest replica's.
  expect(facts['prometheus.cpuQuietHour']).toBeCloseTo(2, 6);
  expect(facts['prometheus.container.app.cpuP99']).toBeCloseTo(8, 6);
  expect(facts['prometheus.container.app.memoryP99GiB']).toBeCloseTo(5, 6);
  // Where its two GPUs are planted, at 40 % and 60 %: half used.
  if (planted.gpus)
    expect(facts['prometheus.gpuUtilisation']).toBeCloseTo(0.5, 6);
  else expect(facts['prometheus.gpuUtilisation']).toBeUndefined();
}

function expectLedgerFacts(
  facts: Record<string, unknown>,
  planted: { volumes?: boolean } = {},
) {
  // Known by owner where its claim is planted: 30 GiB used on it. A selector names no claims.
  if (planted.volumes)
    expect(facts['prometheus.storageUsedGiB']).toBeCloseTo(30, 6);
  else expect(facts['prometheus.storageUsedGiB']).toBeUndefined();
  // The mean includes the window's first step, whose rate may see part of its 5 minutes.
  expect(facts['prometheus.cpuMean']).toBeCloseTo(1, 2);
  for (const fact of ['cpuP50', 'cpuP95', 'cpuP99', 'cpuMax1h', 'cpuMax1d']) {
    expect(facts[`prometheus.${fact}`]).toBeCloseTo(1, 6);
  }
  expect(facts['prometheus.memoryP99GiB']).toBeCloseTo(1, 6);
  expect(facts['prometheus.cpuRequestCores']).toBe(4);
  expect(facts['prometheus.cpuP95OfRequests']).toBeCloseTo(0.25, 6);
  expect(facts['prometheus.oomKills']).toBe(0);
  expect(facts['prometheus.hourlyPeakToTrough']).toBeCloseTo(1, 6);
  // Only the process' own metrics.
  expect(facts['prometheus.businessMetricFamilies']).toBe(0);
  expect(facts['practice.business-metrics']).toBe(false);
}

// Two nodes over the last day. The first, named by address and port as node exporter's target:
// CPU at 20 %, 80 % for the hour 7 to 6 hours ago and 50 % for the last two hours; memory at
// 60 %, 70 % during that same hour. The second, named by its node name: a steady 10 % CPU and
// 25 % memory.
const PLANTED_NODES = [
  {
    instance: '10.0.0.1:9100',
    memoryTotalBytes: 32 * GiB,
    cpu: (before: number) => {
      if (before >= 360 && before < 420) return 0.8;
      return before < 120 ? 0.5 : 0.2;
    },
    memory: (before: number) => (before >= 360 && before < 420 ? 0.7 : 0.6),
  },
  {
    instance: 'node-b',
    memoryTotalBytes: 16 * GiB,
    cpu: () => 0.1,
    memory: () => 0.25,
  },
];

/** One run's collection from the Prometheus at `url`, with the queries it sent. */
async function collectFrom(
  url: string,
  entities: Entity[],
  options: {
    maxSamplesPerQuery?: number;
    concurrency?: number;
    recordingRules?: boolean;
  } = {},
) {
  const source = new PrometheusLoadSource({
    url,
    timeoutMs: 10_000,
    stepSeconds: 300,
    concurrency: options.concurrency ?? 2,
    maxSamplesPerQuery: options.maxSamplesPerQuery ?? 50_000_000,
    recordingRules: options.recordingRules,
  });
  const collector = new PrometheusFactCollector({
    source,
    lookbackDays: 7,
    selectorsPerQuery: 50,
    now: () => new Date(end.getTime() + 60_000),
  });
  const run = createFactCollectionRun(new Date());
  const result = await collector.collect(entities, run);
  const queries = source.queriesSent;
  return {
    ...result,
    queries,
    nodeUtilisation: async () => ({
      nodes: await collector.nodeUtilisation(run),
      queries: source.queriesSent - queries,
    }),
  };
}

describe('PrometheusFactCollector against a real Prometheus', () => {
  let prometheus: { url: string; stop: () => Promise<void> };
  beforeAll(async () => {
    prometheus = await startPrometheus(
      plantedLoadOpenMetrics([cartLoad, ledgerLoad], {
        // cart sends spans; a service of the same name elsewhere says nothing of ledger.
        tracedServices: [
          { service: 'cart', namespace: 'shop' },
          { service: 'ledger', namespace: 'elsewhere' },
        ],
        // ledger is in the mesh: Istio measures its calls.
        meshWorkloads: [{ workload: 'ledger', namespace: 'bank' }],
        nodes: PLANTED_NODES,
        // cart's pod holds two GPUs, at 40 % and 60 % all week.
        gpus: [{ pod: 'cart-7d9f-a', utilisation: [40, 60] }],
        // ledger's pod mounts its claim, 30 GiB used; a claim of no workload's pod is nobody's.
        volumes: [
          {
            namespace: 'bank',
            pod: 'ledger-0',
            claim: 'data-ledger-0',
            usedBytes: 30 * GiB,
          },
          {
            namespace: 'bank',
            pod: 'orphan-1',
            claim: 'scratch',
            usedBytes: 99 * GiB,
          },
        ],
      }),
      { alertRules: ALERT_RULES },
    );
  }, 60_000);
  afterAll(() => prometheus?.stop());

  const collect = (
    entities: Entity[],
    options: { url?: string; maxSamplesPerQuery?: number } = {},
  ) => collectFrom(options.url ?? prometheus.url, entities, options);

  it("finds every owned workload's planted percentiles, peaks, memory, OOM kills and utilisation in 23 queries", async () => {
    const result = await collect([
      owned('cart', 'shop'),
      owned('ledger', 'bank'),
    ]);
    expect(result.failures?.size ?? 0).toBe(0);
    expectCartFacts(result.facts.get('component:default/cart')!, {
      gpus: true,
    });
    expectLedgerFacts(result.facts.get('component:default/ledger')!, {
      volumes: true,
    });
    // One query sizes the namespaces, then one per statistic covers every workload; one reads
    // the alerting rules, one the traced services and one the workloads in a mesh.
    expect(result.queries).toBe(1 + 19 + 1 + 1 + 1);
  }, 30_000);

  it("reads every node's CPU and memory maxima over the last hour and day in 4 queries", async () => {
    const result = await collect([owned('cart', 'shop')]);
    const { nodes, queries } = await result.nodeUtilisation();
    expect(queries).toBe(4);
    // The port of node exporter's target is dropped: the node is matched by its address.
    expect(nodes.map(n => n.node).sort()).toEqual(['10.0.0.1', 'node-b']);
    const first = nodes.find(n => n.node === '10.0.0.1')!;
    // The last hour at 50 %; the day's busiest 5 minutes at 80 %.
    expect(first.cpuMax1h).toBeCloseTo(0.5, 6);
    expect(first.cpuMax1d).toBeCloseTo(0.8, 6);
    expect(first.memoryMax1h).toBeCloseTo(0.6, 6);
    expect(first.memoryMax1d).toBeCloseTo(0.7, 6);
    const second = nodes.find(n => n.node === 'node-b')!;
    expect(second.cpuMax1h).toBeCloseTo(0.1, 6);
    expect(second.cpuMax1d).toBeCloseTo(0.1, 6);
    expect(second.memoryMax1h).toBeCloseTo(0.25, 6);
    expect(second.memoryMax1d).toBeCloseTo(0.25, 6);
  }, 30_000);

  it("answers the operator's own PromQL facts once a run, and names a refused one on each workload", async () => {
    const source = new PrometheusLoadSource({
      url: prometheus.url,
      timeoutMs: 10_000,
      stepSeconds: 300,
      concurrency: 2,
      maxSamplesPerQuery: 50_000_000,
    });
    const collector = new PrometheusFactCollector({
      source,
      lookbackDays: 7,
      selectorsPerQuery: 50,
      now: () => new Date(end.getTime() + 60_000),
      customFacts: {
        // cart's one pod exports orders_placed 1; ledger's none.
        ordersPlaced:
          'sum by (namespace, workload) (orders_placed * on (namespace, pod) group_left (workload) $owners)',
        broken: 'sum(',
      },
    });
    expect(collector.facts).toEqual([
      'prometheus.ordersPlaced',
      'prometheus.broken',
    ]);
    const result = await collector.collect(
      [owned('cart', 'shop'), owned('ledger', 'bank')],
      createFactCollectionRun(new Date()),
    );
    expect(
      result.facts.get('component:default/cart')!['prometheus.ordersPlaced'],
    ).toBe(1);
    expect(
      result.facts.get('component:default/ledger')!['prometheus.ordersPlaced'],
    ).toBeUndefined();
    expect(
      result.origins!.get('component:default/cart')!['prometheus.ordersPlaced'],
    ).toEqual({
      source: 'prometheus',
      from: 'maturity.prometheus.facts.ordersPlaced, series of shop/cart',
    });
    for (const ref of ['component:default/cart', 'component:default/ledger'])
      expect(result.problems!.get(ref)).toEqual([
        expect.stringMatching(
          /^Prometheus refused the query of maturity\.prometheus\.facts\.broken: bad_data: /,
        ),
      ]);
    // 1 + 19 statistics, the rules, the traced services, and one query per fact.
    expect(source.queriesSent).toBe(1 + 19 + 1 + 1 + 1 + 2);
  }, 30_000);

  it('finds which workloads an alerting rule watches, and says where each fact came from', async () => {
    const result = await collect([
      owned('cart', 'shop'),
      owned('ledger', 'bank'),
      selected('cart-by-selector', 'namespace="shop",pod=~"cart-.*"'),
    ]);
    const facts = (name: string) =>
      result.facts.get(`component:default/${name}`)!;
    expect(facts('cart')['practice.alerting']).toBe(true);
    expect(facts('cart-by-selector')['practice.alerting']).toBe(true);
    // KubePodCrashLooping watches every pod, ledger's too, but names none: the platform's alert.
    expect(facts('ledger')['practice.alerting']).toBe(false);
    const origins = (name: string) =>
      result.origins!.get(`component:default/${name}`)!;
    expect(origins('cart')['practice.alerting']).toEqual({
      source: 'prometheus',
      from: 'alerting rules shop/CartOrdersStalled',
    });
    expect(origins('ledger')['practice.alerting'].from).toBe(
      'none of 3 alerting rules names workload bank/ledger (pods it controls, from kube_pod_owner)',
    );
    // The MySQL rule is the platform's alerting on a data store, for every workload it watches.
    for (const name of ['cart', 'ledger', 'cart-by-selector'])
      expect(facts(name)['platform.dataStoreAlerting']).toBe(true);
    expect(origins('ledger')['platform.dataStoreAlerting'].from).toBe(
      'alerting rules on data-store metrics: platform/MySQLReplicationLag',
    );
    expect(origins('cart')['practice.business-metrics'].from).toBe(
      '2 metric families beyond runtime and call metrics, exported by workload shop/cart (pods it controls, from kube_pod_owner)',
    );
    // cart sends spans; ledger's namesake is in another namespace, and by selector no name is known.
    expect(facts('cart')['practice.tracing']).toBe(true);
    expect(origins('cart')['practice.tracing'].from).toBe(
      'span metrics of service cart in shop',
    );
    expect(facts('ledger')['practice.tracing']).toBeUndefined();
    expect(facts('cart-by-selector')['practice.tracing']).toBeUndefined();
    // Call metrics: cart's from its spans, ledger's from the mesh.
    expect(facts('cart')['practice.call-metrics']).toBe(true);
    expect(origins('cart')['practice.call-metrics'].from).toBe(
      'span metrics of service cart in shop',
    );
    expect(facts('ledger')['practice.call-metrics']).toBe(true);
    expect(origins('ledger')['practice.call-metrics'].from).toBe(
      'Istio request metrics of workload bank/ledger',
    );
    expect(facts('cart-by-selector')['practice.call-metrics']).toBeUndefined();
    expect(result.origin!.get('component:default/cart')).toEqual({
      source: 'prometheus',
      from: 'workload shop/cart (pods it controls, from kube_pod_owner), 7 days',
    });
  }, 30_000);

  it('splits owned workloads into shards of namespaces when one answer would hold too many samples', async () => {
    // A week at 5-minute steps is 2,017 points, counted as 3 samples each: room for one a query.
    const result = await collect(
      [owned('cart', 'shop'), owned('ledger', 'bank')],
      { maxSamplesPerQuery: 3 * 2017 },
    );
    expectCartFacts(result.facts.get('component:default/cart')!, {
      gpus: true,
    });
    expectLedgerFacts(result.facts.get('component:default/ledger')!, {
      volumes: true,
    });
    expect(result.queries).toBe(1 + 2 * 19 + 1 + 1 + 1);
  }, 30_000);

  it('batches workloads with their own selectors: 18 queries for a batch', async () => {
    const result = await collect([
      selected('cart', 'namespace="shop",pod=~"cart-.*"'),
      selected('ledger', 'namespace="bank",pod="ledger-0"'),
    ]);
    expect(result.failures?.size ?? 0).toBe(0);
    expectCartFacts(result.facts.get('component:default/cart')!, {
      gpus: true,
    });
    expectLedgerFacts(result.facts.get('component:default/ledger')!);
    // And one each for the alerting rules and the traced services.
    expect(result.queries).toBe(18 + 1 + 1 + 1);
  }, 30_000);

  it('halves a batch Prometheus refuses until the bad selector stands alone', async () => {
    const result = await collect([
      selected('cart', 'namespace="shop",pod=~"cart-.*"'),
      selected('broken', 'namespace="shop",pod=~"("'),
      selected('ledger', 'namespace="bank",pod="ledger-0"'),
    ]);
    expectCartFacts(result.facts.get('component:default/cart')!, {
      gpus: true,
    });
    expectLedgerFacts(result.facts.get('component:default/ledger')!);
    expect(result.failures?.get('component:default/broken')).toMatch(
      /^Prometheus query for namespace="shop",pod=~"\(" failed: bad_data: /,
    );
    expect([...(result.failures?.keys() ?? [])]).toEqual([
      'component:default/broken',
    ]);
  }, 30_000);

  it("feeds Crane's right-sizing and HPA rules with the planted figures", async () => {
    const load = (await collect([owned('cart', 'shop')])).facts.get(
      'component:default/cart',
    )!;
    // One replica requesting 16 cores and 8 GiB, as Kubernetes would report it, without an HPA.
    const facts = {
      ...load,
      'kubernetes.replicas': 1,
      'kubernetes.cores': 16,
      'kubernetes.memoryRequestGiB': 8,
      'kubernetes.hpaElastic': false,
    };
    const advice = recommendRequests(facts, DEFAULT_COST_PRICES);
    // CPU p99 8 × 1.15 = 9.2 cores; memory p99 5 GiB × 1.15 = 5.75, but the OOM kill raises it to
    // max(5 GiB + 100 MiB, 5 × 1.2 = 6 GiB).
    expect(advice.cpu).toMatchObject({ current: 16, recommended: 9.2 });
    expect(advice.memory).toMatchObject({
      current: 8,
      recommended: 6,
      basis: 'OOM-killed in the window: peak usage + margin',
    });
    // Hourly means swing 4× (≥ 1.5): an HPA at p95 8 / 16 = 50 %.
    expect(elasticityHint(facts)).toMatchObject({
      recommended: true,
      targetUtilization: 50,
    });
  }, 30_000);

  it('reports a workload Prometheus has no samples for, naming where it looked', async () => {
    const result = await collect([
      owned('ghost', 'shop'),
      selected('phantom', 'namespace="void"'),
    ]);
    expect(result.problems?.get('component:default/ghost')?.[0]).toBe(
      "Prometheus has no CPU or memory samples for workload shop/ghost (pods it controls, from kube_pod_owner) in the last 7 days; check maturity.cloudnative.dev/prometheus-selector or the entity's Kubernetes annotations",
    );
    expect(result.problems?.get('component:default/phantom')?.[0]).toMatch(
      /^Prometheus has no CPU or memory samples for namespace="void" in/,
    );
  }, 30_000);

  it('marks workloads stale when Prometheus cannot be reached', async () => {
    const result = await collect(
      [selected('cart', 'namespace="shop"'), owned('ledger', 'bank')],
      { url: 'http://127.0.0.1:1' },
    );
    expect(result.failures?.get('component:default/ledger')).toMatch(
      /^Prometheus queries for workloads by owner failed: \S/,
    );
    // The owned workloads are asked first; their failure trips the breaker before the batch.
    expect(result.failures?.get('component:default/cart')).toMatch(
      /^Prometheus is not answering this run/,
    );
  });
});

describe('PrometheusFactCollector on a workload an HPA scaled out', () => {
  // web ran one pod all week (1 core of 2 requested, 1 GiB) and a second for the last 3 days
  // (3 cores of 4 requested, 2 GiB): the replicas changed under it.
  const pod = (
    name: string,
    days: number,
    cores: number,
    gib: number,
    requestCores: number,
  ) => ({
    namespace: 'front',
    pod: name,
    owner: { kind: 'ReplicaSet', name: 'web-5c6d' },
    end,
    days,
    baseCores: cores,
    peakCores: cores,
    peakHours: [],
    baseBytes: gib * GiB,
    peakBytes: gib * GiB,
    requestCores,
  });
  let prometheus: { url: string; stop: () => Promise<void> };
  beforeAll(async () => {
    prometheus = await startPrometheus(
      plantedLoadOpenMetrics([
        pod('web-5c6d-a', 7, 1, 1, 2),
        pod('web-5c6d-b', 3, 3, 2, 4),
      ]),
    );
  }, 60_000);
  afterAll(() => prometheus?.stop());

  it('sizes a replica from the busiest pod and takes the share of requests at each step', async () => {
    const result = await collectFrom(prometheus.url, [owned('web', 'front')]);
    const facts = result.facts.get('component:default/web')!;
    // The busiest pod's container at each step: 3 cores and 2 GiB for the last 3 days of 7,
    // more than 1 % of the window. Summed over pods the p99 is 4, which over the 2 replicas
    // running now says 2 a replica.
    expect(facts['prometheus.container.app.cpuP99']).toBeCloseTo(3, 6);
    expect(facts['prometheus.container.app.memoryP99GiB']).toBeCloseTo(2, 6);
    expect(facts['prometheus.cpuP99']).toBeCloseTo(4, 6);
    // Use over requests at each step: 1/2 for 4 days, (1 + 3)/(2 + 4) for 3: p95 2/3. The
    // week's p95 over today's requests would say 4/6 too, but only because today is the
    // busiest; the quietest hour is the one-pod hours' 1 core.
    expect(facts['prometheus.cpuP95OfRequests']).toBeCloseTo(2 / 3, 6);
    expect(facts['prometheus.cpuQuietHour']).toBeCloseTo(1, 6);
  }, 30_000);
});

describe('PrometheusFactCollector against a Prometheus with a low sample limit', () => {
  let prometheus: { url: string; stop: () => Promise<void> };
  const limit = 12_000;
  beforeAll(async () => {
    // Room for one workload's week at 5-minute steps (2,017 points a subquery, which Prometheus
    // counts as about three samples each), not for two.
    prometheus = await startPrometheus(
      plantedLoadOpenMetrics([cartLoad, ledgerLoad]),
      {
        flags: [`--query.max-samples=${limit}`],
      },
    );
  }, 60_000);
  afterAll(() => prometheus?.stop());

  it('halves a shard Prometheus refuses until each half answers', async () => {
    // Told a larger limit than the server's, the source asks for both workloads at once first.
    const result = await collectFrom(
      prometheus.url,
      [owned('cart', 'shop'), owned('ledger', 'bank')],
      {
        concurrency: 1,
      },
    );
    expect(result.failures?.size ?? 0).toBe(0);
    expectCartFacts(result.facts.get('component:default/cart')!);
    expectLedgerFacts(result.facts.get('component:default/ledger')!);
    // The sizes; the refused first statistic of the whole fleet (the rest are not sent); then the
    // two namespaces, 19 statistics each; the alerting rules and the traced services (none here,
    // so alerting and tracing are unknown).
    expect(result.queries).toBe(1 + 1 + 2 * 19 + 1 + 1 + 1);
  }, 30_000);
});

describe('PrometheusFactCollector against a Prometheus that runs the recording rules', () => {
  let prometheus: { url: string; stop: () => Promise<void> };
  beforeAll(async () => {
    // The rules backfilled over the planted week as if they had always run: from the first whole
    // hour with a full 5-minute rate window of data behind it. An evaluation closer to the first
    // sample would extrapolate a partial window and record a rate below the planted one.
    const from = new Date(
      Math.ceil((end.getTime() - 7 * 86_400_000 + 300_000) / 3_600_000) *
        3_600_000,
    );
    prometheus = await startPrometheus(
      plantedLoadOpenMetrics([cartLoad, ledgerLoad]),
      {
        rules: JSON.stringify(recordingRules()),
        rulesFrom: from,
        rulesTo: end,
      },
    );
  }, 120_000);
  afterAll(() => prometheus?.stop());

  it('reads the recorded series and finds the same planted figures in 23 queries', async () => {
    const result = await collectFrom(
      prometheus.url,
      [owned('cart', 'shop'), owned('ledger', 'bank')],
      {
        recordingRules: true,
      },
    );
    expect(result.failures?.size ?? 0).toBe(0);
    expectCartFacts(result.facts.get('component:default/cart')!);
    expectLedgerFacts(result.facts.get('component:default/ledger')!);
    expect(result.queries).toBe(1 + 19 + 1 + 1 + 1);
  }, 30_000);
});

describe('targetOf', () => {
  it('rejects a malformed selector naming the annotation', () => {
    expect(() =>
      targetOf(
        component('cart', {
          'maturity.cloudnative.dev/prometheus-selector': '{namespace=shop}',
        }),
      ),
    ).toThrow(
      'Entity component:default/cart has an invalid annotation maturity.cloudnative.dev/prometheus-selector: "{namespace=shop}"; expected PromQL label matchers without braces, e.g. namespace="shop",pod=~"cart-.*"',
    );
  });
});

describe('PrometheusFactCollector when Prometheus misbehaves', () => {
  /** Runs `test` against a local server answering with `handler`, and closes it afterwards. */
  async function withServer(
    handler: http.RequestListener,
    test: (url: string) => Promise<void>,
  ) {
    const server = http.createServer(handler);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      await test(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    }
  }

  const answers = {
    malformed: (res: http.ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"success","data":{"resultType":"matrix","result":[');
    },
    overloaded: (res: http.ServerResponse) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(
        '{"status":"error","errorType":"unavailable","error":"too many queries"}',
      );
    },
    slow: () => {
      // Never answers: the request must time out.
    },
  };

  const misbehaving = (url: string, timeoutMs: number) =>
    new PrometheusFactCollector({
      source: new PrometheusLoadSource({
        url,
        timeoutMs,
        stepSeconds: 3600,
        concurrency: 2,
        maxSamplesPerQuery: 50_000_000,
      }),
      lookbackDays: 7,
      selectorsPerQuery: 50,
    });

  it.each(Object.keys(answers) as Array<keyof typeof answers>)(
    'marks the workloads stale with the reason when answers are %s, and finishes',
    async mode =>
      withServer(
        (_req, res) => answers[mode](res),
        async url => {
          const result = await misbehaving(url, 500).collect([
            selected('cart', 'namespace="shop"'),
            component('plain', {}),
          ]);
          expect(result.facts.size).toBe(0);
          expect(result.failures?.get('component:default/cart')).toMatch(
            /^Prometheus query for namespace="shop" failed: \S/,
          );
          // A workload Prometheus is not asked about is not made stale by the outage.
          expect(result.failures?.has('component:default/plain')).toBe(false);
        },
      ),
    10_000,
  );

  it('asks a Prometheus that never answers once a run, and says why', async () => {
    let requests = 0;
    const neverAnswers = () => {
      requests += 1;
    };
    await withServer(neverAnswers, async url => {
      const collector = misbehaving(url, 300);
      const page = (from: number) => [
        owned(`o${from}`, 'shop'),
        ...Array.from({ length: 40 }, (_, i) =>
          selected(`w${from + i}`, `namespace="n${from + i}"`),
        ),
      ];
      const run = createFactCollectionRun(new Date());
      const first = await collector.collect(page(0), run);
      // The first query (the namespace sizes) times out and trips the breaker: one request in all.
      expect(requests).toBe(1);
      expect(first.failures?.size).toBe(41);
      expect(first.failures?.get('component:default/o0')).toBe(
        'Prometheus queries for workloads by owner failed: timeout_error: timeout of 300ms exceeded',
      );
      expect(first.failures?.get('component:default/w39')).toBe(
        'Prometheus is not answering this run, so it was not asked again (first failure: timeout_error: timeout of 300ms exceeded)',
      );
      expect(
        [...first.failures!.values()].some(r => r.includes('[object Object]')),
      ).toBe(false);
      // The run's next page is not asked at all; a stopped run asks nothing either.
      expect((await collector.collect(page(40), run)).failures?.size).toBe(41);
      expect(requests).toBe(1);
      const stopping = new AbortController();
      stopping.abort(new Error('The backend shut down during the run'));
      const stopped = await collector.collect(
        page(80),
        createFactCollectionRun(new Date(), stopping.signal),
      );
      expect(requests).toBe(1);
      expect(stopped.failures?.get('component:default/w80')).toBe(
        'Prometheus was not asked: The backend shut down during the run',
      );
      expect(stopped.failures?.get('component:default/o80')).toBe(
        'Prometheus was not asked: The backend shut down during the run',
      );
    });
  }, 10_000);
});

describe('the recording rules in docs/prometheus.md', () => {
  it('are the ones the module reads', () => {
    const docs = fs.readFileSync(
      path.resolve(__dirname, '../../../docs/prometheus.md'),
      'utf8',
    );
    for (const { record, expr } of recordingRules().groups[0].rules) {
      expect(docs).toContain(`- record: ${record}\n        expr: ${expr}\n`);
    }
  });
});
