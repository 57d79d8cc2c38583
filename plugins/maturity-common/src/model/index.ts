export * from './checks';
export * from './defaultChecks';
export * from './dimensions';
export * from './facts';
export * from './levels';
export * from './overrides';
export * from './scoreWorkload';
export * from './waivers';
