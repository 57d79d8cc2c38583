import {
  FACTS,
  FactOrigin,
  PlatformCapability,
  ResourceAmounts,
  WorkloadFacts,
} from '@internal/plugin-maturity-common';
import { describeObject, KubeObject } from '../sources/ClusterSource';
import { isVirtualNode, podRequests } from './nodeCapacity';
import { cpuCores } from './quantities';

/**
 * Add-ons recognised by their container images: what they are, and the capability they give.
 * Images rather than names, because a platform team names its deployments as it likes.
 */
const ADD_ONS: Array<{
  image: RegExp;
  name: string;
  capability: PlatformCapability;
}> = [
  {
    image: /(^|\/)cluster-autoscaler(:|@|$)/,
    name: 'cluster-autoscaler',
    capability: 'clusterAutoscaling',
  },
  { image: /karpenter/, name: 'Karpenter', capability: 'clusterAutoscaling' },
  {
    image: /(^|\/)descheduler(:|@|$)/,
    name: 'descheduler',
    capability: 'rescheduling',
  },
  {
    image: /gocrane\/crane-(scheduler|descheduler)/,
    name: "Crane's scheduler",
    capability: 'rescheduling',
  },
  {
    image: /(^|\/)falco(:|@|$)/,
    name: 'Falco',
    capability: 'runtimeProtection',
  },
  { image: /tetragon/, name: 'Tetragon', capability: 'runtimeProtection' },
  {
    image: /karmada-(agent|controller-manager|scheduler)/,
    name: 'Karmada',
    capability: 'crossClusterScheduling',
  },
  {
    image: /clusternet\/(clusternet-)?(agent|hub|scheduler)/,
    name: 'Clusternet',
    capability: 'crossClusterScheduling',
  },
  {
    image: /open-cluster-management.*(registration|klusterlet|placement)/,
    name: 'Open Cluster Management',
    capability: 'crossClusterScheduling',
  },
];

/** Storage provisioners whose volumes live on the node itself: compute and storage together. */
const LOCAL_PROVISIONER =
  /no-provisioner|local-path|hostpath|topolvm|lvm|local\.csi|local-static/i;
const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
/** Namespaces of Kubernetes itself, never a tenant's. */
const SYSTEM_NAMESPACE = /^kube-|^kube$|^default$/;
/** A number of cores to a tenth, for origins a person reads. */
const round = (n: number) => Math.round(n * 10) / 10;
/** Pods below this priority are offline work (batch, training, reports) by convention. */
const OFFLINE_PRIORITY = 0;

const imagesOf = (o: KubeObject): string[] =>
  (
    (o.kind === 'CronJob'
      ? o.spec?.jobTemplate?.spec?.template?.spec?.containers
      : o.spec?.template?.spec?.containers) ?? []
  ).map((c: any) => String(c.image ?? ''));

/** A running pod as its node sees it. */
export interface PodLoad {
  node: string;
  /** What its containers request. */
  requests: ResourceAmounts;
  online: boolean;
  offline: boolean;
}

interface NodeLoad {
  capacity: number;
  allocatable: number;
  requested: number;
  online: boolean;
  offline: boolean;
}

/** Whether a running pod is offline work: BestEffort, a negative priority, or marked batch. */
function isOffline(pod: KubeObject): boolean {
  const qos = pod.metadata?.labels?.['koordinator.sh/qosClass'];
  return (
    pod.status?.qosClass === 'BestEffort' ||
    (typeof pod.spec?.priority === 'number' &&
      pod.spec.priority < OFFLINE_PRIORITY) ||
    qos === 'BE'
  );
}

const ownedByDaemonSet = (pod: KubeObject) =>
  ((pod as any).metadata?.ownerReferences ?? []).some(
    (o: any) => o.kind === 'DaemonSet',
  );

/** Whether a Kyverno rule validates images (verifyImages, or a pattern on `image`). */
const checksImages = (rule: any) =>
  rule.verifyImages !== undefined ||
  /"image"/.test(JSON.stringify(rule.validate ?? {}));
const checksResources = (rule: any) =>
  /"(resources|requests|limits)"/.test(JSON.stringify(rule.validate ?? {}));
/** Whether a rule blocks what it fails (Enforce), rather than only reporting it (Audit). */
const enforces = (policy: any, rule: any) =>
  /^enforce$/i.test(
    rule.verifyImages?.find((v: any) => v.failureAction)?.failureAction ??
      rule.validate?.failureAction ??
      policy.spec?.validationFailureAction ??
      'Audit',
  );

/**
 * What a cluster offers every workload on it, measured from its API as its lists are read: the
 * add-ons running on it (by image), its nodes and the pods on them, its volumes and their storage
 * classes, and the admission policies and instrumentation it has. {@link PlatformEvidence.facts}
 * turns them into `platform.*` facts, each with the objects it rests on as its origin; a fact
 * whose evidence the cluster does not have (no nodes listed, no volumes) is left unknown.
 */
export class PlatformEvidence {
  private readonly addOns = new Map<PlatformCapability, Map<string, string>>();
  private readonly addOnNamespaces = new Set<string>();
  private readonly protectors = new Map<string, KubeObject>();
  private readonly nodes = new Map<string, NodeLoad>();
  /** Virtual nodes (serverless pods), kept apart from the machines. */
  private readonly virtualNodes = new Set<string>();
  /** HPAs that scale a StatefulSet between a minimum and a higher maximum. */
  private readonly statefulScalers = new Set<string>();
  private readonly tenants = new Set<string>();
  private readonly claims = new Map<string, string | undefined>();
  private readonly classes = new Map<string, string>();
  private defaultClass?: string;
  private policies?: { images: string[]; resources: string[] };
  private constraints?: { images: string[]; resources: string[] };
  private instrumentations?: number;
  /** Names of Kyverno rules that verify image signatures. */
  readonly verifyImagesRules = new Set<string>();

  constructor(readonly cluster: string) {}

  /** Notes a Deployment, StatefulSet, DaemonSet or CronJob: an add-on, or a tenant's workload. */
  noteController(o: KubeObject): void {
    const images = imagesOf(o);
    const addOn = ADD_ONS.find(a => images.some(i => a.image.test(i)));
    if (addOn) {
      const running =
        o.kind === 'DaemonSet'
          ? (o.status?.numberReady ?? 0) > 0
          : o.kind === 'CronJob' ||
            (o.status?.readyReplicas ?? o.status?.replicas ?? 0) > 0;
      // Keyed by name: a list read again after an expired continue token notes nothing twice.
      if (running) {
        const found = this.addOns.get(addOn.capability) ?? new Map();
        found.set(describeObject(o), `${addOn.name} (${describeObject(o)})`);
        this.addOns.set(addOn.capability, found);
        if (addOn.capability === 'runtimeProtection')
          this.protectors.set(describeObject(o), o);
      }
      this.addOnNamespaces.add(o.metadata?.namespace ?? '');
    } else if (o.kind === 'Deployment' || o.kind === 'StatefulSet') {
      this.tenants.add(o.metadata?.namespace ?? '');
    }
  }

  noteNode(node: KubeObject): void {
    if (isVirtualNode(node)) {
      // Its capacity is a quota, not a machine: it takes no part in over-commit or coverage.
      this.virtualNodes.add(node.metadata?.name ?? '');
      return;
    }
    this.nodes.set(node.metadata?.name ?? '', {
      capacity: cpuCores(node.status?.capacity?.cpu) ?? 0,
      allocatable: cpuCores(node.status?.allocatable?.cpu) ?? 0,
      requested: 0,
      online: false,
      offline: false,
    });
  }

  /** What a running pod adds to its node: its CPU requests, and whether it is offline work. */
  podLoad(pod: KubeObject): PodLoad {
    const offline = isOffline(pod);
    return {
      node: pod.spec?.nodeName ?? '',
      requests: podRequests(pod),
      offline,
      online:
        !offline &&
        !ownedByDaemonSet(pod) &&
        !SYSTEM_NAMESPACE.test(pod.metadata?.namespace ?? ''),
    };
  }

  /** Adds a running pod's load to its node, once the pod list is complete. */
  notePod(load: PodLoad): void {
    const node = this.nodes.get(load.node);
    if (!node) return;
    node.requested += load.requests.cpuCores;
    node.online ||= load.online;
    node.offline ||= load.offline;
  }

  noteClaim(claim: KubeObject): void {
    if (claim.status?.phase === 'Bound')
      this.claims.set(
        `${claim.metadata?.namespace}/${claim.metadata?.name}`,
        claim.spec?.storageClassName ?? undefined,
      );
  }

  noteStorageClass(c: KubeObject): void {
    const name = c.metadata?.name ?? '';
    this.classes.set(name, String((c as any).provisioner ?? ''));
    if (c.metadata?.annotations?.[DEFAULT_CLASS] === 'true')
      this.defaultClass = name;
  }

  /** Kyverno ClusterPolicies; `undefined` when Kyverno is not installed. */
  notePolicies(policies: KubeObject[] | undefined): void {
    if (!policies) return;
    this.policies ??= { images: [], resources: [] };
    for (const p of policies) {
      for (const rule of p.spec?.rules ?? []) {
        if (rule.verifyImages) this.verifyImagesRules.add(rule.name);
        if (!enforces(p, rule)) continue;
        const named = `ClusterPolicy ${p.metadata?.name}`;
        if (checksImages(rule)) this.policies.images.push(named);
        if (checksResources(rule)) this.policies.resources.push(named);
      }
    }
  }

  /** Gatekeeper constraints of the library's image and resource kinds. */
  noteConstraints(
    images: KubeObject[] | undefined,
    resources: KubeObject[] | undefined,
  ): void {
    if (!images && !resources) return;
    const enforced = (list: KubeObject[] = []) =>
      list
        .filter(c => (c.spec?.enforcementAction ?? 'deny') === 'deny')
        .map(c => `${c.kind} ${c.metadata?.name}`);
    this.constraints = {
      images: enforced(images),
      resources: enforced(resources),
    };
  }

  /** An HPA, as listed: one that scales a StatefulSet shows a data service that scales. */
  noteScaler(hpa: KubeObject): void {
    const target = hpa.spec?.scaleTargetRef;
    if (
      target?.kind === 'StatefulSet' &&
      (hpa.spec?.minReplicas ?? 1) < hpa.spec?.maxReplicas
    )
      this.statefulScalers.add(
        `${describeObject(hpa)} scales StatefulSet ${target.name}`,
      );
  }

  noteInstrumentations(list: KubeObject[] | undefined): void {
    if (list) this.instrumentations = list.length;
  }

  /** Whether the OpenTelemetry Operator serves Instrumentation resources on this cluster. */
  get hasOpenTelemetryOperator(): boolean {
    return this.instrumentations !== undefined;
  }

  /** The cluster's platform facts, with the origin of each. */
  facts(): { facts: WorkloadFacts; origins: Record<string, FactOrigin> } {
    const facts: WorkloadFacts = {};
    const origins: Record<string, FactOrigin> = {};
    const set = (
      capability: PlatformCapability,
      value: boolean,
      from: string,
    ) => {
      const id = FACTS.platform.capability(capability);
      facts[id] = value;
      origins[id] = {
        source: 'kubernetes',
        from: `cluster ${this.cluster}: ${from}`,
      };
    };
    const found = (capability: PlatformCapability, none: string) => {
      const list = this.addOns.get(capability);
      set(
        capability,
        list !== undefined,
        list ? [...list.values()].join(', ') : none,
      );
    };
    found('clusterAutoscaling', 'no cluster-autoscaler or Karpenter running');
    found('rescheduling', "no descheduler or Crane's scheduler running");
    found(
      'crossClusterScheduling',
      'no Karmada, Clusternet or Open Cluster Management agent running',
    );
    if (this.nodes.size + this.virtualNodes.size > 0) {
      const virtual = [...this.virtualNodes];
      set(
        'serverlessCapacity',
        virtual.length > 0,
        virtual.length > 0
          ? `virtual nodes for serverless pods: ${virtual.join(', ')}`
          : `none of ${this.nodes.size} nodes is a virtual node`,
      );
    }
    // Only a scaler shows elastic data services: without one they may still scale outside the
    // cluster (a managed database), so absence is left to the platform's declaration.
    if (this.statefulScalers.size > 0)
      set('elasticDataServices', true, [...this.statefulScalers].join(', '));

    const nodes = [...this.nodes.values()];
    if (nodes.length > 0) {
      this.runtimeProtection(nodes.length, set);
      const capacity = nodes.reduce((sum, n) => sum + n.capacity, 0);
      const allocatable = nodes.reduce((sum, n) => sum + n.allocatable, 0);
      const requested = nodes.reduce((sum, n) => sum + n.requested, 0);
      const inflated = nodes.filter(n => n.allocatable > n.capacity).length;
      const ratio = capacity > 0 ? requested / capacity : 0;
      set(
        'overcommit',
        inflated > 0 || ratio > 1,
        `${nodes.length} nodes: CPU requested ${round(requested)} of ${round(
          capacity,
        )} cores of capacity (${Math.round(
          ratio * 100,
        )} %), allocatable ${round(
          allocatable,
        )}; ${inflated} nodes allocate more than their capacity`,
      );
      const shared = nodes.filter(n => n.online && n.offline).length;
      set(
        'colocation',
        shared > 0,
        `${shared} of ${nodes.length} nodes run offline pods (BestEffort or negative priority) beside online ones`,
      );
    }
    const tenants = [...this.tenants].filter(
      n => !SYSTEM_NAMESPACE.test(n) && !this.addOnNamespaces.has(n),
    );
    set(
      'sharedCluster',
      tenants.length >= 2,
      `workloads of ${tenants.length} application namespaces`,
    );
    if (this.claims.size > 0) {
      const claims = [...this.claims.values()];
      const local = claims.filter(name =>
        LOCAL_PROVISIONER.test(
          this.classes.get(name ?? this.defaultClass ?? '') ?? '',
        ),
      ).length;
      set(
        'storageSeparation',
        local === 0,
        `${claims.length - local} of ${
          claims.length
        } bound volumes on network storage classes`,
      );
    }
    if (this.policies || this.constraints) {
      const images = [
        ...(this.policies?.images ?? []),
        ...(this.constraints?.images ?? []),
      ];
      const resources = [
        ...(this.policies?.resources ?? []),
        ...(this.constraints?.resources ?? []),
      ];
      set(
        'admissionPolicies',
        images.length > 0 && resources.length > 0,
        `enforced image rules: ${
          images.join(', ') || 'none'
        }; enforced resource rules: ${resources.join(', ') || 'none'}`,
      );
    } else {
      set(
        'admissionPolicies',
        false,
        'neither Kyverno nor Gatekeeper constraints are installed',
      );
    }
    set(
      'autoInstrumentation',
      (this.instrumentations ?? 0) > 0,
      this.instrumentations === undefined
        ? 'the OpenTelemetry Operator is not installed'
        : `${this.instrumentations} OpenTelemetry Instrumentation${
            this.instrumentations === 1 ? '' : 's'
          }`,
    );
    return { facts, origins };
  }

  /** Runtime protection holds when a Falco or Tetragon DaemonSet is ready on every node. */
  private runtimeProtection(
    nodes: number,
    set: (c: PlatformCapability, value: boolean, from: string) => void,
  ) {
    const protectors = [...this.protectors.values()];
    const covering = protectors.filter(
      d => (d.status?.numberReady ?? 0) >= nodes,
    );
    const partial = protectors
      .map(
        d =>
          `${describeObject(d)} ready on ${
            d.status?.numberReady ?? 0
          } of ${nodes} nodes`,
      )
      .join(', ');
    set(
      'runtimeProtection',
      covering.length > 0,
      partial || 'no Falco or Tetragon DaemonSet running',
    );
  }
}
