import { ResponseError } from '@backstage/errors';
import {
  CheckDefinition,
  CostResponse,
  CostWindow,
  DIMENSIONS,
  GroupScorecard,
  HeatmapResponse,
  InitiativeDefinition,
  InitiativeResponse,
  InsightResponse,
  LEVELS,
  LeaderboardResponse,
  ModelResponse,
  PRACTICE_CASES,
  PracticeSuggestionsResponse,
  Scorecard,
  WorkloadScorecard,
} from '@internal/plugin-maturity-common';
import {
  HeatmapQuery,
  LeaderboardQuery,
  MaturityApi,
  PracticeQuery,
} from '../api';

const check = (
  id: string,
  weight: number,
  remediation: string,
): CheckDefinition => ({
  id,
  title: `Title of ${id}`,
  dimension: 'compute',
  side: 'business',
  weight,
  rule: { kind: 'true', fact: `f.${id}` },
  rationale: '',
  remediation,
  cases: [],
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
  declaredFacts: 'half',
};

export const snapshot = { id: 7, at: '2026-11-23T06:00:00.000Z' };

/**
 * cart: gains a 3, b (2 × 0.5 =) 1, c 1; d passes. a and b rest on measured facts, d on a
 * declared one: measured share (3 + 2) / (3 + 2 + 1 + 2) = 0.625.
 */
export const cartScorecard: WorkloadScorecard = {
  kind: 'workload',
  ref: 'component:default/cart',
  score: 36.76,
  platform: 50,
  business: 23.53,
  level: 'L1',
  cores: 12,
  coresSource: 'annotation',
  product: 'system:default/shop',
  team: 'group:default/checkout',
  department: 'group:default/retail',
  company: 'group:default/acme',
  dimensions: {
    development: 100,
    compute: 12.5,
    architecture: null,
    data: null,
    security: 40,
  },
  checks: [
    {
      id: 'a-autoscaling',
      status: 'fail',
      credit: 0,
      facts: { 'f.a-autoscaling': false },
      stale: false,
      basis: 'measured',
      provenance: {
        'f.a-autoscaling': {
          source: 'kubernetes',
          from: 'cluster prod-a: Deployment shop/cart',
          at: '2026-11-23T05:58:00.000Z',
        },
      },
    },
    {
      id: 'b-utilisation',
      status: 'partial',
      credit: 0.5,
      facts: {
        'f.b-utilisation': 0.25,
        'prometheus.cpuP95': 0.7340239583333333,
      },
      stale: false,
      basis: 'measured',
    },
    { id: 'c-probes', status: 'fail', credit: 0, facts: {}, stale: true },
    {
      id: 'd-tracing',
      status: 'pass',
      credit: 1,
      facts: { 'f.d-tracing': true },
      stale: false,
      basis: 'declared',
      provenance: {
        'f.d-tracing': {
          source: 'annotation',
          from: 'annotation maturity.cloudnative.dev/practices',
          at: '2026-11-23T05:58:00.000Z',
        },
      },
    },
  ],
  // L2 needs a score of 40 and, in this model, passing c-probes.
  nextLevel: { level: 'L2', minScore: 40, blockingChecks: ['c-probes'] },
  measuredShare: 0.625,
  problems: [],
  stale: false,
  staleSources: [],
  snapshot,
};

export const retailScorecard: Scorecard = {
  kind: 'department',
  ref: 'group:default/retail',
  score: 52,
  platform: 50,
  business: 54,
  level: 'L2',
  cores: 16,
  workloads: 3,
  unweightedWorkloads: 1,
  measuredShare: 0.7,
  dimensions: {
    development: 70,
    compute: 45,
    architecture: 55,
    data: null,
    security: 30,
  },
  adoption: { 'c-probes': 0.25, 'd-tracing': 0.75 },
  snapshot,
  members: [
    {
      kind: 'team',
      ref: 'group:default/checkout',
      rank: 1,
      score: 60,
      level: 'L3',
      cores: 12,
      workloads: 1,
    },
    {
      kind: 'team',
      ref: 'group:default/pricing',
      rank: 2,
      score: 28,
      level: 'L1',
      cores: 4,
      workloads: 1,
    },
    {
      kind: 'workload',
      ref: 'component:default/legacy',
      rank: null,
      score: null,
      level: null,
      cores: 0,
      workloads: 1,
    },
  ],
};

const notFound = (message: string) =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({ error: { name: 'NotFoundError', message } }),
      {
        status: 404,
        headers: { 'content-type': 'application/json' },
      },
    ) as any,
  );

/** A {@link MaturityApi} over fixed data that records what it was asked. */
export class FakeMaturityApi implements MaturityApi {
  readonly calls: string[] = [];
  constructor(
    private readonly data: {
      /** The model in force; default {@link model}. */
      model?: ModelResponse;
      scorecards?: Record<string, Scorecard>;
      leaderboard?: (query: LeaderboardQuery) => LeaderboardResponse;
      suggestions?: PracticeSuggestionsResponse['items'];
      costs?: Record<string, CostResponse>;
      insights?: Record<string, InsightResponse>;
      initiatives?: InitiativeResponse[];
      heatmap?: (query: HeatmapQuery) => HeatmapResponse;
      failWith?: Error;
    },
  ) {}

  async listWorkloads() {
    return { items: [], total: 0, unweighted: 0, refreshedAt: null };
  }
  async getModel() {
    return this.data.model ?? model;
  }
  async getScorecard(ref: string) {
    this.calls.push(`scorecard ${ref}`);
    if (this.data.failWith) throw this.data.failWith;
    const card = this.data.scorecards?.[ref];
    if (!card) throw await notFound(`No maturity scorecard for ${ref}`);
    return card;
  }
  /** Points 300, 60, 25, 15 and 1 days ago, those from `range.from` on. */
  async getHistory(ref: string, range: { from?: string } = {}) {
    const days = range.from
      ? Math.round((Date.now() - Date.parse(range.from)) / 86_400_000)
      : undefined;
    this.calls.push(`history ${ref} ${days ?? 'default'}`);
    const points = [
      [300, 20],
      [60, 28],
      [25, 30],
      [15, 34],
      [1, 36.76],
    ].map(([ago, score]) => ({
      at: new Date(Date.now() - ago * 86_400_000).toISOString(),
      score,
      platform: score,
      business: score,
      level: 'L2' as const,
      cores: 12,
    }));
    return {
      ref,
      kind: 'workload' as const,
      points: points.filter(p => !range.from || p.at >= range.from!),
    };
  }
  async getCosts(ref: string, window: CostWindow = '30d') {
    this.calls.push(`costs ${ref} ${window}`);
    if (this.data.failWith) throw this.data.failWith;
    const costs = this.data.costs?.[ref];
    if (!costs) throw await notFound(`No maturity scorecard for ${ref}`);
    return { ...costs, window };
  }
  async listPractices(query: PracticeQuery = {}) {
    this.calls.push(`practices ${JSON.stringify(query)}`);
    return {
      items: PRACTICE_CASES.filter(
        c => !query.dimension || c.dimensions.includes(query.dimension as any),
      ),
    };
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
  async getLeaderboardCsv(query: LeaderboardQuery = {}) {
    this.calls.push(`leaderboard csv ${JSON.stringify(query)}`);
    return 'rank,ref\r\n';
  }
  async listInitiatives(entity?: string) {
    this.calls.push(`initiatives ${entity ?? ''}`.trim());
    if (this.data.failWith) throw this.data.failWith;
    return {
      items: (this.data.initiatives ?? []).map(
        ({ groups: _, burndown: __, snapshot: ___, ...i }) => i,
      ),
      snapshot,
    };
  }
  async getInitiative(id: string) {
    this.calls.push(`initiative ${id}`);
    const found = this.data.initiatives?.find(i => i.id === id);
    if (!found) throw await notFound(`No initiative '${id}'`);
    return found;
  }
  async getInitiativeCsv(id: string) {
    this.calls.push(`initiative csv ${id}`);
    return 'ref,kind\r\n';
  }
  async createInitiative(initiative: InitiativeDefinition) {
    this.calls.push(`create initiative ${JSON.stringify(initiative)}`);
    if (this.data.failWith) throw this.data.failWith;
    return { ...initiative, source: 'api' as const, progress: null };
  }
  async updateInitiative(initiative: InitiativeDefinition) {
    this.calls.push(`update initiative ${initiative.id}`);
    return { ...initiative, source: 'api' as const, progress: null };
  }
  async deleteInitiative(id: string) {
    this.calls.push(`delete initiative ${id}`);
  }
  async getInsight(ref: string) {
    this.calls.push(`insight ${ref}`);
    if (this.data.failWith) throw this.data.failWith;
    const insight = this.data.insights?.[ref];
    if (!insight) throw await notFound(`No maturity insight for ${ref}`);
    return insight;
  }
  async getHeatmap(query: HeatmapQuery = {}) {
    this.calls.push(`heatmap ${JSON.stringify(query)}`);
    if (this.data.failWith) throw this.data.failWith;
    return this.data.heatmap!(query);
  }
  async getHeatmapCsv(query: HeatmapQuery = {}) {
    this.calls.push(`heatmap csv ${JSON.stringify(query)}`);
    return 'ref,score\r\n';
  }
}

/**
 * retail's insight: c-probes fails on cart (12 of its 16 cores) and pricing; cart's score would
 * gain 6 points, retail's 6 · 12 / 16 = 4.5, and pricing's fix 1 point more. d-tracing adds 1.
 */
export const retailInsight: InsightResponse = {
  kind: 'department',
  ref: 'group:default/retail',
  score: 52,
  level: 'L2',
  cores: 16,
  workloads: 3,
  dimensions: (retailScorecard as GroupScorecard).dimensions,
  checks: [
    {
      id: 'c-probes',
      title: 'Title of c-probes',
      dimension: 'compute',
      side: 'business',
      adoption: 0.25,
    },
    {
      id: 'd-tracing',
      title: 'Title of d-tracing',
      dimension: 'compute',
      side: 'business',
      adoption: 0.75,
    },
    {
      id: 'a-limits',
      title: 'Title of a-limits',
      dimension: 'compute',
      side: 'business',
      adoption: null,
    },
  ],
  impact: [
    {
      check: 'c-probes',
      title: 'Title of c-probes',
      points: 5.5,
      workloads: 2,
      fixes: [
        {
          ref: 'component:default/cart',
          status: 'fail',
          gain: 6,
          cores: 12,
          points: 4.5,
        },
        {
          ref: 'component:default/pricing',
          status: 'unknown',
          gain: 4,
          cores: 4,
          points: 1,
        },
      ],
    },
    {
      check: 'd-tracing',
      title: 'Title of d-tracing',
      points: 1,
      workloads: 1,
      fixes: [],
    },
  ],
  snapshot,
};

const costPoint = (day: number, hourlyCost: number, hourlyWaste: number) => ({
  at: new Date(Date.UTC(2026, 10, day)).toISOString(),
  hourlyCost,
  hourlyWaste,
  monthlySaving: 138.018545,
  efficiency: 0.29,
});

/**
 * cart at 0.05 per core-hour: 8 cores requested, 2 used; 16 GiB requested, 8 used. Cost
 * 0.467792/h (341.49/mo), waste 0.333896/h (71 %), saving 138.02/mo.
 */
export const cartCosts: CostResponse = {
  kind: 'workload',
  ref: 'component:default/cart',
  window: '30d',
  currency: 'USD',
  snapshot,
  current: {
    hourlyCost: 0.467792,
    hourlyWaste: 0.333896,
    monthlySaving: 138.018545,
    efficiency: 0.286231,
    wasteShare: 0.71377,
  },
  totals: {
    hours: 720,
    cost: 336.81,
    waste: 240.4,
    wasteShare: 0.71377,
    points: 2,
    from: '2026-11-22T06:00:00.000Z',
    to: '2026-11-23T06:00:00.000Z',
  },
  workload: {
    basis: 'measured',
    cpu: {
      request: 8,
      usage: 2,
      hourlyCost: 0.4,
      hourlyWaste: 0.3,
      efficiency: 0.25,
    },
    memory: {
      request: 16,
      usage: 8,
      hourlyCost: 0.067792,
      hourlyWaste: 0.033896,
      efficiency: 0.5,
    },
    rightSizing: {
      cpu: {
        current: 4,
        recommended: 2.3,
        replicas: 2,
        monthlySaving: 124.1,
        basis: 'p99 usage × 1.15',
      },
      memory: {
        current: 8,
        recommended: 5.75,
        replicas: 2,
        monthlySaving: 13.918545,
        basis: 'p99 usage × 1.15',
      },
      monthlySaving: 138.018545,
    },
    elasticity: {
      recommended: true,
      swing: 2,
      targetUtilization: 38,
      checkId: 'hpa-elastic',
      reason:
        "Its busiest hour's median CPU is 2.00× the quietest and it has no HPA: scale on CPU with a 38 % target.",
    },
    prices: {
      cpuCoreHour: 0.05,
      memoryGiBHour: 0.004237,
      currency: 'USD',
      discount: 0,
    },
  },
  estimatedWorkloads: 0,
  estimate: false,
  trend: [costPoint(22, 0.45, 0.32), costPoint(23, 0.467792, 0.333896)],
};

/** retail: checkout saves more than pricing, which is priced on declared cores only. */
export const retailCosts: CostResponse = {
  kind: 'department',
  ref: 'group:default/retail',
  window: '30d',
  currency: 'USD',
  snapshot,
  current: {
    hourlyCost: 0.594236,
    hourlyWaste: 0.333896,
    monthlySaving: 138.018545,
    efficiency: 0.286231,
    wasteShare: 0.5619,
  },
  totals: {
    hours: 720,
    cost: 427.85,
    waste: 240.4,
    wasteShare: 0.5619,
    points: 1,
    from: snapshot.at,
    to: snapshot.at,
  },
  members: [
    {
      kind: 'team',
      ref: 'group:default/checkout',
      rank: 1,
      cores: 8,
      workloads: 1,
      hourlyCost: 0.467792,
      hourlyWaste: 0.333896,
      monthlySaving: 138.018545,
      efficiency: 0.286231,
      wasteShare: 0.71377,
    },
    {
      kind: 'team',
      ref: 'group:default/pricing',
      rank: 2,
      cores: 4,
      workloads: 1,
      hourlyCost: 0.126444,
      hourlyWaste: 0,
      monthlySaving: 0,
      efficiency: null,
      wasteShare: 0,
    },
  ],
  estimatedWorkloads: 1,
  estimate: true,
  trend: [costPoint(23, 0.594236, 0.333896)],
};
