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
    resource: ResourceName,
    keep: (object: KubeObject) => T | undefined,
  ): Promise<T[]>;
  /**
   * Lists an add-on's resource ({@link ADD_ON_RESOURCES}) like {@link ClusterSource.list}, or
   * gives `undefined` when the cluster does not serve it (the add-on is not installed).
   */
  listAddOn<T>(
    resource: ResourceName,
    keep: (object: KubeObject) => T | undefined,
  ): Promise<T[] | undefined>;
}
