import { ResponseError } from '@backstage/errors';
import {
  CheckDefinition,
  DIMENSIONS,
  HistoryResponse,
  LEVELS,
  LeaderboardResponse,
  ModelResponse,
  PRACTICE_CASES,
  PracticeSuggestionsResponse,
  Scorecard,
  WorkloadScorecard,
} from '@internal/plugin-maturity-common';
import { LeaderboardQuery, MaturityApi, PracticeQuery } from '../api';

const check = (id: string, weight: number, remediation: string): CheckDefinition => ({
  id, title: `Title of ${id}`, dimension: 'compute', side: 'business', weight,
  rule: { kind: 'true', fact: `f.${id}` }, rationale: '', remediation, cases: [],
});

/** A small model: four business checks whose weights make the top fixes easy to work out. */
export const model: ModelResponse = {
  dimensions: [...DIMENSIONS],
  levels: [...LEVELS],
  checks: [
    check('a-autoscaling', 3, 'Add an HPA.'),
    check('b-utilisation', 2, 'Right-size requests.'),
    check('c-probes', 1, 'Add probes.'),
    check('d-tracing', 2, 'Instrument it.'),
  ],
  weights: { platform: 0.5, business: 0.5 },
  unknownAsZero: false,
};

export const snapshot = { id: 7, at: '2026-11-23T06:00:00.000Z' };

/** cart: gains a 3, b (2 × 0.5 =) 1, c 1; d passes. */
export const cartScorecard: WorkloadScorecard = {
  kind: 'workload', ref: 'component:default/cart', score: 36.76, platform: 50, business: 23.53,
  level: 'L1', cores: 12, coresSource: 'annotation', product: 'system:default/shop',
  team: 'group:default/checkout', department: 'group:default/retail', company: 'group:default/acme',
  dimensions: { development: 100, compute: 12.5, architecture: null, data: null, security: 40 },
  checks: [
    { id: 'a-autoscaling', status: 'fail', credit: 0, facts: { 'f.a-autoscaling': false }, stale: false },
    { id: 'b-utilisation', status: 'partial', credit: 0.5, facts: { 'f.b-utilisation': 0.25 }, stale: false },
    { id: 'c-probes', status: 'fail', credit: 0, facts: {}, stale: true },
    { id: 'd-tracing', status: 'pass', credit: 1, facts: { 'f.d-tracing': true }, stale: false },
  ],
  problems: [], stale: false, staleSources: [], snapshot,
};

export const retailScorecard: Scorecard = {
  kind: 'department', ref: 'group:default/retail', score: 52, platform: 50, business: 54, level: 'L2',
  cores: 16, workloads: 3, unweightedWorkloads: 1, snapshot,
  members: [
    { kind: 'team', ref: 'group:default/checkout', rank: 1, score: 60, level: 'L3', cores: 12, workloads: 1 },
    { kind: 'team', ref: 'group:default/pricing', rank: 2, score: 28, level: 'L1', cores: 4, workloads: 1 },
    { kind: 'workload', ref: 'component:default/legacy', rank: null, score: null, level: null, cores: 0, workloads: 1 },
  ],
};

export const history = (ref: string, scores: number[]): HistoryResponse => ({
  ref, kind: 'workload',
  points: scores.map((score, i) => ({
    at: new Date(Date.UTC(2026, 10, 20 + i)).toISOString(), score, platform: score, business: score, level: 'L2', cores: 12,
  })),
});

/** A {@link MaturityApi} over fixed data that records what it was asked. */
export class FakeMaturityApi implements MaturityApi {
  readonly calls: string[] = [];
  constructor(
    private readonly data: {
      scorecards?: Record<string, Scorecard>;
      leaderboard?: (query: LeaderboardQuery) => LeaderboardResponse;
      suggestions?: PracticeSuggestionsResponse['items'];
      failWith?: Error;
    },
  ) {}

  async listWorkloads() {
    return { items: [], unweighted: 0, refreshedAt: null };
  }
  async getModel() {
    return model;
  }
  async getScorecard(ref: string) {
    this.calls.push(`scorecard ${ref}`);
    if (this.data.failWith) throw this.data.failWith;
    const card = this.data.scorecards?.[ref];
    if (!card) {
      throw await ResponseError.fromResponse(
        new Response(JSON.stringify({ error: { name: 'NotFoundError', message: `No maturity scorecard for ${ref}` } }), {
          status: 404, headers: { 'content-type': 'application/json' },
        }) as any,
      );
    }
    return card;
  }
  async getHistory(ref: string) {
    return history(ref, [30, 34, 36.76]);
  }
  async listPractices(query: PracticeQuery = {}) {
    this.calls.push(`practices ${JSON.stringify(query)}`);
    return { items: PRACTICE_CASES.filter(c => !query.dimension || c.dimensions.includes(query.dimension as any)) };
  }
  async suggestPractices(ref: string) {
    if (this.data.failWith) throw this.data.failWith;
    return { ref, items: this.data.suggestions ?? [] };
  }
  async getLeaderboard(query: LeaderboardQuery = {}) {
    this.calls.push(`leaderboard ${JSON.stringify(query)}`);
    if (this.data.failWith) throw this.data.failWith;
    return this.data.leaderboard!(query);
  }
}
