import { FactValue } from '@internal/plugin-maturity-common';

/**
 * Resources an add-on defines (Kyverno, Gatekeeper, the OpenTelemetry Operator, Trivy Operator,
 * Argo Rollouts, Flagger). A cluster that does not serve one does not run the add-on: the facts
 * it would give are measured as absent where that is the answer (no admission policy), and left
 * to declarations where it is not (a team may release gradually without Argo Rollouts).
 */
const ADD_ONS = [
  'clusterpolicies',
  'policyreports',
  'k8sallowedrepos',
  'k8scontainerlimits',
  'instrumentations',
  'vulnerabilityreports',
  'rollouts',
  'canaries',
] as const;

/** The Kubernetes resources the module reads: every cluster serves these, then the add-ons'. */
export const RESOURCES = [
  'deployments',
  'statefulsets',
  'daemonsets',
  'horizontalpodautoscalers',
  'poddisruptionbudgets',
  'pods',
  'nodes',
  'persistentvolumeclaims',
  'storageclasses',
  'cronjobs',
  ...ADD_ONS,
] as const;

/** One of {@link RESOURCES}. */
export type ResourceName = (typeof RESOURCES)[number];

/**
 * A resource kind an operator's fact reads (`maturity.kubernetes.facts.<name>.resource`), and how
 * one of its objects names the workload it is about: by the name of a controller in its
 * namespace (`target`, a JSONPath such as `$.spec.scaleTargetRef.name`), by a label selector
 * that selects the controller's pods (`selector`, a JSONPath to a `matchLabels` object), or,
 * with neither, every workload in its namespace.
 */
export interface CustomResourceKind {
  /** `group/version`, e.g. `keda.sh/v1alpha1`, or `v1` for the core group. */
  apiVersion: string;
  /** The resource's plural name, e.g. `scaledobjects`. */
  plural: string;
  target?: string;
  selector?: string;
}

/** What a source lists: one of the module's resources, or a kind an operator's fact names. */
export type Listable = ResourceName | CustomResourceKind;

/** A listable's name in messages and recordings: `deployments`, `scaledobjects`. */
export const resourceLabel = (l: Listable) =>
  typeof l === 'string' ? l : l.plural;

/** The add-ons' resources, which {@link ClusterSource.listAddOn} reads. */
export const ADD_ON_RESOURCES: ReadonlySet<ResourceName> = new Set(ADD_ONS);

/** A Kubernetes object in the API's JSON shape (only the fields the module reads are typed). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: any;
  status?: any;
  /** The operator's JSONPath facts, read from the full object before it is slimmed. */
  customFacts?: Record<string, FactValue>;
}

/** An object as origins and messages name it: `Deployment shop/cart`. */
export const describeObject = (o: KubeObject) =>
  `${o.kind} ${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/** Where a cluster's objects come from: the live API or recorded responses. */
export interface ClusterSource {
  readonly cluster: string;
  /**
   * Every object of one resource across all namespaces, following pagination. Each object is
   * passed through `keep` as its page arrives and only what it returns is held (nothing for
   * undefined), so a list never holds more than one page of full objects.
   */
  list<T>(
    resource: Listable,
    keep: (object: KubeObject) => T | undefined,
  ): Promise<T[]>;
  /**
   * Lists an add-on's resource ({@link ADD_ON_RESOURCES}) or an operator's kind like
   * {@link ClusterSource.list}, or gives `undefined` when the cluster does not serve it (the
   * add-on is not installed).
   */
  listAddOn<T>(
    resource: Listable,
    keep: (object: KubeObject) => T | undefined,
  ): Promise<T[] | undefined>;
}
