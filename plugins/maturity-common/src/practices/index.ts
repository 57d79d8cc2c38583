export * from './cases';
export * from './describeOutcome';
