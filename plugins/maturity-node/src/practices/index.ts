export * from './matchCases';
