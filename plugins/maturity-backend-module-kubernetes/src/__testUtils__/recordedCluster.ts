/**
 * A small recorded cluster in the Kubernetes API's JSON shapes: `cart` (a Deployment with an
 * HPA, a PDB, probes and zone spread, released through an Argo Rollout, its images scanned and
 * signed, tracing and the Istio sidecar injected), `ledger` (a StatefulSet pinned to dedicated nodes, on network
 * volumes) and an unrelated Deployment; two nodes, cluster-autoscaler, Falco on both nodes, a
 * BestEffort batch pod beside cart, Kyverno policies and an OpenTelemetry Instrumentation. The
 * expected facts are worked out by hand in the tests.
 */
const meta = (
  name: string,
  namespace: string,
  labels: Record<string, string>,
  uid: string,
) => ({
  name,
  namespace,
  labels,
  uid,
  resourceVersion: '81234',
  creationTimestamp: '2026-09-01T08:00:00Z',
});

const probe = { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 };

export const cartDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta(
    'cart',
    'shop',
    { app: 'cart', 'backstage.io/kubernetes-id': 'cart' },
    'd-1',
  ),
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'cart' } },
    template: {
      metadata: {
        labels: {
          app: 'cart',
          'backstage.io/kubernetes-id': 'cart',
          'sidecar.istio.io/inject': 'true',
        },
        annotations: { 'instrumentation.opentelemetry.io/inject-java': 'true' },
      },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'registry.example.com/shop/cart:1.4.2',
            resources: {
              requests: { cpu: '500m', memory: '1Gi' },
              limits: { cpu: '1', memory: '1Gi' },
            },
            readinessProbe: probe,
            livenessProbe: probe,
          },
          {
            name: 'envoy',
            image: 'envoyproxy/envoy:v1.31.0',
            resources: { requests: { cpu: '100m', memory: '256Mi' } },
            readinessProbe: probe,
            livenessProbe: probe,
          },
        ],
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'topology.kubernetes.io/zone',
            whenUnsatisfiable: 'ScheduleAnyway',
            labelSelector: { matchLabels: { app: 'cart' } },
          },
        ],
      },
    },
  },
  status: { replicas: 3, readyReplicas: 3, availableReplicas: 3 },
};

export const otherDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta('search', 'search', { app: 'search' }, 'd-2'),
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'search' } },
    template: {
      metadata: { labels: { app: 'search' } },
      spec: { containers: [{ name: 'search', image: 'search:1' }] },
    },
  },
};

export const ledgerStatefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: meta('ledger', 'payments', { app: 'ledger' }, 's-1'),
  spec: {
    replicas: 2,
    serviceName: 'ledger',
    selector: { matchLabels: { app: 'ledger' } },
    volumeClaimTemplates: [{ metadata: { name: 'data' } }],
    template: {
      metadata: { labels: { app: 'ledger' } },
      spec: {
        nodeSelector: { 'node.example.com/dedicated': 'ledger' },
        containers: [
          {
            name: 'ledger',
            image: 'registry.example.com/payments/ledger:7.0.1',
            resources: {
              requests: { cpu: '4', memory: '16Gi' },
              limits: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' },
            },
            lifecycle: { preStop: { exec: { command: ['/bin/drain'] } } },
          },
        ],
      },
    },
  },
};

export const cartHpa = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: meta('cart', 'shop', {}, 'h-1'),
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart' },
    minReplicas: 3,
    maxReplicas: 10,
    metrics: [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: 60 },
        },
      },
    ],
  },
};

export const cartPdb = {
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: meta('cart', 'shop', {}, 'p-1'),
  spec: { minAvailable: 2, selector: { matchLabels: { app: 'cart' } } },
};

/** A cart pod on `node`: 0.5 + 0.1 cores requested. */
const pod = (name: string, phase: string, node: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta(
    name,
    'shop',
    { app: 'cart', 'backstage.io/kubernetes-id': 'cart' },
    `pod-${name}`,
  ),
  spec: {
    nodeName: node,
    priority: 0,
    containers: [
      {
        name: 'app',
        image: 'registry.example.com/shop/cart:1.4.2',
        resources: { requests: { cpu: '500m', memory: '1Gi' } },
      },
      {
        name: 'envoy',
        image: 'envoyproxy/envoy:v1.31.0',
        resources: { requests: { cpu: '100m', memory: '256Mi' } },
      },
    ],
  },
  status: { phase, qosClass: 'Burstable' },
});

/** A nightly report: BestEffort, so offline work, on the node beside cart. */
const reportPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('report-29102', 'reports', { job: 'report' }, 'pod-r'),
  spec: {
    nodeName: 'node-a',
    priority: -10,
    containers: [{ name: 'report', image: 'registry.example.com/report:3' }],
  },
  status: { phase: 'Running', qosClass: 'BestEffort' },
};

const node = (name: string, instanceType: string, ip: string) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name,
    labels: {
      'topology.kubernetes.io/zone': `zone-${name}`,
      'node.kubernetes.io/instance-type': instanceType,
    },
    uid: `n-${name}`,
  },
  status: {
    capacity: { cpu: '8', memory: '32Gi' },
    allocatable: { cpu: '7500m', memory: '30Gi' },
    addresses: [
      { type: 'InternalIP', address: ip },
      { type: 'ExternalIP', address: '203.0.113.9' },
    ],
  },
});

export const clusterAutoscaler = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta(
    'cluster-autoscaler',
    'kube-system',
    { app: 'cluster-autoscaler' },
    'd-ca',
  ),
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'cluster-autoscaler' } },
    template: {
      metadata: { labels: { app: 'cluster-autoscaler' } },
      spec: {
        containers: [
          {
            name: 'cluster-autoscaler',
            image: 'registry.k8s.io/autoscaling/cluster-autoscaler:v1.31.0',
          },
        ],
      },
    },
  },
  status: { replicas: 1, readyReplicas: 1 },
};

export const falco = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: meta('falco', 'falco', { app: 'falco' }, 'ds-falco'),
  spec: {
    selector: { matchLabels: { app: 'falco' } },
    template: {
      metadata: { labels: { app: 'falco' } },
      spec: {
        containers: [
          { name: 'falco', image: 'docker.io/falcosecurity/falco:0.39.1' },
        ],
      },
    },
  },
  status: { desiredNumberScheduled: 2, numberReady: 2 },
};

/** A claim of 100 GiB; a bound one holds `capacity` (the volume may be larger than asked). */
const claim = (
  name: string,
  storageClassName: string | undefined,
  phase: string,
  capacity = '100Gi',
) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: meta(name, 'payments', { app: 'ledger' }, `pvc-${name}`),
  spec: {
    ...(storageClassName ? { storageClassName } : {}),
    resources: { requests: { storage: '100Gi' } },
  },
  status: {
    phase,
    ...(phase === 'Bound' ? { capacity: { storage: capacity } } : {}),
  },
});

const storageClass = (
  name: string,
  provisioner: string,
  isDefault = false,
) => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: {
    name,
    ...(isDefault
      ? {
          annotations: {
            'storageclass.kubernetes.io/is-default-class': 'true',
          },
        }
      : {}),
  },
  provisioner,
});

export const kyvernoPolicies = [
  {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'require-signed-images' },
    spec: {
      validationFailureAction: 'Enforce',
      rules: [
        {
          name: 'verify-signature',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          verifyImages: [
            {
              imageReferences: ['registry.example.com/*'],
              attestors: [{ entries: [{ keys: { publicKeys: 'KEY' } }] }],
            },
          ],
        },
      ],
    },
  },
  {
    apiVersion: 'kyverno.io/v1',
    kind: 'ClusterPolicy',
    metadata: { name: 'require-requests' },
    spec: {
      validationFailureAction: 'Enforce',
      rules: [
        {
          name: 'cpu-and-memory-requests',
          match: { any: [{ resources: { kinds: ['Pod'] } }] },
          validate: {
            pattern: {
              spec: {
                containers: [
                  { resources: { requests: { cpu: '?*', memory: '?*' } } },
                ],
              },
            },
          },
        },
      ],
    },
  },
];

/** Kyverno's report for cart: its image signature verified. */
export const cartPolicyReport = {
  apiVersion: 'wgpolicyk8s.io/v1alpha2',
  kind: 'PolicyReport',
  metadata: meta('cart-report', 'shop', {}, 'pr-1'),
  scope: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: 'cart',
    namespace: 'shop',
  },
  results: [
    {
      policy: 'require-signed-images',
      rule: 'verify-signature',
      result: 'pass',
    },
    {
      policy: 'require-requests',
      rule: 'autogen-cpu-and-memory-requests',
      result: 'pass',
    },
  ],
};

/** Trivy Operator's reports, one per image it scanned. */
const vulnerabilityReport = (
  name: string,
  server: string,
  repository: string,
  tag: string,
) => ({
  apiVersion: 'aquasecurity.github.io/v1alpha1',
  kind: 'VulnerabilityReport',
  metadata: meta(name, 'shop', {}, `vr-${name}`),
  report: {
    registry: { server },
    artifact: { repository, tag },
    summary: { criticalCount: 0, highCount: 1 },
  },
});

export const cartRollout = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: meta('cart', 'shop', {}, 'ro-1'),
  spec: {
    workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'cart' },
    strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
  },
};

/**
 * Kinds only operators' own facts read: a KEDA ScaledObject naming cart, a NetworkPolicy selecting
 * ledger's pods and a ResourceQuota on the shop namespace.
 */
export const cartScaledObject = {
  apiVersion: 'keda.sh/v1alpha1',
  kind: 'ScaledObject',
  metadata: meta('cart', 'shop', {}, 'so-1'),
  spec: {
    scaleTargetRef: { name: 'cart' },
    minReplicaCount: 3,
    maxReplicaCount: 12,
    triggers: [{ type: 'kafka', metadata: { lagThreshold: '50' } }],
  },
};
export const ledgerNetworkPolicy = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: meta('ledger-ingress', 'payments', {}, 'np-1'),
  spec: {
    podSelector: { matchLabels: { app: 'ledger' } },
    policyTypes: ['Ingress'],
  },
};
export const shopQuota = {
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: meta('compute', 'shop', {}, 'rq-1'),
  spec: { hard: { 'limits.cpu': '64', 'requests.cpu': '32' } },
};

/** Items per resource, in the order the API would list them. */
export const recordedItems = {
  deployments: [cartDeployment, otherDeployment, clusterAutoscaler],
  statefulsets: [ledgerStatefulSet],
  daemonsets: [falco],
  horizontalpodautoscalers: [cartHpa],
  poddisruptionbudgets: [cartPdb],
  pods: [
    pod('cart-7d9f-a', 'Running', 'node-a'),
    pod('cart-7d9f-b', 'Running', 'node-a'),
    pod('cart-7d9f-c', 'Running', 'node-b'),
    pod('cart-7d9f-d', 'Pending', ''),
    reportPod,
  ],
  nodes: [
    node('node-a', 'S5.2XLARGE32', '10.0.0.1'),
    node('node-b', 'SA3.2XLARGE32', '10.0.0.2'),
  ],
  persistentvolumeclaims: [
    claim('data-ledger-0', 'cbs', 'Bound'),
    claim('data-ledger-1', undefined, 'Bound', '120Gi'),
    claim('data-ledger-2', 'local', 'Pending'),
  ],
  storageclasses: [
    storageClass('cbs', 'com.tencent.cloud.csi.cbs', true),
    storageClass('local', 'kubernetes.io/no-provisioner'),
  ],
  cronjobs: [],
  clusterpolicies: kyvernoPolicies,
  policyreports: [cartPolicyReport],
  vulnerabilityreports: [
    vulnerabilityReport(
      'cart-app',
      'registry.example.com',
      'shop/cart',
      '1.4.2',
    ),
    vulnerabilityReport(
      'cart-envoy',
      'index.docker.io',
      'envoyproxy/envoy',
      'v1.31.0',
    ),
  ],
  rollouts: [cartRollout],
  scaledobjects: [cartScaledObject],
  networkpolicies: [ledgerNetworkPolicy],
  resourcequotas: [shopQuota],
  instrumentations: [
    {
      apiVersion: 'opentelemetry.io/v1alpha1',
      kind: 'Instrumentation',
      metadata: meta('default', 'shop', {}, 'otel-1'),
      spec: { exporter: { endpoint: 'http://otel-collector:4317' } },
    },
  ],
};

/** The List kind and API path of each resource. */
export const resourceApi = {
  deployments: {
    path: '/apis/apps/v1/deployments',
    kind: 'DeploymentList',
    apiVersion: 'apps/v1',
  },
  statefulsets: {
    path: '/apis/apps/v1/statefulsets',
    kind: 'StatefulSetList',
    apiVersion: 'apps/v1',
  },
  daemonsets: {
    path: '/apis/apps/v1/daemonsets',
    kind: 'DaemonSetList',
    apiVersion: 'apps/v1',
  },
  horizontalpodautoscalers: {
    path: '/apis/autoscaling/v2/horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscalerList',
    apiVersion: 'autoscaling/v2',
  },
  poddisruptionbudgets: {
    path: '/apis/policy/v1/poddisruptionbudgets',
    kind: 'PodDisruptionBudgetList',
    apiVersion: 'policy/v1',
  },
  pods: { path: '/api/v1/pods', kind: 'PodList', apiVersion: 'v1' },
  nodes: { path: '/api/v1/nodes', kind: 'NodeList', apiVersion: 'v1' },
  persistentvolumeclaims: {
    path: '/api/v1/persistentvolumeclaims',
    kind: 'PersistentVolumeClaimList',
    apiVersion: 'v1',
  },
  storageclasses: {
    path: '/apis/storage.k8s.io/v1/storageclasses',
    kind: 'StorageClassList',
    apiVersion: 'storage.k8s.io/v1',
  },
  cronjobs: {
    path: '/apis/batch/v1/cronjobs',
    kind: 'CronJobList',
    apiVersion: 'batch/v1',
  },
  clusterpolicies: {
    path: '/apis/kyverno.io/v1/clusterpolicies',
    kind: 'ClusterPolicyList',
    apiVersion: 'kyverno.io/v1',
  },
  policyreports: {
    path: '/apis/wgpolicyk8s.io/v1alpha2/policyreports',
    kind: 'PolicyReportList',
    apiVersion: 'wgpolicyk8s.io/v1alpha2',
  },
  vulnerabilityreports: {
    path: '/apis/aquasecurity.github.io/v1alpha1/vulnerabilityreports',
    kind: 'VulnerabilityReportList',
    apiVersion: 'aquasecurity.github.io/v1alpha1',
  },
  rollouts: {
    path: '/apis/argoproj.io/v1alpha1/rollouts',
    kind: 'RolloutList',
    apiVersion: 'argoproj.io/v1alpha1',
  },
  instrumentations: {
    path: '/apis/opentelemetry.io/v1alpha1/instrumentations',
    kind: 'InstrumentationList',
    apiVersion: 'opentelemetry.io/v1alpha1',
  },
  scaledobjects: {
    path: '/apis/keda.sh/v1alpha1/scaledobjects',
    kind: 'ScaledObjectList',
    apiVersion: 'keda.sh/v1alpha1',
  },
  networkpolicies: {
    path: '/apis/networking.k8s.io/v1/networkpolicies',
    kind: 'NetworkPolicyList',
    apiVersion: 'networking.k8s.io/v1',
  },
  resourcequotas: {
    path: '/api/v1/resourcequotas',
    kind: 'ResourceQuotaList',
    apiVersion: 'v1',
  },
} as const;
