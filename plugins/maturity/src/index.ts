/**
 * Frontend of the cloud-native maturity suite (legacy frontend system).
 * New-frontend-system extensions are exported from `/alpha`.
 *
 * @packageDocumentation
 */
export {
  maturityPlugin,
  MaturityPage,
  EntityMaturityCard,
  EntityMaturityContent,
  EntityBestPracticesCard,
  EntityCostCard,
  EntityCostContent,
  EntityInitiativesCard,
} from './plugin';
export { maturityApiRef, MaturityClient } from './api';
export type {
  HeatmapQuery,
  LeaderboardQuery,
  MaturityApi,
  PracticeQuery,
  WorkloadQuery,
} from './api';
export { LevelBadge } from './components/LevelBadge';
export {
  EntityMaturityLevelFilter,
  EntityMaturityLevelPicker,
} from './components/EntityMaturityLevelPicker';
export { ScoreHistoryChart } from './components/ScoreHistoryChart';
export { DimensionChart } from './components/DimensionChart';
export { CostTrendChart } from './components/CostTrendChart';
export { rootRouteRef } from './routes';
