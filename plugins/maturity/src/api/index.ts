export { maturityApiRef } from './MaturityApi';
export type {
  LeaderboardQuery,
  MaturityApi,
  PracticeQuery,
  WorkloadQuery,
} from './MaturityApi';
export { MaturityClient } from './MaturityClient';
