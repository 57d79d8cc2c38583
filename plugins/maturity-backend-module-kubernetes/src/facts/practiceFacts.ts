import { FACTS, WorkloadFacts } from '@internal/plugin-maturity-common';
import { describeObject, KubeObject } from '../sources/ClusterSource';

/** Pod-template annotations by which the OpenTelemetry Operator injects instrumentation. */
const OTEL_INJECT =
  /^(instrumentation\.opentelemetry\.io\/inject-[a-z-]+|sidecar\.opentelemetry\.io\/inject)$/;

/** Pod-template labels and annotations by which a mesh injects its sidecar, and sidecar images. */
const MESH_INJECT: Array<[RegExp, RegExp]> = [
  [/^sidecar\.istio\.io\/inject$/, /^true$/],
  [/^istio\.io\/rev$/, /./],
  [/^linkerd\.io\/inject$/, /^(enabled|ingress)$/],
];
const MESH_PROXY_IMAGE =
  /istio\/proxyv2|linkerd\/proxy|cl2-proxy|aeraki|kuma-dp/;

/** How a controller's pods join a mesh, in words, or undefined when they do not. */
function meshOf(c: KubeObject): string | undefined {
  const template = c.spec?.template ?? {};
  const marks = {
    ...(template.metadata?.labels ?? {}),
    ...(template.metadata?.annotations ?? {}),
  } as Record<string, string>;
  const mark = Object.entries(marks).find(([k, v]) =>
    MESH_INJECT.some(([key, value]) => key.test(k) && value.test(String(v))),
  );
  if (mark) return `${mark[0]}: ${mark[1]}`;
  const proxy = (template.spec?.containers ?? [])
    .map((x: any) => String(x.image ?? ''))
    .find((image: string) => MESH_PROXY_IMAGE.test(image));
  return proxy ? `sidecar ${proxy}` : undefined;
}

/**
 * An image as Trivy Operator names it: registry, repository and tag, with Docker Hub's implied
 * registry and `library/` spelled out, so that `nginx:1.27` and
 * `index.docker.io/library/nginx:1.27` are one image.
 */
export function imageKey(image: string): string {
  let rest = image.split('@')[0];
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  let registry = 'index.docker.io';
  if (first.includes('.') || first.includes(':') || first === 'localhost') {
    registry = first === 'docker.io' ? 'index.docker.io' : first;
    rest = rest.slice(slash + 1);
  }
  const colon = rest.lastIndexOf(':');
  let repository = colon < 0 ? rest : rest.slice(0, colon);
  const tag = colon < 0 ? 'latest' : rest.slice(colon + 1);
  if (registry === 'index.docker.io' && !repository.includes('/'))
    repository = `library/${repository}`;
  return `${registry}/${repository}:${tag}`;
}

const key = (namespace: string | undefined, kind: string, name: string) =>
  `${namespace ?? ''}/${kind}/${name}`;

/** The practice facts measured for one workload, and the objects they rest on. */
export interface MeasuredPractices {
  facts: WorkloadFacts;
  /** Per fact, what it was read from, e.g. `Rollout shop/checkout`. */
  from: Record<string, string>;
}

/**
 * What a cluster says about its workloads' delivery and supply chain: progressive delivery
 * (Argo Rollouts, Flagger), image scanning (Trivy Operator's VulnerabilityReports), image
 * signatures (Kyverno's verifyImages results in PolicyReports) and tracing injected by the
 * OpenTelemetry Operator, and traffic through a mesh (its sidecar injected). A practice is measured only on a cluster that runs the add-on that
 * would show it; elsewhere it is left to the owner's declaration. Tracing is measured only where
 * it is injected: without injection a team may still trace with an SDK of its own. Gradual
 * release is not measured for StatefulSets, which neither add-on releases.
 */
export class PracticeEvidence {
  /** Controllers with a Rollout or Canary, by namespace/kind/name. */
  private progressive?: Map<string, string>;
  /** Images with a vulnerability report, by namespace. */
  private scanned?: Map<string, Set<string>>;
  /** Verify-image results by namespace/kind/name: passed, or the first failure. */
  private signatures?: Map<string, { pass: boolean; policy: string }>;

  constructor(
    private readonly options: {
      /** Whether the OpenTelemetry Operator runs on the cluster. */
      openTelemetry: () => boolean;
      /** Names of the cluster's Kyverno rules that verify images. */
      verifyImagesRules: ReadonlySet<string>;
    },
  ) {}

  /** Argo Rollouts (by workloadRef) and Flagger Canaries (by targetRef); undefined: not installed. */
  noteProgressive(
    rollouts: KubeObject[] | undefined,
    canaries: KubeObject[] | undefined,
  ): void {
    if (!rollouts && !canaries) return;
    this.progressive = new Map();
    for (const r of rollouts ?? []) {
      const ref = r.spec?.workloadRef;
      if (ref?.name)
        this.progressive.set(
          key(r.metadata?.namespace, ref.kind ?? 'Deployment', ref.name),
          `Rollout ${r.metadata?.namespace}/${r.metadata?.name}`,
        );
    }
    for (const c of canaries ?? []) {
      const ref = c.spec?.targetRef;
      if (ref?.name)
        this.progressive.set(
          key(c.metadata?.namespace, ref.kind ?? 'Deployment', ref.name),
          `Canary ${c.metadata?.namespace}/${c.metadata?.name}`,
        );
    }
  }

  noteVulnerabilityReports(reports: KubeObject[] | undefined): void {
    if (!reports) return;
    this.scanned = new Map();
    for (const r of reports) {
      const report = (r as any).report ?? {};
      const image = imageKey(
        `${report.registry?.server ?? 'index.docker.io'}/${
          report.artifact?.repository ?? ''
        }:${report.artifact?.tag ?? 'latest'}`,
      );
      const namespace = r.metadata?.namespace ?? '';
      let images = this.scanned.get(namespace);
      if (!images) this.scanned.set(namespace, (images = new Set()));
      images.add(image);
    }
  }

  /**
   * PolicyReport results of verifyImages rules, for the resource each report is scoped to (or
   * the resources each result names, in older reports).
   */
  notePolicyReports(reports: KubeObject[] | undefined): void {
    if (!reports) return;
    this.signatures = new Map();
    for (const r of reports) {
      const scope = (r as any).scope;
      for (const result of (r as any).results ?? []) {
        if (!this.options.verifyImagesRules.has(result.rule)) continue;
        const resources = scope ? [scope] : result.resources ?? [];
        for (const res of resources) {
          const k = key(
            res.namespace ?? r.metadata?.namespace,
            res.kind,
            res.name,
          );
          const before = this.signatures.get(k);
          const pass = result.result === 'pass';
          if (!before || (before.pass && !pass))
            this.signatures.set(k, { pass, policy: String(result.policy) });
        }
      }
    }
  }

  /** The practices measured for a workload's controllers. */
  practicesOf(controllers: KubeObject[]): MeasuredPractices {
    const facts: WorkloadFacts = {};
    const from: Record<string, string> = {};
    const keys = controllers.map(c =>
      key(c.metadata?.namespace, c.kind ?? '', c.metadata?.name ?? ''),
    );
    const names = controllers.map(describeObject);
    // Argo Rollouts and Flagger release Deployments (Flagger DaemonSets too), not StatefulSets.
    const releasable = controllers
      .map((c, i) => ({ kind: c.kind, key: keys[i], name: names[i] }))
      .filter(c => c.kind !== 'StatefulSet');
    if (this.progressive && releasable.length > 0) {
      const found = releasable.map(c => this.progressive!.get(c.key));
      const id = FACTS.practice('gradual-release');
      facts[id] = found.every(Boolean);
      from[id] = found.every(Boolean)
        ? found.join(', ')
        : `no Rollout or Canary targets ${releasable
            .map(c => c.name)
            .join(', ')}`;
    }
    if (this.scanned) {
      const images = controllers.flatMap(c =>
        (c.spec?.template?.spec?.containers ?? []).map((x: any) =>
          String(x.image ?? ''),
        ),
      );
      const missing = images.filter(
        (image, i) =>
          !this.scanned!.get(controllers[0].metadata?.namespace ?? '')?.has(
            imageKey(image),
          ) && images.indexOf(image) === i,
      );
      const id = FACTS.practice('image-scanning');
      facts[id] = images.length > 0 && missing.length === 0;
      from[id] =
        missing.length === 0
          ? `VulnerabilityReports for ${images.join(', ')}`
          : `no VulnerabilityReport for ${missing.join(', ')}`;
    }
    if (this.signatures) {
      const results = keys.map(k => this.signatures!.get(k));
      const id = FACTS.practice('image-signing');
      const failed = results.find(r => r && !r.pass);
      facts[id] = results.every(r => r?.pass);
      if (failed)
        from[
          id
        ] = `policy ${failed.policy} failed to verify the image signature`;
      else if (facts[id])
        from[id] = `image signatures verified by ${results[0]!.policy}`;
      else from[id] = `no verifyImages result for ${names.join(', ')}`;
    }
    // A mesh sidecar shows traffic routed through the mesh; its absence does not show none (the
    // service may be published through a gateway instead).
    const meshes = controllers.map(meshOf);
    if (meshes.every(Boolean)) {
      const id = FACTS.practice('mesh-or-gateway');
      facts[id] = true;
      from[id] = `mesh sidecar on the pod template of ${names
        .map((name, i) => `${name} (${meshes[i]})`)
        .join(', ')}`;
    }
    // Injection shows tracing; its absence does not show none (a team may use an SDK itself).
    if (
      this.options.openTelemetry() &&
      controllers.every(c =>
        Object.entries(c.spec?.template?.metadata?.annotations ?? {}).some(
          ([k, v]) => OTEL_INJECT.test(k) && v !== 'false',
        ),
      )
    ) {
      const id = FACTS.practice('tracing');
      facts[id] = true;
      from[
        id
      ] = `OpenTelemetry injection annotations on the pod template of ${names.join(
        ', ',
      )}`;
    }
    return { facts, from };
  }
}
