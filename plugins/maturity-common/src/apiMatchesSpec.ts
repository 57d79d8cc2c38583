import type * as Api from './api';
import type { operations } from './schema/openapi.generated';

/**
 * The API types the frontend and its client use, checked against the OpenAPI spec, which is the
 * contract: `yarn tsc` fails when one strays from it. The backend's answers are held to the same
 * spec by its typed router and by a test that validates real answers (openapi.test.ts), so a type
 * that matches the spec here matches what the backend sends.
 *
 * Each check goes both ways: every value of the type is an answer the spec allows (the frontend
 * builds on nothing the backend does not send), and every answer the spec allows is a value of
 * the type (the frontend handles whatever the backend may send).
 */

/** The JSON body of an operation's answer with `status`. */
type Answer<O extends keyof operations> = operations[O]['responses'] extends {
  200: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

type Fits<A, B> = [A] extends [B] ? true : false;
type Same<A, B> = Fits<A, B> extends true ? Fits<B, A> : false;
type Expect<T extends true> = T;

export type ApiMatchesSpec = [
  Expect<Same<Api.WorkloadListResponse, Answer<'ListWorkloads'>>>,
  Expect<Same<Api.ModelResponse, Answer<'GetModel'>>>,
  Expect<Same<Api.Scorecard, Answer<'GetScorecard'>>>,
  Expect<Same<Api.HistoryResponse, Answer<'GetScorecardHistory'>>>,
  Expect<Same<Api.LeaderboardResponse, Answer<'GetLeaderboard'>>>,
  Expect<Same<Api.EntityLabelsResponse, Answer<'ListLabels'>>>,
  Expect<Same<Api.PracticeListResponse, Answer<'ListPractices'>>>,
  Expect<Same<Api.CostResponse, Answer<'GetCosts'>>>,
  Expect<Same<Api.CostHistoryResponse, Answer<'GetCostHistory'>>>,
  Expect<Same<Api.PracticeSuggestionsResponse, Answer<'SuggestPractices'>>>,
  Expect<Same<Api.InsightResponse, Answer<'GetInsight'>>>,
  Expect<Same<Api.HeatmapResponse, Answer<'GetHeatmap'>>>,
  Expect<Same<Api.InitiativeListResponse, Answer<'ListInitiatives'>>>,
  Expect<Same<Api.InitiativeResponse, Answer<'GetInitiative'>>>,
];
