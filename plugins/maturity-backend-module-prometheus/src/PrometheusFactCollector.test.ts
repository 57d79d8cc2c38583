import { Entity } from '@backstage/catalog-model';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { DEFAULT_COST_PRICES, elasticityHint, recommendRequests } from '@internal/plugin-maturity-common';
import { createFactCollectionRun } from '@internal/plugin-maturity-node';
import { PrometheusFactCollector, selectorOf } from './PrometheusFactCollector';
import { PrometheusLoadSource } from './PrometheusLoadSource';
import { plantedLoadOpenMetrics } from './__testUtils__/openMetrics';
import { startPrometheus } from './__testUtils__/startPrometheus';

const GiB = 1024 ** 3;
const component = (name: string, annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1', kind: 'Component',
  metadata: { name, namespace: 'default', annotations }, spec: {},
});

// The end of the planted week; the query window ends a little later, as a live run would.
const end = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);
// 2 cores, 8 during two hours of each day (1/12 of the time: more than the top 5 %, less than
// half) placed well away from the last hour; memory 3 GiB, 5 GiB at the peaks; 16 cores
// requested; one OOM kill on day 3.
const peakHours = [6, 7].map(h => (end.getUTCHours() + h) % 24);
const planted = {
  labels: { namespace: 'shop', pod: 'cart-7d9f-a', container: 'app' },
  end, days: 7, baseCores: 2, peakCores: 8, peakHours,
  baseBytes: 3 * GiB, peakBytes: 5 * GiB, requestCores: 16, oomAtMinute: 3 * 24 * 60,
};

describe('PrometheusFactCollector against a real Prometheus', () => {
  let prometheus: { url: string; stop: () => Promise<void> };
  beforeAll(async () => {
    prometheus = await startPrometheus(plantedLoadOpenMetrics(planted));
  }, 60_000);
  afterAll(() => prometheus?.stop());

  const collector = (url = prometheus.url) =>
    new PrometheusFactCollector({
      source: new PrometheusLoadSource({ url, timeoutMs: 10_000, stepSeconds: 60 }),
      lookbackDays: 7,
      concurrency: 2,
      now: () => new Date(end.getTime() + 60_000),
    });

  it('finds the planted percentiles, peaks, memory, OOM kill and utilisation', async () => {
    const cart = component('cart', { 'maturity.cloudnative.dev/prometheus-selector': 'namespace="shop",pod=~"cart-.*"' });
    const result = await collector().collect([cart]);
    expect(result.failures?.size ?? 0).toBe(0);
    const facts = result.facts.get('component:default/cart')!;
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
    // Hourly medians: 8 at the peak hours, 2 elsewhere.
    expect(facts['prometheus.hourlyPeakToTrough']).toBeCloseTo(4, 6);
    // The last hour is off-peak; the last day holds one peak.
    expect(facts['prometheus.cpuMax1h']).toBeCloseTo(2, 6);
  }, 30_000);

  it('feeds Crane\'s right-sizing and HPA rules with the planted figures', async () => {
    const cart = component('cart', { 'maturity.cloudnative.dev/prometheus-selector': 'namespace="shop",pod=~"cart-.*"' });
    const load = (await collector().collect([cart])).facts.get('component:default/cart')!;
    // One replica requesting 16 cores and 8 GiB, as Kubernetes would report it, without an HPA.
    const facts = { ...load, 'kubernetes.replicas': 1, 'kubernetes.cores': 16, 'kubernetes.memoryRequestGiB': 8, 'kubernetes.hpaElastic': false };
    const advice = recommendRequests(facts, DEFAULT_COST_PRICES);
    // CPU p99 8 × 1.15 = 9.2 cores; memory p99 5 GiB × 1.15 = 5.75, but the OOM kill raises it to
    // max(5 GiB + 100 MiB, 5 × 1.2 = 6 GiB).
    expect(advice.cpu).toMatchObject({ current: 16, recommended: 9.2 });
    expect(advice.memory).toMatchObject({ current: 8, recommended: 6, basis: 'OOM-killed in the window: peak usage + margin' });
    // Hourly medians swing 4× (≥ 1.5): an HPA at p95 8 / 16 = 50 %.
    expect(elasticityHint(facts)).toMatchObject({ recommended: true, targetUtilization: 50 });
  }, 30_000);

  it('derives the selector from Kubernetes annotations, and reports a workload with no samples', async () => {
    const byId = component('cart', { 'backstage.io/kubernetes-id': 'cart', 'backstage.io/kubernetes-namespace': 'shop' });
    const ghost = component('ghost', { 'backstage.io/kubernetes-id': 'ghost', 'backstage.io/kubernetes-namespace': 'shop' });
    const result = await collector().collect([byId, ghost]);
    expect(result.facts.get('component:default/cart')?.['prometheus.cpuP95']).toBeCloseTo(8, 6);
    expect(result.problems?.get('component:default/ghost')?.[0]).toMatch(/no CPU or memory samples for namespace="shop",pod=~"ghost-\.\*"/);
  }, 30_000);

  it('marks a workload stale when its queries fail, without failing the others', async () => {
    const result = await collector('http://127.0.0.1:1').collect([
      component('cart', { 'maturity.cloudnative.dev/prometheus-selector': 'namespace="shop"' }),
    ]);
    expect(result.failures?.get('component:default/cart')).toMatch(/^Prometheus query for namespace="shop" failed/);
  });
});

describe('selectorOf', () => {
  it('rejects a malformed selector naming the annotation', () => {
    expect(() => selectorOf(component('cart', { 'maturity.cloudnative.dev/prometheus-selector': '{namespace=shop}' }))).toThrow(
      'Entity component:default/cart has an invalid annotation maturity.cloudnative.dev/prometheus-selector: "{namespace=shop}"; expected PromQL label matchers without braces, e.g. namespace="shop",pod=~"cart-.*"',
    );
  });
});

describe('PrometheusFactCollector when Prometheus misbehaves', () => {
  /** Runs `test` against a local server answering with `handler`, and closes it afterwards. */
  async function withServer(handler: http.RequestListener, test: (url: string) => Promise<void>) {
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
      res.end('{"status":"error","errorType":"unavailable","error":"too many queries"}');
    },
    slow: () => {
      // Never answers: the request must time out.
    },
  };

  it.each(Object.keys(answers) as Array<keyof typeof answers>)(
    'marks the workload stale with the reason when answers are %s, and finishes',
    async mode =>
      withServer((_req, res) => answers[mode](res), async url => {
        const collector = new PrometheusFactCollector({
          source: new PrometheusLoadSource({ url, timeoutMs: 500, stepSeconds: 60 }),
          lookbackDays: 7,
          concurrency: 2,
        });
        const result = await collector.collect([
          component('cart', { 'maturity.cloudnative.dev/prometheus-selector': 'namespace="shop"' }),
          component('plain', {}),
        ]);
        expect(result.facts.size).toBe(0);
        expect(result.failures?.get('component:default/cart')).toMatch(/^Prometheus query for namespace="shop" failed: \S/);
        // A workload Prometheus is not asked about is not made stale by the outage.
        expect(result.failures?.has('component:default/plain')).toBe(false);
      }),
    10_000,
  );

  it('asks a Prometheus that never answers once a workload in flight, not once a workload, and says why', async () => {
    let requests = 0;
    const neverAnswers = () => {
      requests += 1;
    };
    await withServer(neverAnswers, async url => {
      const collector = new PrometheusFactCollector({
        source: new PrometheusLoadSource({ url, timeoutMs: 300, stepSeconds: 3600 }),
        lookbackDays: 7,
        concurrency: 4,
      });
      const page = (from: number) =>
        Array.from({ length: 40 }, (_, i) =>
          component(`w${from + i}`, { 'maturity.cloudnative.dev/prometheus-selector': `namespace="n${from + i}"` }),
        );
      const run = createFactCollectionRun(new Date());
      const first = await collector.collect(page(0), run);
      // Four workloads in flight when the first timeout trips the breaker, four queries each.
      expect(requests).toBeLessThanOrEqual(4 * 4);
      expect(first.failures?.size).toBe(40);
      // The four asked time out; the 36 after them are not asked.
      const reasons = [...first.failures!.values()];
      expect(first.failures?.get('component:default/w0')).toBe(
        'Prometheus query for namespace="n0" failed: timeout_error: timeout of 300ms exceeded',
      );
      expect(reasons.filter(r => r.startsWith('Prometheus query for'))).toHaveLength(4);
      expect(first.failures?.get('component:default/w39')).toBe(
        'Prometheus is not answering this run, so it was not asked again (first failure: timeout_error: timeout of 300ms exceeded)',
      );
      expect(reasons.some(r => r.includes('[object Object]'))).toBe(false);
      // The run's next page is not asked at all; a new run asks again.
      const asked = requests;
      expect((await collector.collect(page(40), run)).failures?.size).toBe(40);
      expect(requests).toBe(asked);
      const stopping = new AbortController();
      stopping.abort(new Error('The backend shut down during the run'));
      const stopped = await collector.collect(page(80), createFactCollectionRun(new Date(), stopping.signal));
      expect(requests).toBe(asked);
      expect(stopped.failures?.get('component:default/w80')).toBe('Prometheus was not asked: The backend shut down during the run');
    });
  }, 10_000);
});
