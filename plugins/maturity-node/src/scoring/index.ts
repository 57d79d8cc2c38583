export * from './checkGains';
export * from './checkOverrides';
export * from './scoreWorkload';
export * from './WeightedMean';
export * from './weights';
