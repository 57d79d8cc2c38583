/**
 * A small recorded cluster in the Kubernetes API's JSON shapes: `cart` (a Deployment with an
 * HPA, a PDB, probes and zone spread), `ledger` (a StatefulSet pinned to dedicated nodes) and an
 * unrelated Deployment. The expected facts are worked out by hand in the tests.
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
        labels: { app: 'cart', 'backstage.io/kubernetes-id': 'cart' },
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
              limits: { cpu: '4', memory: '16Gi' },
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

const pod = (name: string, phase: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta(
    name,
    'shop',
    { app: 'cart', 'backstage.io/kubernetes-id': 'cart' },
    `pod-${name}`,
  ),
  spec: {
    containers: [
      { name: 'app', image: 'registry.example.com/shop/cart:1.4.2' },
    ],
  },
  status: { phase },
});

/** Items per resource, in the order the API would list them. */
export const recordedItems = {
  deployments: [cartDeployment, otherDeployment],
  statefulsets: [ledgerStatefulSet],
  daemonsets: [],
  horizontalpodautoscalers: [cartHpa],
  poddisruptionbudgets: [cartPdb],
  pods: [
    pod('cart-7d9f-a', 'Running'),
    pod('cart-7d9f-b', 'Running'),
    pod('cart-7d9f-c', 'Running'),
    pod('cart-7d9f-d', 'Pending'),
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
} as const;
