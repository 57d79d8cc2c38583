export * from './cases';
export * from './describeOutcome';
export * from './matchCases';
