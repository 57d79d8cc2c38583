/* eslint-disable no-console */
/**
 * `node -r sucrase/register/ts bench/e2e/kubernetesReplay.ts <n>`: a local HTTP server answering
 * the Kubernetes API's list calls for a cluster of `n` workloads, as the API server would (List
 * objects, `limit` + `continue`), with objects the size real ones are (managed fields, the
 * last-applied annotation, env, probes, status). Objects are made per page from their index, so
 * the server holds none. Prints its URL, then serves until it is killed. A separate process, so
 * its work and memory are not the backend's.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { resourceApi } from '../../plugins/maturity-backend-module-kubernetes/src/__testUtils__/recordedCluster';
import {
  coresOf,
  namespaceOf,
  nameOf,
  replicasOf,
  TEMPLATE_HASH,
} from './fleet';

type Resource = keyof typeof resourceApi;
const n = Number(process.argv[2] ?? 100_000);

const managedFields = (manager: string) => [
  {
    manager,
    operation: 'Update',
    apiVersion: 'apps/v1',
    time: '2026-11-30T08:00:00Z',
    fieldsType: 'FieldsV1',
    fieldsV1: {
      'f:metadata': {
        'f:labels': {
          '.': {},
          'f:app': {},
          'f:backstage.io/kubernetes-id': {},
        },
      },
      'f:spec': {
        'f:replicas': {},
        'f:template': {
          'f:spec': {
            'f:containers': {
              'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:resources': {} },
            },
          },
        },
      },
    },
  },
];

function podTemplate(i: number) {
  const cpu = `${coresOf(i) * 1000}m`;
  return {
    metadata: {
      labels: { app: nameOf(i), 'backstage.io/kubernetes-id': nameOf(i) },
      annotations: { 'prometheus.io/scrape': 'true' },
    },
    spec: {
      containers: [
        {
          name: 'app',
          image: `registry.example.com/${namespaceOf(i)}/${nameOf(i)}:1.${
            i % 40
          }.0`,
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          env: Array.from({ length: 8 }, (_, k) => ({
            name: `SETTING_${k}`,
            value: `value-${k}-${i}`,
          })),
          resources: {
            requests: { cpu, memory: `${coresOf(i) * 4}Gi` },
            limits: {
              cpu: i % 4 ? cpu : undefined,
              memory: `${coresOf(i) * 4}Gi`,
            },
          },
          readinessProbe:
            i % 5
              ? { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10 }
              : undefined,
          livenessProbe:
            i % 5
              ? { httpGet: { path: '/live', port: 8080 }, periodSeconds: 10 }
              : undefined,
          lifecycle:
            i % 3
              ? undefined
              : { preStop: { exec: { command: ['sleep', '10'] } } },
          volumeMounts: [{ name: 'config', mountPath: '/etc/app' }],
        },
        {
          name: 'log-agent',
          image: 'registry.example.com/platform/log-agent:3.2.1',
          resources: { requests: { cpu: '50m', memory: '64Mi' } },
        },
      ],
      volumes: [{ name: 'config', configMap: { name: `${nameOf(i)}-config` } }],
      topologySpreadConstraints:
        i % 2
          ? [
              {
                maxSkew: 1,
                topologyKey: 'topology.kubernetes.io/zone',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: { app: nameOf(i) } },
              },
            ]
          : undefined,
      terminationGracePeriodSeconds: i % 3 ? 30 : 60,
    },
  };
}

function deployment(i: number) {
  const template = podTemplate(i);
  return {
    metadata: {
      name: nameOf(i),
      namespace: namespaceOf(i),
      uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      resourceVersion: String(1_000_000 + i),
      generation: 3,
      creationTimestamp: '2026-06-01T00:00:00Z',
      labels: { app: nameOf(i), 'backstage.io/kubernetes-id': nameOf(i) },
      annotations: {
        'deployment.kubernetes.io/revision': '3',
        'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
          kind: 'Deployment',
          spec: { template },
        }),
      },
      managedFields: managedFields('kubectl-client-side-apply'),
    },
    spec: {
      replicas: replicasOf(i),
      selector: { matchLabels: { app: nameOf(i) } },
      template,
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
    },
    status: {
      observedGeneration: 3,
      replicas: replicasOf(i),
      readyReplicas: replicasOf(i),
      conditions: [
        {
          type: 'Available',
          status: 'True',
          reason: 'MinimumReplicasAvailable',
          message: 'Deployment has minimum availability.',
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${nameOf(
            i,
          )}-${TEMPLATE_HASH}" has successfully progressed.`,
        },
      ],
    },
  };
}

function pod(i: number, replica: number) {
  const template = podTemplate(i);
  return {
    metadata: {
      name: `${nameOf(i)}-${TEMPLATE_HASH}-${replica
        .toString(36)
        .padStart(5, 'x')}`,
      namespace: namespaceOf(i),
      uid: `10000000-0000-4000-8000-${String(i * 3 + replica).padStart(
        12,
        '0',
      )}`,
      labels: {
        ...template.metadata.labels,
        'pod-template-hash': TEMPLATE_HASH,
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: `${nameOf(i)}-${TEMPLATE_HASH}`,
          controller: true,
        },
      ],
      managedFields: managedFields('kube-controller-manager'),
    },
    spec: { ...template.spec, nodeName: `node-${(i * 7 + replica) % 2000}` },
    status: {
      phase: 'Running',
      podIP: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [
        {
          name: 'app',
          ready: true,
          restartCount: i % 7,
          image: template.spec.containers[0].image,
        },
      ],
    },
  };
}

const hpa = (i: number) => ({
  metadata: { name: nameOf(i), namespace: namespaceOf(i) },
  spec: {
    scaleTargetRef: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: nameOf(i),
    },
    minReplicas: replicasOf(i),
    maxReplicas: replicasOf(i) * 4,
    metrics: [
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: 70 },
        },
      },
    ],
  },
});

const pdb = (i: number) => ({
  metadata: { name: nameOf(i), namespace: namespaceOf(i) },
  spec: { minAvailable: 1, selector: { matchLabels: { app: nameOf(i) } } },
});

/** How many objects of each resource the cluster holds, and object `k` of them. */
const lists: Record<Resource, { count: number; item: (k: number) => unknown }> =
  {
    deployments: { count: n, item: deployment },
    statefulsets: { count: 0, item: () => undefined },
    daemonsets: { count: 0, item: () => undefined },
    // Every third workload scales with an HPA; every other has a PDB.
    horizontalpodautoscalers: {
      count: Math.ceil(n / 3),
      item: k => hpa(k * 3),
    },
    poddisruptionbudgets: { count: Math.ceil(n / 2), item: k => pdb(k * 2) },
    // Pods in order of their workload: workload i has replicasOf(i) of them (1, 2, 3, 1, …).
    pods: {
      count: Math.floor(n / 3) * 6 + [0, 1, 3][n % 3],
      item: k =>
        pod(
          Math.floor(k / 6) * 3 + [0, 1, 1, 2, 2, 2][k % 6],
          [0, 0, 1, 0, 1, 2][k % 6],
        ),
    },
  };

const server = http.createServer((req, res) => {
  const url = new URL(req.url!, 'http://localhost');
  const resource = (Object.keys(resourceApi) as Resource[]).find(
    r => resourceApi[r].path === url.pathname,
  );
  if (!resource) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        code: 404,
        reason: 'NotFound',
      }),
    );
    return;
  }
  const { count, item } = lists[resource];
  const limit = Number(url.searchParams.get('limit')) || count;
  const cont = url.searchParams.get('continue');
  const offset = cont ? Number(Buffer.from(cont, 'base64').toString()) : 0;
  const end = Math.min(count, offset + limit);
  const next =
    end < count ? Buffer.from(String(end)).toString('base64') : undefined;
  const items = [];
  for (let k = offset; k < end; k++) items.push(item(k));
  const { kind, apiVersion } = resourceApi[resource];
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      kind,
      apiVersion,
      metadata: {
        resourceVersion: '2000000',
        ...(next ? { continue: next, remainingItemCount: count - end } : {}),
      },
      items,
    }),
  );
});
server.listen(0, '127.0.0.1', () => {
  console.log(
    JSON.stringify({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      pods: lists.pods.count,
    }),
  );
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => process.exit(0));
