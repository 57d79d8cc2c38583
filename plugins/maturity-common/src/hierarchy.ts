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
