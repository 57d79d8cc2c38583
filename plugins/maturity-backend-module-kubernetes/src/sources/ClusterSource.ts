/** The Kubernetes resources the module reads. */
export const RESOURCES = [
  'deployments',
  'statefulsets',
  'daemonsets',
  'horizontalpodautoscalers',
  'poddisruptionbudgets',
  'pods',
] as const;

/** One of {@link RESOURCES}. */
export type ResourceName = (typeof RESOURCES)[number];

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
}

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
}
