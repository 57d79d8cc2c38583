export * from './prices';
export * from './workloadCost';
export * from './rightSizing';
