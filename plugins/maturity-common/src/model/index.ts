export * from './checks';
export * from './defaultChecks';
export * from './dimensions';
export * from './facts';
export * from './levels';
export * from './checkResults';
export * from './waivers';
