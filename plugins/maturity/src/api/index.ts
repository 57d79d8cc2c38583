export { maturityApiRef } from './MaturityApi';
export type {
  HeatmapQuery,
  LeaderboardQuery,
  MaturityApi,
  PracticeQuery,
  WorkloadQuery,
} from './MaturityApi';
export { MaturityClient } from './MaturityClient';
