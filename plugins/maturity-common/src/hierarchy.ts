/** Where a workload sits in the organisation, as entity refs. @public */
export interface WorkloadHierarchy {
  /** The Component's `spec.system`. */
  product?: string;
  /** The owning Group, unless that Group is itself a department or the company. */
  team?: string;
  /** The nearest Group of `spec.type: department` on the owner's parent chain. */
  department?: string;
  /** The nearest Group of `spec.type: organization` on the chain, else its root Group. */
  company?: string;
}

/**
 * The catalog ref a platform is ranked under: the Resource that models the cluster (or the
 * declared platform), `resource:default/<name>`. A caller sees a platform's row when they may
 * read that Resource; a catalog without one shows the platform only to callers who may read all.
 * @public
 */
export const stringifyPlatformRef = (name: string) =>
  `resource:default/${name.toLocaleLowerCase('en-US')}`;
