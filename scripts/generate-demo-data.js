#!/usr/bin/env node
/*
 * Writes the demo's recorded data source files from catalog-info/components.yaml:
 *   demo-data/kubernetes/demo-cluster/<resource>.json  Kubernetes List objects, as the API returns them
 *   demo-data/prometheus/owned.json                      each workload's load statistics over a week, as
 *                                                        the Prometheus module's queries answer them
 * The modules read them in recorded mode (app-config.yaml) through the same code as live data.
 * Each team's declared practices set how well its workloads are configured and used, so the
 * demo's scores and waste differ between teams the way they would in a real company.
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

const PRACTICE_COUNT = 12;
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
    .filter(p => p.trim()).length / PRACTICE_COUNT;

function replicasFor(cores) {
  if (cores >= 400) return 20;
  if (cores >= 100) return 10;
  if (cores >= 20) return 4;
  return cores > 0 ? 2 : 0;
}

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
    ...(name === 'gpu-trainer'
      ? { nodeSelector: { 'node.acme.example/dedicated': 'gpu' } }
      : {}),
  };
  const kind = stateful ? 'StatefulSet' : 'Deployment';
  const controller = {
    apiVersion: 'apps/v1',
    kind,
    metadata: meta(name, namespace, labels),
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      ...(stateful ? { serviceName: name } : {}),
      template: { metadata: { labels }, spec: podSpec },
    },
    status: { replicas, readyReplicas: replicas },
  };
  const hpa = !stateful &&
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
    status: { phase: 'Running' },
  }));
  return { controller, hpa, pdb, pods };
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
    memoryMean: Math.round(mean(values(memory))),
    memoryP99: Math.round(quantile(0.99, values(memory))),
    memoryMax: Math.max(...values(memory)),
    oomKills,
    cpuRequests,
  };
}

const lists = {
  deployments: [],
  statefulsets: [],
  daemonsets: [],
  horizontalpodautoscalers: [],
  poddisruptionbudgets: [],
  pods: [],
};
const listKinds = {
  deployments: ['DeploymentList', 'apps/v1'],
  statefulsets: ['StatefulSetList', 'apps/v1'],
  daemonsets: ['DaemonSetList', 'apps/v1'],
  horizontalpodautoscalers: ['HorizontalPodAutoscalerList', 'autoscaling/v2'],
  poddisruptionbudgets: ['PodDisruptionBudgetList', 'policy/v1'],
  pods: ['PodList', 'v1'],
};
const promDir = path.join(out, 'prometheus');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'kubernetes', 'demo-cluster'), { recursive: true });
fs.mkdirSync(promDir, { recursive: true });

const owned = {};
for (const c of components) {
  const { controller, hpa, pdb, pods } = objectsFor(c);
  lists[
    controller.kind === 'StatefulSet' ? 'statefulsets' : 'deployments'
  ].push(controller);
  if (hpa) lists.horizontalpodautoscalers.push(hpa);
  if (pdb) lists.poddisruptionbudgets.push(pdb);
  lists.pods.push(...pods);
  const { namespace } = controller.metadata;
  owned[
    `${namespace}/${c.metadata.annotations['backstage.io/kubernetes-id']}`
  ] = statisticsOf(loadFor(c));
}
fs.writeFileSync(
  path.join(promDir, 'owned.json'),
  `${JSON.stringify(owned, null, 1)}\n`,
);
for (const [resource, items] of Object.entries(lists)) {
  const [kind, apiVersion] = listKinds[resource];
  fs.writeFileSync(
    path.join(out, 'kubernetes', 'demo-cluster', `${resource}.json`),
    `${JSON.stringify(
      { kind, apiVersion, metadata: { resourceVersion: '1000' }, items },
      null,
      1,
    )}\n`,
  );
}
console.log(
  `demo-data/: ${components.length} workloads on demo-cluster, ${
    Object.keys(owned).length
  } load recordings`,
);
