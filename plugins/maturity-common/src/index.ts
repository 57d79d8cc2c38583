/**
 * The cloud-native maturity model shared by the backend and the frontend: annotation keys,
 * hierarchy rules, API types and the core-weighted roll-up.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './annotationProblems';
export * from './api';
export * from './cost';
export * from './hierarchy';
export * from './model';
export * from './permissions';
export * from './practices';
export * from './scoreWeights';
export * from './weightedMean';
