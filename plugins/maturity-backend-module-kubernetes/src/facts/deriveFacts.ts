import { FACTS, WorkloadFacts } from '@internal/plugin-maturity-common';
import { KubeObject } from '../sources/ClusterSource';
import { containerGpus, cpuCores, memoryGiB } from './quantities';
import { ClaimedVolume } from './volumeClaims';

const ZONE = 'topology.kubernetes.io/zone';
// Keys platform teams use to reserve nodes for one workload.
const EXCLUSIVE_KEY = /dedicated|exclusive/i;
// The API's default terminationGracePeriodSeconds; a longer one is a deliberate drain window.
const DEFAULT_GRACE_SECONDS = 30;

/** The objects of one cluster that belong to one workload. */
export interface WorkloadObjects {
  controllers: KubeObject[];
  hpas: KubeObject[];
  pdbs: KubeObject[];
  /** Running pods its controllers select (counted per controller). */
  runningPods: number;
  /** Those pods by the instance type of their node. */
  nodeTypes?: Map<string, number>;
  /** The bound volumes its controllers claim. */
  volumes?: ClaimedVolume[];
}

/** The key counted most: the node type most pods run on, the class holding most GiB (the first by name on a tie). */
function mostUsed(counts: Map<string, number> | undefined): string | undefined {
  let best: [string, number] | undefined;
  for (const [type, n] of [...(counts ?? [])].sort(([a], [b]) =>
    a.localeCompare(b),
  ))
    if (!best || n > best[1]) best = [type, n];
  return best?.[0];
}

const containersOf = (c: KubeObject): any[] =>
  c.spec?.template?.spec?.containers ?? [];
const podSpecOf = (c: KubeObject): any => c.spec?.template?.spec ?? {};

function replicasOf(c: KubeObject): number {
  if (c.kind === 'DaemonSet') return c.status?.desiredNumberScheduled ?? 0;
  return c.spec?.replicas ?? 1;
}

/** Whether a label selector's matchLabels all hold for `labels`. */
export function selects(
  selector: { matchLabels?: Record<string, string> } | undefined,
  labels: Record<string, string> = {},
): boolean {
  const wanted = Object.entries(selector?.matchLabels ?? {});
  return wanted.length > 0 && wanted.every(([k, v]) => labels[k] === v);
}

function hpaFor(c: KubeObject, hpas: KubeObject[]): KubeObject | undefined {
  return hpas.find(
    h =>
      h.metadata?.namespace === c.metadata?.namespace &&
      h.spec?.scaleTargetRef?.kind === c.kind &&
      h.spec?.scaleTargetRef?.name === c.metadata?.name,
  );
}

function pinsCores(c: KubeObject): boolean {
  const annotations = c.spec?.template?.metadata?.annotations ?? {};
  if (Object.keys(annotations).some(k => /cpuset/i.test(k))) return true;
  // Guaranteed QoS with whole CPUs is what the static CPU manager policy pins to cores.
  return containersOf(c).some(container => {
    const { requests = {}, limits = {} } = container.resources ?? {};
    const cpu = cpuCores(limits.cpu);
    return (
      cpu !== undefined &&
      Number.isInteger(cpu) &&
      cpu > 0 &&
      cpuCores(requests.cpu ?? limits.cpu) === cpu &&
      limits.memory !== undefined &&
      (requests.memory ?? limits.memory) === limits.memory
    );
  });
}

function usesExclusiveNodes(c: KubeObject): boolean {
  const spec = podSpecOf(c);
  const selectorKeys = Object.keys(spec.nodeSelector ?? {});
  const affinityKeys = (
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
      ?.nodeSelectorTerms ?? []
  ).flatMap((t: any) => (t.matchExpressions ?? []).map((e: any) => e.key));
  const tolerationKeys = (spec.tolerations ?? []).map((t: any) => t.key ?? '');
  return [...selectorKeys, ...affinityKeys, ...tolerationKeys].some(k =>
    EXCLUSIVE_KEY.test(k),
  );
}

function spreadsAcrossZones(c: KubeObject): boolean {
  const spec = podSpecOf(c);
  if (
    (spec.topologySpreadConstraints ?? []).some(
      (t: any) => t.topologyKey === ZONE,
    )
  )
    return true;
  const anti = spec.affinity?.podAntiAffinity ?? {};
  const terms = [
    ...(anti.requiredDuringSchedulingIgnoredDuringExecution ?? []),
    ...(anti.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(
      (p: any) => p.podAffinityTerm,
    ),
  ];
  return terms.some((t: any) => t?.topologyKey === ZONE);
}

function drainsGracefully(c: KubeObject): boolean {
  const grace = podSpecOf(c).terminationGracePeriodSeconds;
  return (
    (typeof grace === 'number' && grace > DEFAULT_GRACE_SECONDS) ||
    containersOf(c).some(container => container.lifecycle?.preStop)
  );
}

/**
 * Derives a workload's facts from its controllers (Deployments, StatefulSets, DaemonSets) and
 * the HPAs, PDBs and Pods around them. Totals add up over controllers; a yes/no fact holds
 * only if it holds for every controller.
 */
export function deriveFacts(objects: WorkloadObjects): WorkloadFacts {
  const { controllers, hpas, pdbs, runningPods } = objects;
  if (controllers.length === 0) return {};
  const k = FACTS.kubernetes;
  let cores = 0;
  let memory = 0;
  let replicas = 0;
  let maxLimitRatio: number | undefined;
  let largestReplica: number | undefined;
  let gpus = 0;
  let allRequestsSet = true;
  // Each container's requests per replica, by name: the first controller's that has it.
  const perContainer: WorkloadFacts = {};
  for (const c of controllers) {
    const n = replicasOf(c);
    replicas += n;
    let replicaCpu: number | undefined;
    for (const container of containersOf(c)) {
      const { requests = {}, limits = {} } = container.resources ?? {};
      const cpu = cpuCores(requests.cpu);
      const cpuLimit = cpuCores(limits.cpu);
      const name = container.name;
      if (name && !(k.containerCpuRequest(name) in perContainer)) {
        perContainer[k.containerCpuRequest(name)] = cpu ?? 0;
        perContainer[k.containerMemoryRequestGiB(name)] =
          memoryGiB(requests.memory) ?? 0;
      }
      if (cpu === undefined || cpu === 0) allRequestsSet = false;
      cores += (cpu ?? 0) * n;
      memory += (memoryGiB(requests.memory) ?? 0) * n;
      if (cpu && cpuLimit !== undefined)
        maxLimitRatio = Math.max(maxLimitRatio ?? 0, cpuLimit / cpu);
      gpus += containerGpus(container.resources) * n;
      const size = cpuLimit ?? cpu;
      if (size !== undefined) replicaCpu = (replicaCpu ?? 0) + size;
    }
    if (replicaCpu !== undefined)
      largestReplica = Math.max(largestReplica ?? 0, replicaCpu);
  }
  const scalable = controllers.filter(c => c.kind !== 'DaemonSet');
  const elastic =
    scalable.length > 0 &&
    scalable.every(c => {
      const hpa = hpaFor(c, hpas);
      return (
        hpa !== undefined &&
        (hpa.spec?.minReplicas ?? 1) < hpa.spec?.maxReplicas
      );
    });
  const hpa = scalable.map(c => hpaFor(c, hpas)).find(Boolean);
  const templateLabels = controllers.map(
    c => c.spec?.template?.metadata?.labels ?? {},
  );

  const facts: WorkloadFacts = {
    [k.workloadKind]: controllers.some(c => c.kind === 'StatefulSet')
      ? 'stateful'
      : 'stateless',
    [k.replicas]: replicas,
    [k.runningPods]: runningPods,
    [k.cores]: cores,
    [k.memoryRequestGiB]: memory,
    [k.cpuRequestsSet]: allRequestsSet,
    [k.hpaElastic]: elastic,
    [k.staticCpuBinding]: controllers.some(pinsCores),
    [k.exclusiveNodes]: controllers.some(usesExclusiveNodes),
    [k.probes]: controllers.every(c =>
      containersOf(c).every(x => x.readinessProbe && x.livenessProbe),
    ),
    [k.zoneSpread]: controllers.every(spreadsAcrossZones),
    [k.gracefulShutdown]: controllers.every(drainsGracefully),
    [k.pdb]: templateLabels.every(labels =>
      pdbs.some(p => selects(p.spec?.selector, labels)),
    ),
  };
  Object.assign(facts, perContainer);
  if (maxLimitRatio !== undefined) facts[k.cpuLimitToRequest] = maxLimitRatio;
  if (largestReplica !== undefined) facts[k.cpuPerReplica] = largestReplica;
  if (gpus > 0) facts[k.gpus] = gpus;
  const nodeType = mostUsed(objects.nodeTypes);
  if (nodeType) facts[k.nodeType] = nodeType;
  const volumes = objects.volumes ?? [];
  if (volumes.length > 0) {
    const byClass = new Map<string, number>();
    for (const v of volumes)
      if (v.storageClass)
        byClass.set(v.storageClass, (byClass.get(v.storageClass) ?? 0) + v.gib);
    facts[k.storageGiB] = volumes.reduce((sum, v) => sum + v.gib, 0);
    const storageClass = mostUsed(byClass);
    if (storageClass) facts[k.storageClass] = storageClass;
  }
  if (cores > 0) facts[k.memoryGiBPerCore] = memory / cores;
  if (hpa) {
    facts[k.hpaMinReplicas] = hpa.spec?.minReplicas ?? 1;
    facts[k.hpaMaxReplicas] = hpa.spec?.maxReplicas;
    facts[k.hpaMetrics] = (hpa.spec?.metrics ?? [])
      .map(
        (m: any) =>
          m.resource?.name ??
          m.pods?.metric?.name ??
          m.external?.metric?.name ??
          m.type,
      )
      .join(',');
  }
  return facts;
}
