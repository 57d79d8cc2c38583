/**
 * What the maturity backend plugin and its modules share: the extension points for fact
 * collectors, and the engine a run applies (scoring checks, weighting by cores, pricing and
 * right-sizing, placing workloads in the organisation, matching cases). None of it runs in the
 * browser; the types and definitions it works on are in the maturity-common package.
 *
 * @packageDocumentation
 */
export * from './extensions';
export * from './cost';
export * from './organisation';
export * from './practices';
export * from './scoring';
export * from './facts/jsonPathFacts';
