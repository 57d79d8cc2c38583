import { createApiRef } from '@backstage/core-plugin-api';
import {
  CostResponse,
  CostWindow,
  HeatmapLevel,
  HeatmapResponse,
  HistoryResponse,
  Initiative,
  InitiativeDefinition,
  InitiativeListResponse,
  InitiativeResponse,
  InsightResponse,
  LeaderboardOrder,
  LeaderboardResponse,
  ModelResponse,
  PracticeListResponse,
  PracticeSuggestionsResponse,
  RollUpLevel,
  Scorecard,
  WorkloadListResponse,
} from '@internal/plugin-maturity-common';

/** Filters for {@link MaturityApi.listWorkloads}; each is an entity ref. @public */
export interface WorkloadQuery {
  product?: string;
  team?: string;
  department?: string;
  company?: string;
}

/** Options of {@link MaturityApi.getLeaderboard}. @public */
export interface LeaderboardQuery {
  level?: RollUpLevel;
  /** Rank by score (default), potential saving or waste share. */
  by?: LeaderboardOrder;
  /** How far back changes are measured, e.g. `30d`. */
  window?: string;
  /** Only rows under this department (entity ref). */
  department?: string;
  /** Only rows whose entity ref contains this text, ignoring case. */
  q?: string;
  /** Rows to skip, and at most how many to return (1–1000; default all). */
  offset?: number;
  limit?: number;
}

/** Client of the maturity backend's REST API. @public */
export interface MaturityApi {
  /** Lists the workloads the backend sees, with hierarchy and cores. */
  listWorkloads(query?: WorkloadQuery): Promise<WorkloadListResponse>;
  /** The model in force: dimensions, levels, checks, weights. Fetched once per page load. */
  getModel(): Promise<ModelResponse>;
  /** The scorecard of a Component, System or Group, by entity ref. */
  getScorecard(entityRef: string): Promise<Scorecard>;
  /** Score history of an entity; `from`/`to` are ISO 8601 times. */
  getHistory(
    entityRef: string,
    range?: { from?: string; to?: string },
  ): Promise<HistoryResponse>;
  getLeaderboard(query?: LeaderboardQuery): Promise<LeaderboardResponse>;
  /** An entity's cost view over a window (default 30d). */
  getCosts(entityRef: string, window?: CostWindow): Promise<CostResponse>;
  /** The same leaderboard as CSV text: a header line, then a line per row. */
  getLeaderboardCsv(query?: LeaderboardQuery): Promise<string>;
  /** What holds a group back: dimensions, check adoption, and the fixes that add most. */
  getInsight(entityRef: string): Promise<InsightResponse>;
  /** Groups × checks, each cell the share of the group's cores passing the check. */
  getHeatmap(query?: HeatmapQuery): Promise<HeatmapResponse>;
  /** The same heatmap as CSV text. */
  getHeatmapCsv(query?: HeatmapQuery): Promise<string>;
  /** The initiatives the caller may read; with `entity`, those whose scope holds it. */
  listInitiatives(entity?: string): Promise<InitiativeListResponse>;
  /** One initiative with its progress per department and team, and its burndown. */
  getInitiative(id: string): Promise<InitiativeResponse>;
  /** One initiative's progress as CSV: its scope's, then each department's and team's. */
  getInitiativeCsv(id: string): Promise<string>;
  /** Creates an initiative (needs maturity.initiative.manage). */
  createInitiative(initiative: InitiativeDefinition): Promise<Initiative>;
  /** Replaces an initiative created through the API (needs maturity.initiative.manage). */
  updateInitiative(initiative: InitiativeDefinition): Promise<Initiative>;
  /** Deletes an initiative created through the API (needs maturity.initiative.manage). */
  deleteInitiative(id: string): Promise<void>;
  /** Best-practice cases, optionally filtered. */
  listPractices(query?: PracticeQuery): Promise<PracticeListResponse>;
  /** The cases most relevant to an entity, with reasons. */
  suggestPractices(entityRef: string): Promise<PracticeSuggestionsResponse>;
}

/** Options of {@link MaturityApi.getHeatmap}. @public */
export interface HeatmapQuery {
  /** department (default), team (needs `department`) or platform. */
  level?: HeatmapLevel;
  department?: string;
}

/** Filters of {@link MaturityApi.listPractices}. @public */
export interface PracticeQuery {
  dimension?: string;
  category?: string;
  industry?: string;
}

/** Reference to the {@link MaturityApi}. @public */
export const maturityApiRef = createApiRef<MaturityApi>({
  id: 'plugin.maturity.api',
});
