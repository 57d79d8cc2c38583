import { FactOrigin, WorkloadFacts } from '@internal/plugin-maturity-common';
import {
  ClusterNode,
  JsonPathFactDefinition,
  readJsonPathFact,
} from '@internal/plugin-maturity-node';
import { WorkloadObjects, selects } from './facts/deriveFacts';
import { instanceType, NodeCapacity } from './facts/nodeCapacity';
import { PlatformEvidence } from './facts/platformFacts';
import { PracticeEvidence } from './facts/practiceFacts';
import { VolumeClaims } from './facts/volumeClaims';
import { ResourceFactDefinition, ResourceFacts } from './facts/resourceFacts';
import { slimController, slimHpa, slimPdb } from './facts/slimObjects';
import { addCounts, addTo } from './grouping';
import { matches, WorkloadMatcher } from './matchWorkloads';
import { ClusterSource, KubeObject } from './sources/ClusterSource';

const key = (namespace: string | undefined, label: string, value: string) =>
  `${namespace ?? ''}\u0000${label}=${value}`;

/**
 * One cluster's objects, indexed for matching: controllers by each of their labels, HPAs and PDBs
 * by namespace, and each controller's running pods counted as the pod pages arrive (pods are not
 * kept). Lists are read page by page and slimmed as each page arrives, so memory grows with the
 * number of controllers, not with pods or the size of the objects. As they arrive, the same lists
 * (and the nodes, volumes and add-ons' resources) are noted for the cluster's platform facts,
 * which every workload on it shares, and for the practices measured per workload.
 */
export class ClusterIndex {
  /** What the cluster offers every workload on it, with the origin of each fact. */
  platform: { facts: WorkloadFacts; origins: Record<string, FactOrigin> } = {
    facts: {},
    origins: {},
  };
  /** Its machines and what the pods running on them request, for the cluster's cost. */
  nodes: ClusterNode[] = [];
  private readonly volumeClaims = new VolumeClaims();
  private practices?: PracticeEvidence;
  private resourceFacts?: ResourceFacts;

  private readonly byLabel = new Map<string, KubeObject[]>();
  private readonly bySelector = new Map<string, KubeObject[]>();
  private readonly hpas = new Map<string, KubeObject[]>();
  private readonly pdbs = new Map<string, KubeObject[]>();
  private readonly running = new Map<KubeObject, number>();
  /** Instance types by node name, and each controller's running pods by their node's type. */
  private readonly nodeTypeOf = new Map<string, string>();
  private readonly podTypes = new Map<KubeObject, Map<string, number>>();

  private constructor(readonly cluster: string) {}

  static async read(
    source: ClusterSource,
    customFacts: Record<string, JsonPathFactDefinition> = {},
    resourceFacts: Record<string, ResourceFactDefinition> = {},
  ): Promise<ClusterIndex> {
    const index = new ClusterIndex(source.cluster);
    const platform = new PlatformEvidence(source.cluster);
    const capacity = new NodeCapacity();
    const custom = Object.entries(customFacts);
    const controller = (o: KubeObject) => {
      platform.noteController(o);
      const slim = slimController(o);
      if (custom.length > 0) {
        slim.customFacts = {};
        for (const [name, definition] of custom) {
          const value = readJsonPathFact(definition, o);
          if (value !== undefined) slim.customFacts[name] = value;
        }
      }
      return slim;
    };
    const [deployments, statefulsets, daemonsets, hpas, pdbs] =
      await Promise.all([
        source.list('deployments', controller),
        source.list('statefulsets', controller),
        source.list('daemonsets', controller),
        source.list('horizontalpodautoscalers', o => {
          platform.noteScaler(o);
          return slimHpa(o);
        }),
        source.list('poddisruptionbudgets', slimPdb),
        source.list('cronjobs', o => platform.noteController(o)),
        source.list('nodes', o => {
          const type = instanceType(o);
          if (type) index.nodeTypeOf.set(o.metadata?.name ?? '', type);
          platform.noteNode(o);
          capacity.noteNode(o);
        }),
        source.list('storageclasses', o => {
          platform.noteStorageClass(o);
          index.volumeClaims.noteStorageClass(o);
        }),
        source.list('persistentvolumeclaims', o => {
          platform.noteClaim(o);
          index.volumeClaims.noteClaim(o);
        }),
      ]);
    const keepAll = (o: KubeObject) => o;
    const [policies, allowedRepos, limits, instrumentations] =
      await Promise.all([
        source.listAddOn('clusterpolicies', keepAll),
        source.listAddOn('k8sallowedrepos', keepAll),
        source.listAddOn('k8scontainerlimits', keepAll),
        source.listAddOn('instrumentations', keepAll),
      ]);
    platform.notePolicies(policies);
    platform.noteConstraints(allowedRepos, limits);
    platform.noteInstrumentations(instrumentations);
    const practices = new PracticeEvidence({
      openTelemetry: () => platform.hasOpenTelemetryOperator,
      verifyImagesRules: platform.verifyImagesRules,
    });
    const [rollouts, canaries, vulnerabilityReports, policyReports] =
      await Promise.all([
        source.listAddOn('rollouts', keepAll),
        source.listAddOn('canaries', keepAll),
        source.listAddOn('vulnerabilityreports', r => ({
          metadata: { namespace: r.metadata?.namespace },
          report: {
            registry: (r as any).report?.registry,
            artifact: (r as any).report?.artifact,
          },
        })),
        source.listAddOn('policyreports', keepAll),
      ]);
    practices.noteProgressive(rollouts, canaries);
    practices.noteVulnerabilityReports(vulnerabilityReports);
    practices.notePolicyReports(policyReports);
    index.practices = practices;
    index.resourceFacts = await ResourceFacts.read(source, resourceFacts);
    for (const c of [...deployments, ...statefulsets, ...daemonsets])
      index.addController(c);
    for (const h of hpas) addTo(index.hpas, h.metadata?.namespace ?? '', h);
    for (const p of pdbs) addTo(index.pdbs, p.metadata?.namespace ?? '', p);
    // Pods last: of each running pod only the controllers that select it are kept (a list that
    // restarts after an expired continue token then counts nothing twice).
    const running = await source.list('pods', pod =>
      pod.status?.phase === 'Running'
        ? {
            controllers: index.controllersSelecting(pod),
            load: platform.podLoad(pod),
            nodeType: index.nodeTypeOf.get(pod.spec?.nodeName ?? ''),
          }
        : undefined,
    );
    for (const { controllers, load, nodeType } of running) {
      for (const c of controllers) {
        index.running.set(c, index.running.get(c)! + 1);
        if (nodeType) {
          const types = index.podTypes.get(c) ?? new Map<string, number>();
          types.set(nodeType, (types.get(nodeType) ?? 0) + 1);
          index.podTypes.set(c, types);
        }
      }
      platform.notePod(load);
      capacity.notePod(load);
    }
    index.platform = platform.facts();
    index.nodes = capacity.list();
    return index;
  }

  /** The operator's facts read from objects of named kinds, for a workload's controllers. */
  resourceFactsOf(controllers: KubeObject[]) {
    return this.resourceFacts!.factsOf(controllers);
  }

  /** The practices measured for a workload's controllers on this cluster. */
  practicesOf(controllers: KubeObject[]) {
    return this.practices!.practicesOf(controllers);
  }

  private addController(c: KubeObject) {
    for (const [label, value] of Object.entries(c.metadata?.labels ?? {}))
      addTo(this.byLabel, key(undefined, label, value), c);
    // Indexed by one of its selector's labels: a pod must carry all of them to be selected.
    const [first] = Object.entries(c.spec?.selector?.matchLabels ?? {});
    if (first)
      addTo(
        this.bySelector,
        key(c.metadata?.namespace, first[0], String(first[1])),
        c,
      );
    this.running.set(c, 0);
  }

  private controllersSelecting(pod: KubeObject): KubeObject[] {
    const namespace = pod.metadata?.namespace;
    const labels = pod.metadata?.labels ?? {};
    const selecting: KubeObject[] = [];
    // A controller sits under one of its selector's labels, so each is looked at once a pod.
    for (const [label, value] of Object.entries(labels)) {
      for (const c of this.bySelector.get(key(namespace, label, value)) ?? []) {
        if (selects(c.spec?.selector, labels)) selecting.push(c);
      }
    }
    return selecting;
  }

  /** The objects of the workload a Component names: its controllers and what is around them. */
  objectsOf(matcher: WorkloadMatcher): WorkloadObjects {
    const [label, value] = Object.entries(matcher.labels)[0] ?? [];
    const candidates =
      label === undefined
        ? []
        : this.byLabel.get(key(undefined, label, value)) ?? [];
    const controllers = candidates.filter(c => matches(matcher, c));
    const namespaces = [
      ...new Set(controllers.map(c => c.metadata?.namespace ?? '')),
    ];
    return {
      controllers,
      hpas: namespaces.flatMap(n => this.hpas.get(n) ?? []),
      pdbs: namespaces.flatMap(n => this.pdbs.get(n) ?? []),
      runningPods: controllers.reduce(
        (sum, c) => sum + (this.running.get(c) ?? 0),
        0,
      ),
      nodeTypes: addCounts(controllers.map(c => this.podTypes.get(c))),
      volumes: this.volumeClaims.volumesOf(controllers),
    };
  }
}
