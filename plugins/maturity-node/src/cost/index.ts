export * from './computeWorkloadCost';
export * from './pricesFor';
export * from './rightSizing';
export { workloadCores } from './workloadCores';
export type { WorkloadCores } from './workloadCores';
export * from './forecastMonth';
export * from './clusterCost';
export * from './nodeSignals';
