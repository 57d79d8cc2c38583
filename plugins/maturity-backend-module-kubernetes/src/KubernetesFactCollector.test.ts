import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  createFactCollectionRun,
  FactCollectionResult,
} from '@internal/plugin-maturity-node';
import { KubernetesFactCollector } from './KubernetesFactCollector';
import { LiveClusterSource } from './sources/LiveClusterSource';
import { RecordedClusterSource } from './sources/RecordedClusterSource';
import { recordedItems, resourceApi } from './__testUtils__/recordedCluster';
import { Fault, startReplayServer } from './__testUtils__/replayServer';

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: {},
});
const cart = component('cart', { 'backstage.io/kubernetes-id': 'cart' });
const ledger = component('ledger', {
  'backstage.io/kubernetes-label-selector': 'app=ledger',
  'backstage.io/kubernetes-namespace': 'payments',
});
const ghost = component('ghost', { 'backstage.io/kubernetes-id': 'ghost' });
const plain = component('plain', {});

// cart: 3 replicas × (0.5 + 0.1) cores = 1.8 cores; 3 × (1 + 0.25) GiB = 3.75 GiB; the app's
// limit is twice its request; the sidecar has none.
const CART_FACTS = {
  'kubernetes.workloadKind': 'stateless',
  'kubernetes.replicas': 3,
  'kubernetes.runningPods': 3,
  'kubernetes.cores': 1.8,
  'kubernetes.memoryRequestGiB': 3.75,
  'kubernetes.cpuRequestsSet': true,
  'kubernetes.cpuLimitToRequest': 2,
  'kubernetes.memoryGiBPerCore': 3.75 / 1.8,
  'kubernetes.hpaElastic': true,
  'kubernetes.hpaMinReplicas': 3,
  'kubernetes.hpaMaxReplicas': 10,
  'kubernetes.hpaMetrics': 'cpu',
  'kubernetes.staticCpuBinding': false,
  'kubernetes.exclusiveNodes': false,
  'kubernetes.probes': true,
  'kubernetes.zoneSpread': true,
  'kubernetes.gracefulShutdown': false,
  'kubernetes.pdb': true,
  'kubernetes.cluster': 'prod-1',
  'kubernetes.namespace': 'shop',
};
// ledger: 2 × 4 cores = 8; 2 × 16 GiB = 32 GiB, 4 GiB per core; Guaranteed with whole CPUs.
const LEDGER_FACTS = {
  'kubernetes.workloadKind': 'stateful',
  'kubernetes.replicas': 2,
  'kubernetes.runningPods': 0,
  'kubernetes.cores': 8,
  'kubernetes.memoryRequestGiB': 32,
  'kubernetes.cpuRequestsSet': true,
  'kubernetes.cpuLimitToRequest': 1,
  'kubernetes.memoryGiBPerCore': 4,
  'kubernetes.hpaElastic': false,
  'kubernetes.staticCpuBinding': true,
  'kubernetes.exclusiveNodes': true,
  'kubernetes.probes': false,
  'kubernetes.zoneSpread': false,
  'kubernetes.gracefulShutdown': true,
  'kubernetes.pdb': false,
  'kubernetes.cluster': 'prod-1',
  'kubernetes.namespace': 'payments',
};

async function collectLive(
  options: {
    faults?: Partial<Record<keyof typeof recordedItems, Fault>>;
    token?: string;
    timeoutSeconds?: number;
  } = {},
) {
  const server = await startReplayServer({
    token: 'sa-token',
    faults: options.faults,
  });
  try {
    const source = new LiveClusterSource(
      // client-node refuses plain HTTP unless TLS verification is off; the replay server has no TLS.
      {
        name: 'prod-1',
        url: server.url,
        serviceAccountToken: options.token ?? 'sa-token',
        skipTLSVerify: true,
      },
      { pageSize: 1, timeoutSeconds: options.timeoutSeconds ?? 30 },
    );
    const collector = new KubernetesFactCollector({
      sources: async () => [source],
      logger: mockServices.logger.mock(),
    });
    // Two pages of one run, as the scoring run calls it: the cluster is listed for the first only.
    const run = createFactCollectionRun(new Date());
    const pages = [
      await collector.collect([cart, ghost], run),
      await collector.collect([ledger, plain], run),
    ];
    const merged = <T>(
      pick: (r: FactCollectionResult) => Map<string, T> | undefined,
    ) => new Map(pages.flatMap(page => [...(pick(page) ?? [])]));
    const result = {
      facts: merged(r => r.facts),
      failures: merged(r => r.failures),
      problems: merged(r => r.problems),
    };
    return { result, requests: server.requests };
  } finally {
    await server.close();
  }
}

describe('KubernetesFactCollector', () => {
  it('derives facts from a live cluster, listed page by page once per run', async () => {
    const { result, requests } = await collectLive();
    expect(result.facts.get('component:default/cart')).toEqual(CART_FACTS);
    expect(result.facts.get('component:default/ledger')).toEqual(LEDGER_FACTS);
    expect(result.facts.has('component:default/plain')).toBe(false);
    expect(result.problems?.get('component:default/ghost')?.[0]).toMatch(
      /^No Deployment, StatefulSet or DaemonSet labelled backstage\.io\/kubernetes-id=ghost was found in clusters prod-1/,
    );
    // Two deployments at one per page, the second request carrying the continue token; the
    // second page of workloads listed nothing again.
    expect(
      requests.filter(r => r.startsWith('/apis/apps/v1/deployments')),
    ).toEqual([
      '/apis/apps/v1/deployments?limit=1&timeoutSeconds=30',
      `/apis/apps/v1/deployments?continue=${encodeURIComponent(
        Buffer.from('1').toString('base64'),
      )}&limit=1&timeoutSeconds=30`,
    ]);
  });

  it('restarts a list whose continue token expired (410 Gone)', async () => {
    const { result, requests } = await collectLive({
      faults: { pods: { expireFirstContinue: true } },
    });
    expect(result.facts.get('component:default/cart')).toEqual(CART_FACTS);
    expect(
      requests.filter(r => r.startsWith('/api/v1/pods?limit')),
    ).toHaveLength(2);
  });

  it.each([
    [
      { pods: { status: 403 } },
      undefined,
      /Kubernetes cluster prod-1: listing pods failed \(403\): the service account may not list pods/,
    ],
    [
      { horizontalpodautoscalers: { status: 404 } },
      undefined,
      /listing horizontalpodautoscalers failed \(404\)/,
    ],
    [
      {},
      'wrong-token',
      /failed \(401\): the service-account token was rejected/,
    ],
  ] as const)(
    'marks workloads stale, naming cluster and resource, when the API answers %j',
    async (faults, token, message) => {
      const { result } = await collectLive({ faults: faults as any, token });
      expect(result.facts.size).toBe(0);
      expect(result.failures?.get('component:default/cart')).toMatch(message);
      expect(result.failures?.has('component:default/plain')).toBe(false);
    },
  );

  it('gives up on a cluster that does not answer', async () => {
    const { result } = await collectLive({
      faults: { daemonsets: { hang: true } },
      timeoutSeconds: 1,
    });
    expect(result.failures?.get('component:default/ledger')).toMatch(
      /listing daemonsets failed: the request timed out after 6 s/,
    );
  }, 15_000);

  it('derives the same facts from recorded responses', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'maturity-k8s-'));
    await fs.mkdir(path.join(dir, 'prod-1'));
    for (const [resource, items] of Object.entries(recordedItems)) {
      const { kind, apiVersion } =
        resourceApi[resource as keyof typeof resourceApi];
      await fs.writeFile(
        path.join(dir, 'prod-1', `${resource}.json`),
        JSON.stringify({
          kind,
          apiVersion,
          metadata: { resourceVersion: '1' },
          items,
        }),
      );
    }
    const collector = new KubernetesFactCollector({
      sources: () => RecordedClusterSource.discover(dir),
      logger: mockServices.logger.mock(),
    });
    const result = await collector.collect(
      [cart, ledger],
      createFactCollectionRun(new Date()),
    );
    expect(result.facts.get('component:default/cart')).toEqual(CART_FACTS);
    expect(result.facts.get('component:default/ledger')).toEqual(LEDGER_FACTS);
    await fs.rm(dir, { recursive: true });
  });
});
