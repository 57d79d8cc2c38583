import { WorkloadSummary } from '@internal/plugin-maturity-common';

/** Filters for listing workloads; each is an entity ref. */
export interface WorkloadFilter {
  product?: string;
  team?: string;
  department?: string;
  company?: string;
}

/** A workload as the inventory stores it, before it is stamped with a time. */
export type InventoryWorkload = Omit<WorkloadSummary, 'lastSeenAt'>;

/** Persistence of the plugin's state. */
export interface MaturityStore {
  /**
   * Replaces the whole inventory with `workloads` in one transaction: readers see either the
   * previous inventory or the new one, never a mix, and workloads gone from the catalog vanish.
   */
  replaceInventory(workloads: InventoryWorkload[], at: Date): Promise<void>;

  /** Lists current workloads sorted by entity ref. */
  listWorkloads(filter?: WorkloadFilter): Promise<WorkloadSummary[]>;

  /** When the inventory was last replaced, or undefined before the first run. */
  getInventoryRefreshedAt(): Promise<Date | undefined>;
}
