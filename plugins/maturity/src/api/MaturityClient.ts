import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { WorkloadListResponse } from '@internal/plugin-maturity-common';
import { MaturityApi, WorkloadQuery } from './MaturityApi';

/** {@link MaturityApi} over HTTP, through the discovery and fetch APIs. @public */
export class MaturityClient implements MaturityApi {
  constructor(
    private readonly options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async listWorkloads(query: WorkloadQuery = {}): Promise<WorkloadListResponse> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value) params.set(key, value);
    }
    const qs = params.toString();
    return this.get<WorkloadListResponse>(`/v1/workloads${qs ? `?${qs}` : ''}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('maturity');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
