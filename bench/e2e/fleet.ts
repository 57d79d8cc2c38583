/**
 * The fleet the end-to-end benchmark runs: workload `i` of `n`, its team, product, namespace and
 * size, made on demand from `i` alone, so the catalog, the Kubernetes replay and the Prometheus
 * data all describe the same workloads without sharing a list.
 */
export const DEPARTMENTS = 8;
export const WORKLOADS_PER_TEAM = 40;
export const WORKLOADS_PER_PRODUCT = 12;
/** The ReplicaSet hash of every Deployment's pods. */
export const TEMPLATE_HASH = '7d9f8c6b5';

export const nameOf = (i: number) => `w-${String(i).padStart(6, '0')}`;
export const teamOf = (i: number) => Math.floor(i / WORKLOADS_PER_TEAM);
export const productOf = (i: number) => Math.floor(i / WORKLOADS_PER_PRODUCT);
export const departmentOf = (team: number) => team % DEPARTMENTS;
/** One namespace a team, as many companies give them. */
export const namespaceOf = (i: number) => `team-${teamOf(i)}`;
/** CPU requested per replica, in cores: 0.25 to 8, most small. */
export const coresOf = (i: number) =>
  [0.25, 0.5, 0.5, 1, 1, 1, 2, 2, 4, 8][(i * 7) % 10];
/** Replicas of its Deployment. */
export const replicasOf = (i: number) => 1 + (i % 3);
/** The name of the pod Prometheus holds series for (the first replica). */
export const podOf = (i: number) =>
  `${nameOf(i)}-${TEMPLATE_HASH}-${(i % 99_991).toString(36).padStart(5, 'b')}`;

/** Entities the fleet of `n` workloads puts in the catalog: its Groups, Systems and Components. */
export const fleetEntityCount = (n: number) =>
  1 +
  DEPARTMENTS +
  Math.ceil(n / WORKLOADS_PER_TEAM) +
  Math.ceil(n / WORKLOADS_PER_PRODUCT) +
  n;
