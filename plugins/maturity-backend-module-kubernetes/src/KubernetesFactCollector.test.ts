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
import { ResourceFactDefinition } from './facts/resourceFacts';
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

// What the cluster offers every workload on it: cluster-autoscaler runs, no descheduler; Falco is
// ready on both nodes; 3 cart pods × 0.6 cores = 1.8 of 16 cores requested, no node allocates
// more than its capacity; node-a runs the BestEffort report beside cart; shop, search and payments
// run applications; both bound volumes are on cbs (one by default); Kyverno enforces a signature
// rule and a requests rule; one Instrumentation.
const PLATFORM_FACTS = {
  'platform.clusterAutoscaling': true,
  'platform.rescheduling': false,
  'platform.runtimeProtection': true,
  'platform.overcommit': false,
  'platform.colocation': true,
  'platform.sharedCluster': true,
  'platform.storageSeparation': true,
  'platform.admissionPolicies': true,
  'platform.autoInstrumentation': true,
  // No federation agent; no virtual node.
  'platform.crossClusterScheduling': false,
  'platform.serverlessCapacity': false,
};
// cart: 3 replicas × (0.5 + 0.1) cores = 1.8 cores; 3 × (1 + 0.25) GiB = 3.75 GiB; the app's
// limit is twice its request; the sidecar has none.
const CART_FACTS = {
  'kubernetes.workloadKind': 'stateless',
  'kubernetes.replicas': 3,
  'kubernetes.runningPods': 3,
  'kubernetes.cores': 1.8,
  'kubernetes.memoryRequestGiB': 3.75,
  // Each container's requests per replica.
  'kubernetes.container.app.cpuRequest': 0.5,
  'kubernetes.container.app.memoryRequestGiB': 1,
  'kubernetes.container.envoy.cpuRequest': 0.1,
  'kubernetes.container.envoy.memoryRequestGiB': 0.25,
  'kubernetes.cpuRequestsSet': true,
  'kubernetes.cpuLimitToRequest': 2,
  // One replica: the app's 1-core limit + the sidecar's 0.1-core request (it has no limit).
  'kubernetes.cpuPerReplica': 1.1,
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
  // Two of its three running pods are on node-a.
  'kubernetes.nodeType': 'S5.2XLARGE32',
  ...PLATFORM_FACTS,
  // A Rollout, both images scanned, the signature verified, tracing and the mesh injected.
  'practice.gradual-release': true,
  'practice.image-scanning': true,
  'practice.image-signing': true,
  'practice.tracing': true,
  'practice.mesh-or-gateway': true,
};
// ledger: 2 × 4 cores = 8; 2 × 16 GiB = 32 GiB, 4 GiB per core; Guaranteed with whole CPUs.
const LEDGER_FACTS = {
  'kubernetes.workloadKind': 'stateful',
  'kubernetes.replicas': 2,
  'kubernetes.runningPods': 0,
  'kubernetes.cores': 8,
  'kubernetes.memoryRequestGiB': 32,
  'kubernetes.container.ledger.cpuRequest': 4,
  'kubernetes.container.ledger.memoryRequestGiB': 16,
  'kubernetes.cpuRequestsSet': true,
  'kubernetes.cpuLimitToRequest': 1,
  'kubernetes.cpuPerReplica': 4,
  // One GPU a replica.
  'kubernetes.gpus': 2,
  'kubernetes.memoryGiBPerCore': 4,
  'kubernetes.hpaElastic': false,
  'kubernetes.staticCpuBinding': true,
  'kubernetes.exclusiveNodes': true,
  'kubernetes.probes': false,
  'kubernetes.zoneSpread': false,
  'kubernetes.gracefulShutdown': true,
  'kubernetes.pdb': false,
  // Its two bound claims of template data, one on cbs and one on the default class (cbs):
  // 100 and 120 GiB. The pending third holds nothing yet.
  'kubernetes.storageGiB': 220,
  'kubernetes.storageClass': 'cbs',
  'kubernetes.cluster': 'prod-1',
  'kubernetes.namespace': 'payments',
  ...PLATFORM_FACTS,
  // Neither scanned nor signed; a StatefulSet's release and a missing injection say nothing.
  'practice.image-scanning': false,
  'practice.image-signing': false,
};

async function collectLive(
  options: {
    faults?: Partial<Record<keyof typeof recordedItems, Fault>>;
    token?: string;
    timeoutSeconds?: number;
    facts?: Record<string, { path: string; exists?: boolean }>;
    resourceFacts?: Record<string, ResourceFactDefinition>;
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
      facts: options.facts,
      resourceFacts: options.resourceFacts,
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
    // After every page, as the run asks: the machines of the clusters listed for the pages.
    const nodes = await collector.clusterNodes(run);
    const result = {
      facts: merged(r => r.facts),
      origin: merged(r => r.origin),
      origins: merged(r => r.origins),
      failures: merged(r => r.failures),
      problems: merged(r => r.problems),
    };
    return { result, nodes, requests: server.requests };
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
    // Three deployments at one per page, each later request carrying the continue token; the
    // second page of workloads listed nothing again.
    expect(
      requests.filter(r => r.startsWith('/apis/apps/v1/deployments')),
    ).toEqual([
      '/apis/apps/v1/deployments?limit=1&timeoutSeconds=30',
      ...['1', '2'].map(
        at =>
          `/apis/apps/v1/deployments?continue=${encodeURIComponent(
            Buffer.from(at).toString('base64'),
          )}&limit=1&timeoutSeconds=30`,
      ),
    ]);
    // No list was asked for again for the nodes.
    expect(requests.filter(r => r.startsWith('/api/v1/nodes'))).toHaveLength(2);
    // An add-on the cluster does not run (Flagger, Gatekeeper) is asked for once and answers 404.
    expect(
      requests.filter(r => r.startsWith('/apis/flagger.app/v1beta1/canaries')),
    ).toHaveLength(1);
  });

  it("gives each cluster's machines with what their running pods request", async () => {
    const { nodes } = await collectLive();
    // node-a runs two cart pods, (0.5 + 0.1) cores and (1 + 0.25) GiB each, and the report,
    // which requests nothing; node-b one cart pod; the pending pod is on no node.
    expect(nodes).toEqual([
      {
        cluster: 'prod-1',
        nodes: [
          {
            name: 'node-a',
            nodeType: 'S5.2XLARGE32',
            zone: 'zone-node-a',
            addresses: ['10.0.0.1'],
            capacity: { cpuCores: 8, memoryGiB: 32, gpus: 0 },
            allocatable: { cpuCores: 7.5, memoryGiB: 30, gpus: 0 },
            requested: { cpuCores: 1.2, memoryGiB: 2.5, gpus: 0 },
          },
          {
            name: 'node-b',
            nodeType: 'SA3.2XLARGE32',
            zone: 'zone-node-b',
            addresses: ['10.0.0.2'],
            capacity: { cpuCores: 8, memoryGiB: 32, gpus: 0 },
            allocatable: { cpuCores: 7.5, memoryGiB: 30, gpus: 0 },
            requested: { cpuCores: 0.6, memoryGiB: 1.25, gpus: 0 },
          },
        ],
      },
    ]);
  });

  it("reads the operator's JSONPath facts from each controller before it is slimmed", async () => {
    const { result } = await collectLive({
      facts: {
        spreadKey: {
          path: '$.spec.template.spec.topologySpreadConstraints[0].topologyKey',
        },
        dedicated: {
          path: "$.spec.template.spec.nodeSelector['node.example.com/dedicated']",
          exists: true,
        },
        containers: { path: '$.spec.template.spec.containers' },
      },
    });
    const facts = (name: string) =>
      result.facts.get(`component:default/${name}`)!;
    // cart spreads over zones and runs two containers on shared nodes.
    expect(facts('cart')).toMatchObject({
      'kubernetes.spreadKey': 'topology.kubernetes.io/zone',
      'kubernetes.dedicated': false,
      'kubernetes.containers': 2,
    });
    // ledger does not spread (unknown) and is pinned to dedicated nodes.
    expect(facts('ledger')['kubernetes.spreadKey']).toBeUndefined();
    expect(facts('ledger')).toMatchObject({
      'kubernetes.dedicated': true,
      'kubernetes.containers': 1,
    });
  });

  it("reads the operator's facts from objects of a named kind that name the workload", async () => {
    const { result, requests } = await collectLive({
      resourceFacts: {
        // By the controller it targets.
        kedaMaxReplicas: {
          resource: {
            apiVersion: 'keda.sh/v1alpha1',
            plural: 'scaledobjects',
            target: '$.spec.scaleTargetRef.name',
          },
          path: '$.spec.maxReplicaCount',
        },
        // By a selector of the controller's pods.
        networkPolicy: {
          resource: {
            apiVersion: 'networking.k8s.io/v1',
            plural: 'networkpolicies',
            selector: '$.spec.podSelector',
          },
          exists: true,
        },
        // Every workload in its namespace; a kind of the core group.
        namespaceCpuLimit: {
          resource: { apiVersion: 'v1', plural: 'resourcequotas' },
          path: "$.spec.hard['limits.cpu']",
        },
        // A kind the cluster does not serve.
        serviceMonitor: {
          resource: {
            apiVersion: 'monitoring.coreos.com/v1',
            plural: 'servicemonitors',
            selector: '$.spec.selector',
          },
          exists: true,
        },
      },
    });
    const facts = (name: string) =>
      result.facts.get(`component:default/${name}`)!;
    expect(facts('cart')).toMatchObject({
      'kubernetes.kedaMaxReplicas': 12,
      'kubernetes.networkPolicy': false,
      'kubernetes.namespaceCpuLimit': '64',
      'kubernetes.serviceMonitor': false,
    });
    expect(facts('ledger')).toMatchObject({
      'kubernetes.networkPolicy': true,
      'kubernetes.serviceMonitor': false,
    });
    // No ScaledObject names ledger and payments has no quota: unknown.
    expect(facts('ledger')['kubernetes.kedaMaxReplicas']).toBeUndefined();
    expect(facts('ledger')['kubernetes.namespaceCpuLimit']).toBeUndefined();
    expect(
      result.origins.get('component:default/cart')![
        'kubernetes.kedaMaxReplicas'
      ],
    ).toEqual({
      source: 'kubernetes',
      from: 'cluster prod-1: ScaledObject shop/cart',
    });
    expect(
      result.origins.get('component:default/ledger')![
        'kubernetes.networkPolicy'
      ].from,
    ).toBe('cluster prod-1: NetworkPolicy payments/ledger-ingress');
    // Each kind is listed once a run, at its own path.
    expect(
      requests.filter(r => r.startsWith('/api/v1/resourcequotas?')),
    ).toHaveLength(1);
    expect(
      requests.filter(r =>
        r.startsWith('/apis/monitoring.coreos.com/v1/servicemonitors?'),
      ),
    ).toHaveLength(1);
  });

  it('names where each fact came from: the workload, its cluster and what shows a practice', async () => {
    const { result } = await collectLive();
    expect(result.origin.get('component:default/cart')).toEqual({
      source: 'kubernetes',
      from: 'cluster prod-1: Deployment shop/cart',
    });
    const cartOrigins = result.origins.get('component:default/cart')!;
    const from = (id: string) => cartOrigins[id]?.from;
    expect(
      Object.values(cartOrigins).every(o => o.source === 'kubernetes'),
    ).toBe(true);
    expect(from('platform.clusterAutoscaling')).toBe(
      'cluster prod-1: cluster-autoscaler (Deployment kube-system/cluster-autoscaler)',
    );
    expect(from('platform.rescheduling')).toBe(
      "cluster prod-1: no descheduler or Crane's scheduler running",
    );
    expect(from('platform.runtimeProtection')).toBe(
      'cluster prod-1: DaemonSet falco/falco ready on 2 of 2 nodes',
    );
    // (3 × 0.6 =) 1.8 of (2 × 8 =) 16 cores: 11.25 %, shown whole.
    expect(from('platform.overcommit')).toBe(
      'cluster prod-1: 2 nodes: CPU requested 1.8 of 16 cores of capacity (11 %), allocatable 15; 0 nodes allocate more than their capacity',
    );
    expect(from('platform.colocation')).toBe(
      'cluster prod-1: 1 of 2 nodes run offline pods (BestEffort or negative priority) beside online ones',
    );
    expect(from('platform.sharedCluster')).toBe(
      'cluster prod-1: workloads of 3 application namespaces',
    );
    expect(from('platform.storageSeparation')).toBe(
      'cluster prod-1: 2 of 2 bound volumes on network storage classes',
    );
    expect(from('platform.admissionPolicies')).toBe(
      'cluster prod-1: enforced image rules: ClusterPolicy require-signed-images; enforced resource rules: ClusterPolicy require-requests',
    );
    expect(from('platform.autoInstrumentation')).toBe(
      'cluster prod-1: 1 OpenTelemetry Instrumentation',
    );
    expect(from('practice.gradual-release')).toBe(
      'cluster prod-1: Rollout shop/cart',
    );
    expect(from('practice.image-scanning')).toBe(
      'cluster prod-1: VulnerabilityReports for registry.example.com/shop/cart:1.4.2, envoyproxy/envoy:v1.31.0',
    );
    expect(from('practice.image-signing')).toBe(
      'cluster prod-1: image signatures verified by require-signed-images',
    );
    expect(from('practice.mesh-or-gateway')).toBe(
      'cluster prod-1: mesh sidecar on the pod template of Deployment shop/cart (sidecar.istio.io/inject: true)',
    );
    // Facts of the workload itself carry the workload's origin.
    expect(cartOrigins['kubernetes.cores']).toBeUndefined();
    const ledgerOrigins = result.origins.get('component:default/ledger')!;
    expect(ledgerOrigins['practice.image-scanning'].from).toBe(
      'cluster prod-1: no VulnerabilityReport for registry.example.com/payments/ledger:7.0.1',
    );
    expect(ledgerOrigins['practice.image-signing'].from).toBe(
      'cluster prod-1: no verifyImages result for StatefulSet payments/ledger',
    );
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
