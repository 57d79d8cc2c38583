import { createApiRef } from '@backstage/core-plugin-api';
import { WorkloadListResponse } from '@internal/plugin-maturity-common';

/** Filters for {@link MaturityApi.listWorkloads}; each is an entity ref. @public */
export interface WorkloadQuery {
  product?: string;
  team?: string;
  department?: string;
  company?: string;
}

/** Client of the maturity backend's REST API. @public */
export interface MaturityApi {
  /** Lists the workloads the backend sees, with hierarchy and cores. */
  listWorkloads(query?: WorkloadQuery): Promise<WorkloadListResponse>;
}

/** Reference to the {@link MaturityApi}. @public */
export const maturityApiRef = createApiRef<MaturityApi>({
  id: 'plugin.maturity.api',
});
