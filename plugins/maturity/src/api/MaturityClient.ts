import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CostResponse,
  CostWindow,
  HeatmapResponse,
  HistoryResponse,
  Initiative,
  InitiativeDefinition,
  InitiativeListResponse,
  InitiativeResponse,
  InsightResponse,
  LeaderboardResponse,
  ModelResponse,
  PracticeListResponse,
  PracticeSuggestionsResponse,
  Scorecard,
  WorkloadListResponse,
} from '@internal/plugin-maturity-common';
import {
  HeatmapQuery,
  LeaderboardQuery,
  MaturityApi,
  PracticeQuery,
  WorkloadQuery,
} from './MaturityApi';

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value) params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return [kind, namespace, name]
    .map(p => encodeURIComponent(p.toLocaleLowerCase('en-US')))
    .join('/');
}

/** {@link MaturityApi} over HTTP, through the discovery and fetch APIs. @public */
export class MaturityClient implements MaturityApi {
  // The model only changes when the backend restarts with new config.
  private model?: Promise<ModelResponse>;

  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  listWorkloads(query: WorkloadQuery = {}): Promise<WorkloadListResponse> {
    return this.get(`/v1/workloads${queryString(query)}`);
  }

  getModel(): Promise<ModelResponse> {
    this.model ??= this.get<ModelResponse>('/v1/model').catch(error => {
      this.model = undefined;
      throw error;
    });
    return this.model;
  }

  getScorecard(entityRef: string): Promise<Scorecard> {
    return this.get(`/v1/scorecards/${entityPath(entityRef)}`);
  }

  getHistory(
    entityRef: string,
    range: { from?: string; to?: string } = {},
  ): Promise<HistoryResponse> {
    return this.get(
      `/v1/scorecards/${entityPath(entityRef)}/history${queryString(range)}`,
    );
  }

  getLeaderboard(query: LeaderboardQuery = {}): Promise<LeaderboardResponse> {
    return this.get(`/v1/leaderboard${queryString(query)}`);
  }

  getLeaderboardCsv(query: LeaderboardQuery = {}): Promise<string> {
    return this.getCsv(`/v1/leaderboard${queryString(query)}`);
  }

  getInsight(entityRef: string): Promise<InsightResponse> {
    return this.get(`/v1/insight/${entityPath(entityRef)}`);
  }

  getHeatmap(query: HeatmapQuery = {}): Promise<HeatmapResponse> {
    return this.get(`/v1/heatmap${queryString(query)}`);
  }

  getHeatmapCsv(query: HeatmapQuery = {}): Promise<string> {
    return this.getCsv(`/v1/heatmap${queryString(query)}`);
  }

  listInitiatives(entity?: string): Promise<InitiativeListResponse> {
    return this.get(`/v1/initiatives${queryString({ entity })}`);
  }

  getInitiative(id: string): Promise<InitiativeResponse> {
    return this.get(`/v1/initiatives/${encodeURIComponent(id)}`);
  }

  getInitiativeCsv(id: string): Promise<string> {
    return this.getCsv(`/v1/initiatives/${encodeURIComponent(id)}`);
  }

  async createInitiative(
    initiative: InitiativeDefinition,
  ): Promise<Initiative> {
    return (await this.send('POST', '/v1/initiatives', initiative)).json();
  }

  async updateInitiative(
    initiative: InitiativeDefinition,
  ): Promise<Initiative> {
    return (
      await this.send(
        'PUT',
        `/v1/initiatives/${encodeURIComponent(initiative.id)}`,
        initiative,
      )
    ).json();
  }

  async deleteInitiative(id: string): Promise<void> {
    await this.send('DELETE', `/v1/initiatives/${encodeURIComponent(id)}`);
  }

  getCosts(
    entityRef: string,
    window: CostWindow = '30d',
  ): Promise<CostResponse> {
    return this.get(
      `/v1/costs/${entityPath(entityRef)}${queryString({ window })}`,
    );
  }

  listPractices(query: PracticeQuery = {}): Promise<PracticeListResponse> {
    return this.get(`/v1/practices${queryString(query)}`);
  }

  suggestPractices(entityRef: string): Promise<PracticeSuggestionsResponse> {
    return this.get(`/v1/practices/${entityPath(entityRef)}`);
  }

  private async get<T>(path: string): Promise<T> {
    return (await (await this.fetch(path)).json()) as T;
  }

  /** The CSV the same route answers to `Accept: text/csv`. */
  private async getCsv(path: string): Promise<string> {
    return (await this.fetch(path, { accept: 'text/csv' })).text();
  }

  /** A request that changes something, with its JSON body. */
  private send(method: string, path: string, body?: object) {
    return this.fetch(
      path,
      body ? { 'content-type': 'application/json' } : undefined,
      { method, ...(body ? { body: JSON.stringify(body) } : {}) },
    );
  }

  private async fetch(
    path: string,
    headers?: Record<string, string>,
    init: RequestInit = {},
  ) {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('maturity');
    const url = `${baseUrl}${path}`;
    const options = { ...init, ...(headers ? { headers } : {}) };
    const response = await (Object.keys(options).length
      ? this.options.fetchApi.fetch(url, options)
      : this.options.fetchApi.fetch(url));
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
