#!/usr/bin/env node
/*
 * Writes the demo's recorded data source files from catalog-info/components.yaml:
 *   demo-data/kubernetes/<cluster>/<resource>.json  Kubernetes List objects, as the API returns them
 *   demo-data/prometheus/owned.json                 each workload's load statistics over a week, as
 *                                                   the Prometheus module's queries answer them
 *   demo-data/prometheus/rules.json                 the alerting rules, as /api/v1/rules answers
 *   demo-data/prometheus/traced-services.json       the services with span metrics
 *   demo-data/prometheus/mesh-workloads.json        the workloads whose calls Istio measures
 *   demo-data/prometheus/node-utilisation.json      the nodes' utilisation maxima (node exporter)
 *   demo-data/rates.csv                             negotiated rates by cluster and node type
 * The modules read them in recorded mode (app-config.yaml) through the same code as live data.
 * Each team's declared practices set how well its workloads are configured and used, so the
 * demo's scores and waste differ between teams the way they would in a real company.
 * Two clusters with different platforms: prod-shared (Search & AI, Media) runs the full set of
 * add-ons; prod-classic (Commerce, Corporate IT) runs fewer, so their platform scores differ.
 * Run again after editing the demo catalog: node scripts/generate-demo-data.js
 */
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'demo-data');
const components = YAML.parseAllDocuments(
  fs.readFileSync(path.join(root, 'catalog-info/components.yaml'), 'utf8'),
)
  .map(d => d.toJSON())
  .filter(c => c.metadata.annotations?.['backstage.io/kubernetes-id']);

// Diligence counts the practices every team was asked about when the demo began; the later ones
// (contextual logs, load tests, DevOps roles) are declared by a few teams on top.
const DILIGENCE_PRACTICES = new Set([
  'ci-pipeline',
  'gradual-release',
  'gitops',
  'tracing',
  'trace-id-in-logs',
  'business-metrics',
  'alerting',
  'code-scanning',
  'dependency-scanning',
  'image-scanning',
  'image-signing',
  'managed-data',
]);
const GiB = 1024 ** 3;
// A stable number in [0, 1) per name, so regenerating gives the same data.
const hash = text =>
  [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) / 2 ** 32;
const milli = cores => `${Math.max(1, Math.round(cores * 1000))}m`;
const meta = (name, namespace, labels) => ({
  name,
  namespace,
  labels,
  uid: `demo-${name}`,
  resourceVersion: '1000',
  creationTimestamp: '2026-06-01T00:00:00Z',
});

/** How diligent the owning team is, 0–1, from the practices it declares. */
const diligence = c =>
  (c.metadata.annotations['maturity.cloudnative.dev/practices'] ?? '')
    .split(',')
    .filter(p => DILIGENCE_PRACTICES.has(p.trim())).length /
  DILIGENCE_PRACTICES.size;

function replicasFor(cores) {
  if (cores >= 400) return 20;
  if (cores >= 100) return 10;
  if (cores >= 20) return 4;
  return cores > 0 ? 2 : 0;
}

/** The practices a component's team declares. */
const declares = (c, practice) =>
  (c.metadata.annotations['maturity.cloudnative.dev/practices'] ?? '')
    .split(',')
    .map(p => p.trim())
    .includes(practice);

/** The demo's clusters: which departments run where, and what each platform runs. */
const CLUSTERS = {
  'prod-shared': {
    namespaces: ['search-ai', 'media'],
    nodeCores: 64,
    // Crane-style over-commit: nodes allocate half again their capacity, and pods request as
    // much as it; the descheduler keeps load even, so its nodes run cool and level.
    allocatable: 96,
    fill: 1,
    autoscaler: true,
    descheduler: true,
    falcoOnEveryNode: true,
    kyverno: true,
    openTelemetry: true,
    trivy: ['search-ai', 'media'],
    rollouts: true,
    colocation: true,
    storageClass: ['cbs', 'com.tencent.cloud.csi.cbs'],
    // Istio injects diligent teams' pods; Karmada federates it with the other region; a super
    // node takes bursts as serverless pods; diligent stores scale under an HPA.
    mesh: true,
    karmada: true,
    virtualNode: true,
    statefulScaling: true,
  },
  'prod-classic': {
    namespaces: ['commerce', 'corporate-it'],
    nodeCores: 32,
    allocatable: 31,
    // Nodes kept half empty, and load piling up on a few of them.
    fill: 0.55,
    autoscaler: true,
    descheduler: false,
    falcoOnEveryNode: false,
    kyverno: false,
    gatekeeperReposOnly: true,
    openTelemetry: false,
    trivy: ['commerce'],
    rollouts: false,
    colocation: false,
    storageClass: ['local-path', 'rancher.io/local-path'],
    mesh: false,
    karmada: false,
    virtualNode: false,
    statefulScaling: false,
  },
};
const clusterOf = namespace =>
  Object.keys(CLUSTERS).find(name =>
    CLUSTERS[name].namespaces.includes(namespace),
  );

function objectsFor(c) {
  const a = c.metadata.annotations;
  const name = c.metadata.name;
  const namespace = a['backstage.io/kubernetes-namespace'];
  const d = diligence(c);
  const cores = Number(a['maturity.cloudnative.dev/cores'] ?? 0);
  const replicas = replicasFor(cores);
  const cpu = replicas ? cores / replicas : 0.25;
  const stateful = a['maturity.cloudnative.dev/workload-kind'] === 'stateful';
  const pinned = ['ranker', 'gpu-trainer'].includes(name);
  const labels = { app: name, 'backstage.io/kubernetes-id': name };
  const probe = {
    httpGet: { path: '/healthz', port: 8080 },
    periodSeconds: 10,
  };
  const memoryGiB = cpu * (d >= 0.3 ? 4 : 12);
  const container = {
    name,
    image: `registry.acme.example/${namespace}/${name}:2026.11`,
    resources: pinned
      ? {
          requests: {
            cpu: String(Math.round(cpu)),
            memory: `${Math.round(memoryGiB)}Gi`,
          },
          limits: {
            cpu: String(Math.round(cpu)),
            memory: `${Math.round(memoryGiB)}Gi`,
            // The trainer runs on the GPU pool: 4 GPUs a replica.
            ...(name === 'gpu-trainer' ? { 'nvidia.com/gpu': '4' } : {}),
          },
        }
      : {
          requests: {
            cpu: milli(cpu),
            memory: `${Math.round(memoryGiB * 1024)}Mi`,
          },
          limits: {
            cpu: milli(cpu * (d >= 0.5 ? 2 : 4)),
            memory: `${Math.round(memoryGiB * 1024 * 1.5)}Mi`,
          },
        },
    ...(d >= 0.25 ? { readinessProbe: probe, livenessProbe: probe } : {}),
    ...(stateful && d >= 0.3
      ? { lifecycle: { preStop: { exec: { command: ['/bin/drain'] } } } }
      : {}),
  };
  const podSpec = {
    containers: [container],
    ...(d >= 0.5
      ? {
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: { app: name } },
            },
          ],
        }
      : {}),
    // The trainer reads its training set from a large premium volume.
    ...(name === 'gpu-trainer'
      ? {
          nodeSelector: { 'node.acme.example/dedicated': 'gpu' },
          volumes: [
            {
              name: 'training-data',
              persistentVolumeClaim: { claimName: 'training-data' },
            },
          ],
        }
      : {}),
  };
  const kind = stateful ? 'StatefulSet' : 'Deployment';
  const cluster = CLUSTERS[clusterOf(namespace)];
  // Where the OpenTelemetry Operator runs, teams that trace have it injected.
  const inject =
    cluster.openTelemetry && declares(c, 'tracing')
      ? { 'instrumentation.opentelemetry.io/inject-java': 'true' }
      : undefined;
  // Where Istio runs, diligent teams' pods join the mesh.
  const meshed = cluster.mesh && d >= 0.4;
  const templateLabels = meshed
    ? { ...labels, 'sidecar.istio.io/inject': 'true' }
    : labels;
  const controller = {
    apiVersion: 'apps/v1',
    kind,
    metadata: meta(name, namespace, labels),
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      ...(stateful
        ? {
            serviceName: name,
            volumeClaimTemplates: [
              {
                metadata: { name: 'data' },
                spec: { resources: { requests: { storage: '200Gi' } } },
              },
            ],
          }
        : {}),
      template: {
        metadata: {
          labels: templateLabels,
          ...(inject ? { annotations: inject } : {}),
        },
        spec: podSpec,
      },
    },
    status: { replicas, readyReplicas: replicas },
  };
  // A diligent store scales between its weekday and weekend sizes, where the platform allows.
  const scalesStore = stateful && cluster.statefulScaling && d >= 0.5;
  const hpa = (!stateful || scalesStore) &&
    replicas > 0 &&
    d >= 0.2 && {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta(name, namespace, {}),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind, name },
        // Teams that only just started set min = max: an HPA that cannot scale.
        minReplicas: d >= 0.4 ? Math.max(1, Math.ceil(replicas / 2)) : replicas,
        maxReplicas: d >= 0.4 ? replicas * 2 : replicas,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: { type: 'Utilization', averageUtilization: 65 },
            },
          },
        ],
      },
    };
  const pdb = d >= 0.5 && {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(name, namespace, {}),
    spec: { maxUnavailable: 1, selector: { matchLabels: { app: name } } },
  };
  const pods = Array.from({ length: Math.min(replicas, 3) }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(`${name}-${i}`, namespace, labels),
    spec: podSpec,
    status: { phase: 'Running', qosClass: 'Burstable' },
  }));
  return { controller, hpa, pdb, pods, meshed };
}

/** A week of load at 15-minute resolution, times relative to the end (seconds, ≤ 0). */
function loadFor(c) {
  const cores = Number(
    c.metadata.annotations['maturity.cloudnative.dev/cores'] ?? 0,
  );
  const d = diligence(c);
  const h = hash(c.metadata.name);
  // Diligent teams right-size: more of what they request is really used.
  const utilisation = 0.12 + 0.45 * d + 0.08 * (h - 0.5);
  const base = cores * utilisation * 0.7;
  const memoryBase = cores * (d >= 0.3 ? 4 : 12) * GiB * (0.35 + 0.3 * d);
  const cpu = [];
  const memory = [];
  for (let t = -7 * 86400; t <= 0; t += 900) {
    // A three-hour daily peak at twice the base, and a little noise.
    const hourOfDay = (((t / 3600) % 24) + 24) % 24;
    const peak = hourOfDay >= 10 && hourOfDay < 13 ? 2 : 1;
    const noise = 1 + 0.05 * Math.sin(t / 7000 + h * 10);
    cpu.push([t, Number((base * peak * noise).toFixed(3))]);
    memory.push([t, Math.round(memoryBase * (peak === 2 ? 1.2 : 1) * noise)]);
  }
  return {
    cpu,
    memory,
    cpuRequests: cores,
    oomKills: d < 0.2 && h < 0.5 ? 2 : 0,
  };
}

/** Prometheus' quantile: linear interpolation between the closest ranks. */
function quantile(q, values) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** What the module's queries would answer for a recorded week of load (see docs/prometheus.md). */
function statisticsOf({ cpu, memory, cpuRequests, oomKills }) {
  const round = v => Number(v.toFixed(4));
  const values = samples => samples.map(([, v]) => v);
  const since = (samples, seconds) =>
    values(samples.filter(([t]) => t >= -seconds));
  const mean = list => list.reduce((a, b) => a + b, 0) / list.length;
  const hours = new Map();
  for (const [t, v] of cpu) {
    const hour = Math.floor(t / 3600);
    hours.set(hour, [...(hours.get(hour) ?? []), v]);
  }
  const hourly = [...hours.values()].map(mean);
  return {
    cpuMean: round(mean(values(cpu))),
    cpuP50: round(quantile(0.5, values(cpu))),
    cpuP95: round(quantile(0.95, values(cpu))),
    cpuP99: round(quantile(0.99, values(cpu))),
    cpuMax1h: round(Math.max(...since(cpu, 3600))),
    cpuMax1d: round(Math.max(...since(cpu, 86400))),
    cpuHourlySwing: round(Math.max(...hourly) / Math.min(...hourly)),
    cpuQuietHour: round(Math.min(...hourly)),
    // The recording's requests do not change over the week: the share at each step is usage's.
    cpuP95OfRequests: cpuRequests
      ? round(quantile(0.95, values(cpu)) / cpuRequests)
      : undefined,
    memoryMean: Math.round(mean(values(memory))),
    memoryP99: Math.round(quantile(0.99, values(memory))),
    memoryMax: Math.max(...values(memory)),
    oomKills,
    cpuRequests,
  };
}

const RESOURCES = {
  deployments: ['DeploymentList', 'apps/v1'],
  statefulsets: ['StatefulSetList', 'apps/v1'],
  daemonsets: ['DaemonSetList', 'apps/v1'],
  horizontalpodautoscalers: ['HorizontalPodAutoscalerList', 'autoscaling/v2'],
  poddisruptionbudgets: ['PodDisruptionBudgetList', 'policy/v1'],
  pods: ['PodList', 'v1'],
  nodes: ['NodeList', 'v1'],
  persistentvolumeclaims: ['PersistentVolumeClaimList', 'v1'],
  storageclasses: ['StorageClassList', 'storage.k8s.io/v1'],
  cronjobs: ['CronJobList', 'batch/v1'],
  clusterpolicies: ['ClusterPolicyList', 'kyverno.io/v1'],
  policyreports: ['PolicyReportList', 'wgpolicyk8s.io/v1alpha2'],
  k8sallowedrepos: ['K8sAllowedReposList', 'constraints.gatekeeper.sh/v1beta1'],
  instrumentations: ['InstrumentationList', 'opentelemetry.io/v1alpha1'],
  vulnerabilityreports: [
    'VulnerabilityReportList',
    'aquasecurity.github.io/v1alpha1',
  ],
  rollouts: ['RolloutList', 'argoproj.io/v1alpha1'],
};
// Add-ons' resources are recorded only on the clusters that run the add-on: elsewhere the API
// does not serve them.
const ADD_ONS = new Set([
  'clusterpolicies',
  'policyreports',
  'k8sallowedrepos',
  'instrumentations',
  'vulnerabilityreports',
  'rollouts',
]);

/** A platform add-on's controller, recognised by its image. */
function addOn(kind, name, namespace, image, status) {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: meta(name, namespace, { app: name }),
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image }] },
      },
    },
    status,
  };
}

/** A node the demo's recorded clusters list. */
function node(name, i, type, zone, capacity, allocatable, labels = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `demo-${name}`,
      labels: {
        'topology.kubernetes.io/zone': zone,
        'node.kubernetes.io/instance-type': type,
        ...labels,
      },
    },
    status: {
      capacity,
      allocatable,
      addresses: [
        { type: 'InternalIP', address: `10.${i >> 8}.${i & 255}.10` },
        { type: 'Hostname', address: name },
      ],
    },
  };
}

/** GPUs a node of the GPU pool holds. */
const GPUS_PER_NODE = 8;
const GPU_NODE_TYPE = 'GN10X.8XLARGE';
const onGpuPool = pod =>
  pod.spec.nodeSelector?.['node.acme.example/dedicated'] === 'gpu';

/** What a platform runs, and its nodes, volumes and policies. */
function platformObjects(name, cluster, lists) {
  const general = lists.pods.filter(p => !onGpuPool(p));
  const trainers = lists.pods.filter(onGpuPool);
  const requested = general.reduce(
    (sum, p) =>
      sum +
      p.spec.containers.reduce(
        (s, x) => s + parseFloat(x.resources.requests.cpu) / 1000,
        0,
      ),
    0,
  );
  const nodes = Math.max(
    3,
    Math.ceil(requested / (cluster.nodeCores * cluster.fill)),
  );
  for (let i = 0; i < nodes; i++) {
    lists.nodes.push(
      node(
        `${name}-node-${i}`,
        i,
        `S5.${cluster.nodeCores}XLARGE`,
        `zone-${(i % 3) + 1}`,
        { cpu: String(cluster.nodeCores), memory: '256Gi' },
        { cpu: String(cluster.allocatable), memory: '250Gi' },
      ),
    );
  }
  general.forEach((pod, i) => {
    pod.spec = { ...pod.spec, nodeName: `${name}-node-${i % nodes}` };
  });
  // A GPU pool: enough 8-GPU machines for the trainers, and two to spare.
  const gpus = trainers.reduce(
    (sum, p) =>
      sum +
      p.spec.containers.reduce(
        (s, x) => s + Number(x.resources.limits?.['nvidia.com/gpu'] ?? 0),
        0,
      ),
    0,
  );
  if (gpus > 0) {
    const pool = Math.ceil(gpus / GPUS_PER_NODE) + 2;
    for (let i = 0; i < pool; i++)
      lists.nodes.push(
        node(
          `${name}-gpu-${i}`,
          200 + i,
          GPU_NODE_TYPE,
          `zone-${(i % 2) + 1}`,
          { cpu: '82', memory: '940Gi', 'nvidia.com/gpu': '8' },
          { cpu: '80', memory: '920Gi', 'nvidia.com/gpu': '8' },
          { 'node.acme.example/dedicated': 'gpu' },
        ),
      );
    // Two trainer replicas, 4 GPUs each, fill a machine.
    trainers.forEach((pod, i) => {
      pod.spec = { ...pod.spec, nodeName: `${name}-gpu-${Math.floor(i / 2)}` };
    });
  }
  if (cluster.colocation) {
    // Nightly feature builds run BestEffort beside online services.
    lists.pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta('feature-build-29102', 'batch', { job: 'feature-build' }),
      spec: {
        nodeName: `${name}-node-0`,
        priority: -100,
        containers: [
          {
            name: 'build',
            image: 'registry.acme.example/batch/feature-build:2026.11',
            resources: {},
          },
        ],
      },
      status: { phase: 'Running', qosClass: 'BestEffort' },
    });
  }
  if (cluster.autoscaler)
    lists.deployments.push(
      addOn(
        'Deployment',
        'cluster-autoscaler',
        'kube-system',
        'registry.k8s.io/autoscaling/cluster-autoscaler:v1.31.0',
        { replicas: 1, readyReplicas: 1 },
      ),
    );
  if (cluster.karmada)
    lists.deployments.push(
      addOn(
        'Deployment',
        'karmada-agent',
        'karmada-system',
        'docker.io/karmada/karmada-agent:v1.12.0',
        { replicas: 1, readyReplicas: 1 },
      ),
    );
  if (cluster.virtualNode)
    lists.nodes.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: `eklet-${name}-1`,
        uid: `demo-eklet-${name}-1`,
        labels: {
          'node.kubernetes.io/instance-type': 'eklet',
          'topology.kubernetes.io/zone': 'zone-1',
        },
      },
      status: {
        capacity: { cpu: '1000', memory: '4000Gi' },
        allocatable: { cpu: '1000', memory: '4000Gi' },
      },
    });
  if (cluster.descheduler)
    lists.deployments.push(
      addOn(
        'Deployment',
        'descheduler',
        'kube-system',
        'registry.k8s.io/descheduler/descheduler:v0.31.0',
        { replicas: 1, readyReplicas: 1 },
      ),
    );
  // Falco on every node, or on all but one (a node pool it does not tolerate).
  const falcoReady = cluster.falcoOnEveryNode ? nodes : nodes - 1;
  lists.daemonsets.push(
    addOn(
      'DaemonSet',
      'falco',
      'falco',
      'docker.io/falcosecurity/falco:0.39.1',
      {
        desiredNumberScheduled: falcoReady,
        numberReady: falcoReady,
      },
    ),
  );
  const [className, provisioner] = cluster.storageClass;
  lists.storageclasses.push({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: className,
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    },
    provisioner,
  });
  for (const s of lists.statefulsets) {
    for (let i = 0; i < Math.min(s.spec.replicas, 3); i++) {
      lists.persistentvolumeclaims.push({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: meta(`data-${s.metadata.name}-${i}`, s.metadata.namespace, {
          app: s.metadata.name,
        }),
        spec: { resources: { requests: { storage: '200Gi' } } },
        status: { phase: 'Bound', capacity: { storage: '200Gi' } },
      });
    }
  }
  // A shared training set of 2 TiB on premium storage, which the GPU trainer mounts.
  if (lists.deployments.some(d => d.metadata.name === 'gpu-trainer')) {
    lists.storageclasses.push({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: `${className}-premium` },
      provisioner,
    });
    lists.persistentvolumeclaims.push({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta('training-data', 'search-ai', { app: 'gpu-trainer' }),
      spec: {
        storageClassName: `${className}-premium`,
        resources: { requests: { storage: '2Ti' } },
      },
      status: { phase: 'Bound', capacity: { storage: '2Ti' } },
    });
  }
  if (cluster.kyverno) {
    lists.clusterpolicies = [
      {
        apiVersion: 'kyverno.io/v1',
        kind: 'ClusterPolicy',
        metadata: { name: 'verify-image-signatures' },
        spec: {
          rules: [
            {
              name: 'verify-signature',
              match: { any: [{ resources: { kinds: ['Pod'] } }] },
              verifyImages: [
                {
                  imageReferences: ['registry.acme.example/*'],
                  failureAction: 'Audit',
                  attestors: [
                    { entries: [{ keys: { publicKeys: 'cosign.pub' } }] },
                  ],
                },
              ],
            },
          ],
        },
      },
      {
        apiVersion: 'kyverno.io/v1',
        kind: 'ClusterPolicy',
        metadata: { name: 'disallow-latest-tag' },
        spec: {
          validationFailureAction: 'Enforce',
          rules: [
            {
              name: 'require-image-tag',
              match: { any: [{ resources: { kinds: ['Pod'] } }] },
              validate: {
                pattern: { spec: { containers: [{ image: '!*:latest' }] } },
              },
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
    // Signed images pass; teams that have not started signing fail (Audit: they still run).
    lists.policyreports = [...lists.deployments, ...lists.statefulsets]
      .filter(c => cluster.namespaces.includes(c.metadata.namespace))
      .map(c => ({
        apiVersion: 'wgpolicyk8s.io/v1alpha2',
        kind: 'PolicyReport',
        metadata: meta(`${c.metadata.name}-report`, c.metadata.namespace, {}),
        scope: {
          apiVersion: 'apps/v1',
          kind: c.kind,
          name: c.metadata.name,
          namespace: c.metadata.namespace,
        },
        results: [
          {
            policy: 'verify-image-signatures',
            rule: 'verify-signature',
            result: c.signed ? 'pass' : 'fail',
          },
        ],
      }));
  }
  if (cluster.gatekeeperReposOnly) {
    lists.k8sallowedrepos = [
      {
        apiVersion: 'constraints.gatekeeper.sh/v1beta1',
        kind: 'K8sAllowedRepos',
        metadata: { name: 'acme-registry-only' },
        spec: { parameters: { repos: ['registry.acme.example/'] } },
      },
    ];
  }
  if (cluster.openTelemetry)
    lists.instrumentations = cluster.namespaces.map(namespace => ({
      apiVersion: 'opentelemetry.io/v1alpha1',
      kind: 'Instrumentation',
      metadata: meta('default', namespace, {}),
      spec: {
        exporter: { endpoint: 'http://otel-collector.observability:4317' },
      },
    }));
  // Trivy Operator scans the namespaces that opted in.
  lists.vulnerabilityreports = [...lists.deployments, ...lists.statefulsets]
    .filter(c => cluster.trivy.includes(c.metadata.namespace))
    .map(c => {
      const image = c.spec.template.spec.containers[0].image;
      const [server, ...rest] = image.split('/');
      const [repository, tag] = rest.join('/').split(':');
      return {
        apiVersion: 'aquasecurity.github.io/v1alpha1',
        kind: 'VulnerabilityReport',
        metadata: meta(
          `replicaset-${c.metadata.name}-app`,
          c.metadata.namespace,
          {
            'trivy-operator.resource.name': c.metadata.name,
          },
        ),
        report: {
          registry: { server },
          artifact: { repository, tag },
          summary: {
            criticalCount: 0,
            highCount: Math.round(hash(c.metadata.name) * 4),
          },
        },
      };
    });
  if (cluster.rollouts)
    lists.rollouts = lists.deployments
      .filter(c => c.releasedGradually)
      .map(c => ({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        metadata: meta(c.metadata.name, c.metadata.namespace, {}),
        spec: {
          workloadRef: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: c.metadata.name,
          },
          strategy: {
            canary: {
              steps: [{ setWeight: 10 }, { pause: { duration: '10m' } }],
            },
          },
        },
      }));
}

const promDir = path.join(out, 'prometheus');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(promDir, { recursive: true });

const owned = {};
const clusterLists = {};
const alertRules = [];
// Teams that trace send spans through the OpenTelemetry Collector, whose span metrics name them.
const tracedServices = [];
// Workloads in the mesh have Istio's request metrics: call metrics without code.
const meshWorkloads = [];
for (const c of components) {
  const { controller, hpa, pdb, pods, meshed } = objectsFor(c);
  const { namespace } = controller.metadata;
  const clusterName = clusterOf(namespace);
  const lists = (clusterLists[clusterName] ??= Object.fromEntries(
    Object.keys(RESOURCES)
      .filter(r => !ADD_ONS.has(r))
      .map(r => [r, []]),
  ));
  // Facts the add-ons will show, kept on the controller until the lists are written.
  const d = diligence(c);
  const h = hash(c.metadata.name);
  Object.defineProperty(controller, 'signed', { value: d >= 0.4 });
  // One team in five that declares gradual release has no Rollout yet: the scorecard shows it.
  Object.defineProperty(controller, 'releasedGradually', {
    value: declares(c, 'gradual-release') && h >= 0.2,
  });
  lists[
    controller.kind === 'StatefulSet' ? 'statefulsets' : 'deployments'
  ].push(controller);
  if (hpa) lists.horizontalpodautoscalers.push(hpa);
  if (pdb) lists.poddisruptionbudgets.push(pdb);
  lists.pods.push(...pods);
  const name = c.metadata.annotations['backstage.io/kubernetes-id'];
  const stats = statisticsOf(loadFor(c));
  // One container, named as the workload; the recording spreads load evenly over replicas that
  // do not change, so the busiest replica's share is the sum's over the replicas.
  const replicas = Math.max(controller.spec.replicas, 1);
  owned[`${namespace}/${name}`] = {
    ...stats,
    // The DCGM exporter's view of the trainer's GPUs: busy most of the week, never full.
    ...(name === 'gpu-trainer' ? { gpuUtilisation: 0.62 } : {}),
    // kubelet's view of the volumes: a store's claims (200 GiB each) filled as its team keeps
    // them, and the trainer's 2 TiB training set at 1.6 TiB.
    ...(controller.kind === 'StatefulSet'
      ? {
          storageUsed: Math.round(
            Math.min(replicas, 3) * 200 * GiB * (0.25 + 0.5 * d),
          ),
        }
      : {}),
    ...(name === 'gpu-trainer' ? { storageUsed: 1638 * GiB } : {}),
    containers: {
      [controller.spec.template.spec.containers[0].name]: {
        containerCpuP99: Number((stats.cpuP99 / replicas).toFixed(4)),
        containerMemoryP99: Math.round(stats.memoryP99 / replicas),
      },
    },
    // Teams that declare business metrics export a few families of their own.
    businessMetrics: declares(c, 'business-metrics')
      ? 3 + Math.round(h * 5)
      : 0,
  };
  if (declares(c, 'tracing')) tracedServices.push({ service: name, namespace });
  if (meshed) meshWorkloads.push({ workload: name, namespace, mesh: 'Istio' });
  if (declares(c, 'alerting'))
    alertRules.push({
      name: `${name}-slo`,
      file: `/etc/prometheus/rules/${namespace}.yaml`,
      rules: [
        {
          type: 'alerting',
          name: `${name.replace(/(^|-)(\w)/g, (_, __, x) =>
            x.toUpperCase(),
          )}ErrorBudgetBurn`,
          query: `sum(rate(http_server_requests_seconds_count{namespace="${namespace}",pod=~"${name}-.*",status=~"5.."}[1h])) / sum(rate(http_server_requests_seconds_count{namespace="${namespace}",pod=~"${name}-.*"}[1h])) > 0.01`,
          duration: 600,
          labels: { severity: 'page', team: c.spec.owner },
          annotations: {},
          alerts: [],
          health: 'ok',
        },
      ],
      interval: 60,
    });
}
// The platform's own alerts watch every pod and the data stores; they are not a team's.
alertRules.push({
  name: 'kubernetes-apps',
  file: '/etc/prometheus/rules/kubernetes.yaml',
  rules: [
    {
      type: 'alerting',
      name: 'RedisMemoryHigh',
      query:
        'redis_memory_used_bytes / redis_memory_max_bytes > 0.9 and redis_memory_max_bytes > 0',
      duration: 600,
      labels: { severity: 'warning' },
      annotations: {},
      alerts: [],
      health: 'ok',
    },
    {
      type: 'alerting',
      name: 'KubePodCrashLooping',
      query:
        'max_over_time(kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"}[5m]) >= 1',
      duration: 900,
      labels: { severity: 'warning' },
      annotations: {},
      alerts: [],
      health: 'ok',
    },
  ],
  interval: 60,
});

for (const [name, lists] of Object.entries(clusterLists)) {
  platformObjects(name, CLUSTERS[name], lists);
  const dir = path.join(out, 'kubernetes', name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [resource, items] of Object.entries(lists)) {
    const [kind, apiVersion] = RESOURCES[resource];
    fs.writeFileSync(
      path.join(dir, `${resource}.json`),
      `${JSON.stringify(
        { kind, apiVersion, metadata: { resourceVersion: '1000' }, items },
        null,
        1,
      )}\n`,
    );
  }
}
// The past the demo starts with (maturity.history.backfillFile): what changed in the 90 days
// before the recordings, so trends, changes of score and rank, and movers show on first start.
// Each change says what a fact was before it; the first run writes a snapshot for each day.
const HISTORY_DAYS = 90;
const changes = [];
const day = (seed, from, span) =>
  Math.min(HISTORY_DAYS, from + Math.floor(hash(seed) * span));
for (const c of components) {
  const ref = `component:default/${c.metadata.name}`;
  const d = diligence(c);
  const h = hash(c.metadata.name);
  // Diligent teams made their HPAs scale sometime in the quarter.
  if (d >= 0.4)
    changes.push({
      daysAgo: day(`${ref}#hpa`, 10, 70),
      workload: ref,
      before: { 'kubernetes.hpaElastic': false },
    });
  // Half the teams with probes added them in the quarter.
  if (d >= 0.25 && h < 0.5)
    changes.push({
      daysAgo: day(`${ref}#probes`, 5, 80),
      workload: ref,
      before: { 'kubernetes.probes': false },
    });
  if (declares(c, 'tracing') && hash(`${ref}#tracing`) < 0.6)
    changes.push({
      daysAgo: day(`${ref}#tracing-day`, 8, 70),
      workload: ref,
      before: { 'practice.tracing': false },
    });
  // A few lost their probes in a rewrite last week: the fallers.
  if (d < 0.25 && h < 0.3)
    changes.push({
      daysAgo: 6,
      workload: ref,
      before: { 'kubernetes.probes': true },
    });
}
// Since yesterday's run cart moved from the shared cluster to the classic one, which offers
// less: today's run finds it fallen, and its owners (the checkout team, the guest among them)
// are told. Yesterday it had the shared cluster's platform.
changes.push({
  daysAgo: 0,
  workload: 'component:default/cart',
  before: {
    'kubernetes.cluster': 'prod-shared',
    ...Object.fromEntries(
      [
        'overcommit',
        'rescheduling',
        'colocation',
        'autoInstrumentation',
        'admissionPolicies',
        'runtimeProtection',
        'storageSeparation',
        'crossClusterScheduling',
        'serverlessCapacity',
      ].map(capability => [`platform.${capability}`, true]),
    ),
  },
});
// The platform teams' own quarter.
changes.push(
  {
    daysAgo: 70,
    cluster: 'prod-shared',
    before: { 'platform.rescheduling': false },
  },
  {
    daysAgo: 55,
    cluster: 'prod-classic',
    before: { 'platform.clusterAutoscaling': false },
  },
  {
    daysAgo: 40,
    cluster: 'prod-shared',
    before: { 'platform.admissionPolicies': false },
  },
  {
    daysAgo: 25,
    cluster: 'prod-shared',
    before: { 'platform.runtimeProtection': false },
  },
);
changes.sort((a, b) => b.daysAgo - a.daysAgo);
fs.writeFileSync(
  path.join(out, 'history.yaml'),
  `# Generated by scripts/generate-demo-data.js: the demo's past, what each fact was before it changed.\n${YAML.stringify(
    { days: HISTORY_DAYS, changes },
  )}`,
);
fs.writeFileSync(
  path.join(promDir, 'owned.json'),
  `${JSON.stringify(owned, null, 1)}\n`,
);
fs.writeFileSync(
  path.join(promDir, 'traced-services.json'),
  `${JSON.stringify(tracedServices, null, 1)}\n`,
);
// Negotiated rates (maturity.cost.ratesFile): the shared cluster's 64-core nodes on a
// committed-use price, the classic cluster's 32-core nodes 12 % off.
fs.writeFileSync(
  path.join(out, 'rates.csv'),
  [
    'cluster,namespace,nodeType,cpuCoreHour,memoryGiBHour,discount',
    'prod-shared,,S5.64XLARGE,0.026,0.0035,',
    ',,S5.32XLARGE,,,0.12',
    '',
  ].join('\n'),
);
// Node exporter's view of the nodes (Crane's 1-hour and 1-day maxima), by node name: the shared
// cluster's nodes level and cool, the GPU pool busy; on the classic cluster two nodes run hot
// while a third of them idle all day.
const nodeUtilisation = [];
for (const [clusterName, lists] of Object.entries(clusterLists)) {
  lists.nodes
    .filter(
      n => n.metadata.labels['node.kubernetes.io/instance-type'] !== 'eklet',
    )
    .forEach((n, i) => {
      const gpu = n.metadata.name.includes('-gpu-');
      const level = (base, spread) =>
        Math.round(
          (base +
            spread *
              hash(`${base}${[...n.metadata.name].reverse().join('')}`)) *
            1000,
        ) / 1000;
      let cpu1d;
      let memory1d;
      if (gpu) [cpu1d, memory1d] = [level(0.55, 0.1), level(0.5, 0.1)];
      else if (clusterName === 'prod-shared')
        [cpu1d, memory1d] = [level(0.22, 0.08), level(0.45, 0.1)];
      else if (i < 2) [cpu1d, memory1d] = [level(0.88, 0.06), level(0.7, 0.1)];
      else if (i % 3 === 0)
        [cpu1d, memory1d] = [level(0.12, 0.1), level(0.18, 0.08)];
      else [cpu1d, memory1d] = [level(0.4, 0.15), level(0.45, 0.1)];
      nodeUtilisation.push({
        node: n.metadata.name,
        cpuMax1h: Math.round(cpu1d * 0.94 * 1000) / 1000,
        cpuMax1d: cpu1d,
        memoryMax1h: Math.round(memory1d * 0.97 * 1000) / 1000,
        memoryMax1d: memory1d,
      });
    });
}
fs.writeFileSync(
  path.join(promDir, 'node-utilisation.json'),
  `${JSON.stringify(nodeUtilisation, null, 1)}\n`,
);
fs.writeFileSync(
  path.join(promDir, 'mesh-workloads.json'),
  `${JSON.stringify(meshWorkloads, null, 1)}\n`,
);
fs.writeFileSync(
  path.join(promDir, 'rules.json'),
  `${JSON.stringify({ groups: alertRules }, null, 1)}\n`,
);
console.log(
  `demo-data/: ${components.length} workloads on ${
    Object.keys(clusterLists).length
  } clusters (${Object.keys(clusterLists).join(', ')}), ${
    Object.keys(owned).length
  } load recordings, ${alertRules.length} alerting rule groups, ${
    changes.length
  } changes over ${HISTORY_DAYS} days of history`,
);
