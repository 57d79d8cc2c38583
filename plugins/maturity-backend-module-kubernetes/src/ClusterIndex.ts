import { WorkloadObjects, selects } from './facts/deriveFacts';
import { slimController, slimHpa, slimPdb } from './facts/slimObjects';
import { matches, WorkloadMatcher } from './matchWorkloads';
import { ClusterSource, KubeObject } from './sources/ClusterSource';

const key = (namespace: string | undefined, label: string, value: string) =>
  `${namespace ?? ''}\u0000${label}=${value}`;
const add = <T>(map: Map<string, T[]>, k: string, value: T) => {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
};

/**
 * One cluster's objects, indexed for matching: controllers by each of their labels, HPAs and PDBs
 * by namespace, and each controller's running pods counted as the pod pages arrive (pods are not
 * kept). Lists are read page by page and slimmed as each page arrives, so memory grows with the
 * number of controllers, not with pods or the size of the objects.
 */
export class ClusterIndex {
  private readonly byLabel = new Map<string, KubeObject[]>();
  private readonly bySelector = new Map<string, KubeObject[]>();
  private readonly hpas = new Map<string, KubeObject[]>();
  private readonly pdbs = new Map<string, KubeObject[]>();
  private readonly running = new Map<KubeObject, number>();

  private constructor(readonly cluster: string) {}

  static async read(source: ClusterSource): Promise<ClusterIndex> {
    const index = new ClusterIndex(source.cluster);
    const [deployments, statefulsets, daemonsets, hpas, pdbs] =
      await Promise.all([
        source.list('deployments', slimController),
        source.list('statefulsets', slimController),
        source.list('daemonsets', slimController),
        source.list('horizontalpodautoscalers', slimHpa),
        source.list('poddisruptionbudgets', slimPdb),
      ]);
    for (const c of [...deployments, ...statefulsets, ...daemonsets])
      index.addController(c);
    for (const h of hpas) add(index.hpas, h.metadata?.namespace ?? '', h);
    for (const p of pdbs) add(index.pdbs, p.metadata?.namespace ?? '', p);
    // Pods last: of each running pod only the controllers that select it are kept (a list that
    // restarts after an expired continue token then counts nothing twice).
    const selecting = await source.list('pods', pod =>
      pod.status?.phase === 'Running'
        ? index.controllersSelecting(pod)
        : undefined,
    );
    for (const controllers of selecting) {
      for (const c of controllers)
        index.running.set(c, index.running.get(c)! + 1);
    }
    return index;
  }

  private addController(c: KubeObject) {
    for (const [label, value] of Object.entries(c.metadata?.labels ?? {}))
      add(this.byLabel, key(undefined, label, value), c);
    // Indexed by one of its selector's labels: a pod must carry all of them to be selected.
    const [first] = Object.entries(c.spec?.selector?.matchLabels ?? {});
    if (first)
      add(
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
    };
  }
}
