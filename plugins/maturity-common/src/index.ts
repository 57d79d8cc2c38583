/**
 * What the maturity plugin's browser and backend packages share: the API types, annotation keys
 * and how to read them, the model's definitions (dimensions, levels, checks, facts, the cases),
 * constants and pure formatting. The engine that scores, prices and rolls up runs in the
 * backend; it is in the maturity-node package.
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
