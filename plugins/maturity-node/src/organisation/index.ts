export * from './resolveWorkloadHierarchy';
