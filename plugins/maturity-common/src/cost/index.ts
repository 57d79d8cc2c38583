export * from './prices';
export * from './workloadCost';
export * from './rightSizing';
export { workloadCores } from './quantities';
export type { WorkloadCores } from './quantities';
