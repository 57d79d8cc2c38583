export { maturityApiRef } from './MaturityApi';
export type { MaturityApi, WorkloadQuery } from './MaturityApi';
export { MaturityClient } from './MaturityClient';
