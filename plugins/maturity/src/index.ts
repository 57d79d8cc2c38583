/**
 * Frontend of the cloud-native maturity suite (legacy frontend system).
 * New-frontend-system extensions are exported from `/alpha`.
 *
 * @packageDocumentation
 */
export { maturityPlugin, MaturityLeaderboardPage, EntityMaturityCard } from './plugin';
export { maturityApiRef, MaturityClient } from './api';
export type { MaturityApi, WorkloadQuery } from './api';
export { rootRouteRef } from './routes';
