import { RolledGroup } from './GroupRollUp';

/**
 * The detail stored with a group's row: what its scorecard, cost view and suggested cases would
 * otherwise read every workload under it for (the company's: every workload there is).
 */
export type GroupDetail = Pick<
  RolledGroup,
  'unweightedWorkloads' | 'estimatedWorkloads' | 'dimensions' | 'members'
> & {
  /** On a company: the run's workloads whose owner is no Group in the catalog, so in no company. */
  unassignedWorkloads?: number;
};
