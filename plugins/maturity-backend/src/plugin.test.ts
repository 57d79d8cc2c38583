import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  maturityFactCollectorsExtensionPoint,
  MaturityFactCollector,
} from '@internal/plugin-maturity-node';
import { createBackendModule } from '@backstage/backend-plugin-api';
import request from 'supertest';
import { DEFAULT_CHECKS } from '@internal/plugin-maturity-common';
import { maturityPlugin } from './plugin';
import { waitForRuns } from './__testUtils__/waitForRuns';
import { entity } from './__testUtils__/entities';
import { roundFigure } from './service/roundFigures';

const ALL_PRACTICES =
  'ci-pipeline, devops-roles, gradual-release, gitops, tracing, trace-id-in-logs, call-metrics, ' +
  'contextual-logs, business-metrics, alerting, load-testing, mesh-or-gateway, code-scanning, ' +
  'dependency-scanning, image-scanning, image-signing, managed-data';

const entities: Entity[] = [
  entity('Group', 'acme', { type: 'organization', children: [] }),
  entity('Group', 'retail', {
    type: 'department',
    parent: 'acme',
    children: [],
  }),
  entity('Group', 'labs', { type: 'department', parent: 'acme', children: [] }),
  entity('Group', 'checkout-team', {
    type: 'team',
    parent: 'retail',
    children: [],
  }),
  entity(
    'Component',
    'cart',
    { type: 'service', owner: 'checkout-team', system: 'shop' },
    {
      'maturity.cloudnative.dev/cores': '12',
      'maturity.cloudnative.dev/practices': 'ci-pipeline, tracing',
    },
  ),
  entity(
    'Component',
    'pricing',
    { type: 'service', owner: 'retail' },
    { 'maturity.cloudnative.dev/cores': 'lots' },
  ),
  entity(
    'Component',
    'lab',
    { type: 'service', owner: 'labs', providesApis: ['lab-api'] },
    {
      'maturity.cloudnative.dev/cores': '4',
      'maturity.cloudnative.dev/practices': ALL_PRACTICES,
    },
  ),
];

// The platform declares a shared cluster (2) without cluster autoscaling (2), and declarations
// count in full (the default, half, is tested on its own). The practices annotation answers the
// platform side's observability checks too: tracing (2), trace-id-in-logs (1), call-metrics (1)
// and load-tested (1), so the platform side counts weights summing to 9.
const config = {
  maturity: {
    schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
    platforms: { default: { sharedCluster: true, clusterAutoscaling: false } },
    declaredFacts: 'count',
  },
};

// cart declares 2 of the 17 practices and provides no API. Platform: shared cluster (2) and
// tracing (2) of 9 = 400/9. Business: of the 13 checks these facts answer (weights summing to
// 17), it earns ci-pipeline (2): 200/17.
const CART_PLATFORM = 400 / 9;
const CART = (CART_PLATFORM + 200 / 17) / 2; // 28.10
// lab declares every practice and provides an API: platform 2 + 2 + 1 + 1 + 1 of 9, business 100.
const LAB = (700 / 9 + 100) / 2; // 88.89

async function startBackend(
  extra: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    features?: any[];
    config?: object;
  } = {},
) {
  const { server } = await startTestBackend({
    features: [
      maturityPlugin,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: { maturity: { ...config.maturity, ...extra.config } },
      }),
      ...(extra.permission
        ? [mockServices.permissions.factory({ result: extra.permission })]
        : []),
      ...(extra.features ?? []),
    ],
  });
  return server;
}

/** An operator's check on a fact a module of theirs reports. */
const ONCALL_CHECK = {
  id: 'oncall-rota',
  title: 'Has an on-call rota',
  dimension: 'architecture',
  side: 'business',
  weight: 3,
  rule: { kind: 'true', fact: 'acme.oncallRota' },
  rationale: 'Someone answers when it breaks.',
  remediation: 'Set up a rota and name it in the rota tool.',
};

/** A Component's scorecard, as the API answers it. */
async function scorecardOf(
  server: Parameters<typeof request>[0],
  name: string,
) {
  return (
    await request(server).get(
      `/api/maturity/v1/scorecards/component/default/${name}`,
    )
  ).body;
}

/** A backend module that adds one fact collector. */
const collectorModule = (moduleId: string, collector: MaturityFactCollector) =>
  createBackendModule({
    pluginId: 'maturity',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { collectors: maturityFactCollectorsExtensionPoint },
        async init({ collectors }) {
          collectors.addFactCollector(collector);
        },
      });
    },
  });

describe('maturity backend plugin', () => {
  it('answers /health without credentials', async () => {
    const server = await startBackend();
    const res = await request(server)
      .get('/api/maturity/health')
      .set('authorization', '');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('scores workloads from catalog and platform facts and rolls them up by cores', async () => {
    const server = await startBackend();
    expect((await waitForRuns(server))[0]).toMatchObject({
      status: 'succeeded',
      workloads: 3,
    });

    const cart = await request(server).get(
      '/api/maturity/v1/scorecards/component/default/cart',
    );
    expect(cart.status).toBe(200);
    expect(cart.body).toMatchObject({
      kind: 'workload',
      ref: 'component:default/cart',
      cores: 12,
      coresSource: 'annotation',
      level: 'L1',
      // Every check it is scored on rests on a declaration.
      measuredShare: 0,
      team: 'group:default/checkout-team',
      department: 'group:default/retail',
      problems: [],
      stale: false,
    });
    expect(cart.body.platform).toBe(roundFigure(CART_PLATFORM));
    expect(cart.body.business).toBe(roundFigure(200 / 17));
    expect(cart.body.score).toBe(roundFigure(CART));
    const tracing = cart.body.checks.find((c: any) => c.id === 'tracing');
    expect(tracing).toEqual({
      id: 'tracing',
      status: 'pass',
      credit: 1,
      facts: { 'practice.tracing': true },
      stale: false,
      basis: 'declared',
      provenance: {
        'practice.tracing': {
          source: 'annotation',
          from: 'annotation maturity.cloudnative.dev/practices',
          at: expect.any(String),
        },
      },
    });
    expect(
      cart.body.checks.find((c: any) => c.id === 'hpa-elastic').status,
    ).toBe('unknown');

    const pricing = await request(server).get(
      '/api/maturity/v1/scorecards/component/default/pricing',
    );
    expect(pricing.body.problems[0]).toContain(
      'maturity.cloudnative.dev/cores: "lots"',
    );

    // The company is the core-weighted mean (12·28.10 + 4·88.89) / 16 = 43.30, not the mean of
    // its departments (28.10 + 88.89) / 2 = 58.50; pricing has no cores and carries no weight.
    const company = await request(server).get(
      '/api/maturity/v1/scorecards/group/default/acme',
    );
    expect(company.body).toMatchObject({
      kind: 'company',
      cores: 16,
      workloads: 3,
      unweightedWorkloads: 1,
    });
    expect(company.body.score).toBe(roundFigure((12 * CART + 4 * LAB) / 16));
    expect(company.body.members.map((m: any) => [m.ref, m.rank])).toEqual([
      ['group:default/labs', 1],
      ['group:default/retail', 2],
    ]);
    // A department's members are its teams and the workloads that are in no team (pricing).
    const retail = await request(server).get(
      '/api/maturity/v1/scorecards/group/default/retail',
    );
    expect(
      retail.body.members.map((m: any) => [m.kind, m.ref, m.rank, m.cores]),
    ).toEqual([
      ['team', 'group:default/checkout-team', 1, 12],
      ['workload', 'component:default/pricing', 2, 0],
    ]);
    // A team's members are its workloads.
    const checkout = await request(server).get(
      '/api/maturity/v1/scorecards/group/default/checkout-team',
    );
    expect(
      checkout.body.members.map((m: any) => [m.kind, m.ref, m.rank, m.cores]),
    ).toEqual([['workload', 'component:default/cart', 1, 12]]);

    const board = await request(server).get(
      '/api/maturity/v1/leaderboard?level=department&window=7d',
    );
    expect(board.status).toBe(200);
    expect(board.body.comparedTo).toBeNull();
    expect(
      board.body.rows.map((r: any) => [
        r.ref,
        r.rank,
        r.workloads,
        r.scoreChange,
      ]),
    ).toEqual([
      ['group:default/labs', 1, 1, null],
      ['group:default/retail', 2, 2, null],
    ]);
    expect(board.body.rows[1].score).toBe(roundFigure(CART));
    const teams = await request(server).get(
      '/api/maturity/v1/leaderboard?level=team&department=group:default/retail',
    );
    expect(teams.body.rows.map((r: any) => [r.ref, r.rank])).toEqual([
      ['group:default/checkout-team', 1],
    ]);
    const retailOnly = await request(server).get(
      '/api/maturity/v1/leaderboard?level=department&department=group:default/retail',
    );
    expect(retailOnly.body.rows.map((r: any) => [r.ref, r.rank])).toEqual([
      ['group:default/retail', 2],
    ]);
    expect(board.body).toMatchObject({ total: 2, offset: 0 });
    const page2 = await request(server).get(
      '/api/maturity/v1/leaderboard?level=department&offset=1&limit=1',
    );
    expect(page2.body).toMatchObject({ total: 2, offset: 1 });
    expect(page2.body.rows.map((r: any) => [r.ref, r.rank])).toEqual([
      ['group:default/retail', 2],
    ]);
    const found = await request(server).get(
      '/api/maturity/v1/leaderboard?level=department&q=LAB',
    );
    expect(found.body).toMatchObject({ total: 1, offset: 0 });
    expect(found.body.rows.map((r: any) => [r.ref, r.rank])).toEqual([
      ['group:default/labs', 1],
    ]);

    // cart scores compute 50, data 0, security 0, development 2 of 5 = 40. Zuoyebang (compute,
    // data): gaps 2·25/75 + 2·75/75, cluster-autoscaling and gradual-release failed (2/3 each),
    // tag "service" (0.5) = 4.5. Mininglamp (development, compute, data): gaps 2·35/75 + 2/3 + 2,
    // devops-roles failed (1/3) = 3.93. Xiaohongshu (compute, data): the gaps of Zuoyebang,
    // gradual-release failed, "service" = 3.83. Yangshipin (security: gap 2, code- and
    // image-scanning failed, 2/3 each) = 3.33.
    const practices = await request(server).get(
      '/api/maturity/v1/practices/component/default/cart',
    );
    expect(practices.status).toBe(200);
    const [first, second, third] = practices.body.items;
    expect(practices.body.items.map((i: any) => i.case.id).slice(0, 4)).toEqual(
      ['zuoyebang', 'mininglamp', 'xiaohongshu', 'yangshipin'],
    );
    expect(first.relevance).toBe(roundFigure(4.5));
    expect(second.relevance).toBe(roundFigure(70 / 75 + 2 / 3 + 2 + 1 / 3));
    expect(third.relevance).toBe(roundFigure(2 / 3 + 2 + 2 / 3 + 0.5));
    expect(practices.body.items[3].relevance).toBe(roundFigure(2 + 4 / 3));
    expect(first.reason).toMatch(/^Your data score is 0; Zuoyebang: /);
    const all = await request(server).get(
      '/api/maturity/v1/practices?dimension=security',
    );
    expect(all.body.items.map((c: any) => c.id)).toEqual(['yangshipin']);

    // Labels: rounded scores, Groups at their broadest level (acme is the company).
    const labels = await request(server)
      .get('/api/maturity/v1/labels')
      .set('authorization', mockCredentials.service.header());
    const byRef = Object.fromEntries(
      labels.body.items.map((i: any) => [i.ref, [i.level, i.score]]),
    );
    expect(byRef).toMatchObject({
      'component:default/cart': ['L1', 28],
      'component:default/lab': ['L4', 89],
      'group:default/acme': ['L2', 43],
      'group:default/retail': ['L1', 28],
    });

    const history = await request(server).get(
      '/api/maturity/v1/scorecards/group/default/retail/history',
    );
    expect(history.body.kind).toBe('department');
    expect(history.body.points).toHaveLength(1);
    expect(history.body.points[0].score).toBe(roundFigure(CART));
  });

  it('answers 404 for an entity without a scorecard and 400 naming a bad parameter', async () => {
    const server = await startBackend();
    await waitForRuns(server);
    const missing = await request(server).get(
      '/api/maturity/v1/scorecards/component/default/nope',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('component:default/nope');
    // A scorecard URL with a query is not answered before the validator, which refuses it.
    const unknown = await request(server).get(
      '/api/maturity/v1/scorecards/component/default/cart?window=7d',
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('window');
    const emptyQuery = await request(server).get(
      '/api/maturity/v1/scorecards/component/default/cart?',
    );
    expect([emptyQuery.status, emptyQuery.body.ref]).toEqual([
      200,
      'component:default/cart',
    ]);
    const window = await request(server).get(
      '/api/maturity/v1/leaderboard?window=month',
    );
    expect(window.status).toBe(400);
    expect(window.body.error.message).toContain('window');
    const level = await request(server).get(
      '/api/maturity/v1/leaderboard?level=galaxy',
    );
    expect(level.status).toBe(400);
    for (const page of ['limit=0', 'limit=1001', 'limit=ten', 'offset=-1']) {
      const bad = await request(server).get(
        `/api/maturity/v1/leaderboard?${page}`,
      );
      expect([page, bad.status]).toEqual([page, 400]);
      expect(bad.body.error.message).toContain(page.split('=')[0]);
    }
    const from = await request(server).get(
      '/api/maturity/v1/scorecards/group/default/retail/history?from=yesterday',
    );
    expect(from.status).toBe(400);
    expect(from.body.error.message).toContain('from');
  });

  it('serves the model in force', async () => {
    const server = await startBackend();
    const res = await request(server).get('/api/maturity/v1/model');
    expect(res.status).toBe(200);
    expect(res.body.dimensions.map((d: any) => d.id)).toEqual([
      'development',
      'compute',
      'architecture',
      'data',
      'security',
    ]);
    expect(res.body.checks.length).toBeGreaterThanOrEqual(20);
    expect(res.body.weights).toEqual({ platform: 0.5, business: 0.5 });
  });

  it('starts a run on request only with the run permission', async () => {
    const denied = await startBackend({ permission: AuthorizeResult.DENY });
    const forbidden = await request(denied).post('/api/maturity/v1/runs');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toContain('maturity.run.create');

    const allowed = await startBackend({ permission: AuthorizeResult.ALLOW });
    await waitForRuns(allowed);
    const res = await request(allowed).post('/api/maturity/v1/runs');
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'triggered' });
  });

  it('prices workloads, advises right-sizing and ranks departments by potential saving', async () => {
    const load: MaturityFactCollector = {
      id: 'load',
      async collect() {
        return {
          facts: new Map([
            [
              'component:default/cart',
              {
                'kubernetes.cores': 8,
                'kubernetes.replicas': 2,
                'kubernetes.memoryRequestGiB': 16,
                'kubernetes.cluster': 'prod-1',
                'kubernetes.namespace': 'shop',
                'kubernetes.hpaElastic': false,
                'kubernetes.workloadKind': 'stateless',
                'prometheus.cpuMean': 2,
                'prometheus.cpuP95': 3,
                // Use over requests at each step, p95: 3 of 8 cores.
                'prometheus.cpuP95OfRequests': 0.375,
                'prometheus.cpuP99': 4,
                'prometheus.memoryMeanGiB': 8,
                'prometheus.memoryP99GiB': 10,
                'prometheus.hourlyPeakToTrough': 2,
              },
            ],
          ]),
        };
      },
    };
    const server = await startBackend({
      config: {
        cost: { overrides: [{ namespace: 'shop', cpuCoreHour: 0.05 }] },
        budgets: [{ group: 'retail', monthly: 300 }],
      },
      features: [collectorModule('load', load)],
    });
    await waitForRuns(server);

    // cart, at the shop namespace's 0.05 per core-hour: CPU 8 × 0.05 = 0.4 (idle 6 × 0.05 = 0.3),
    // memory 16 × 0.004237 = 0.067792 (idle 8 × 0.004237 = 0.033896).
    const cart = await request(server).get(
      '/api/maturity/v1/costs/component/default/cart?window=7d',
    );
    expect(cart.status).toBe(200);
    expect(cart.body).toMatchObject({
      kind: 'workload',
      window: '7d',
      currency: 'USD',
      estimatedWorkloads: 0,
    });
    expect(cart.body.current.hourlyCost).toBe(roundFigure(0.467792));
    expect(cart.body.current.hourlyWaste).toBe(roundFigure(0.333896));
    expect(cart.body.current.efficiency).toBe(
      roundFigure((2 * 0.05 + 8 * 0.004237) / 0.467792),
    );
    // One snapshot so far: the week is 168 of its hours.
    expect(cart.body.totals).toMatchObject({ hours: 168, points: 1 });
    expect(cart.body.totals.cost).toBe(roundFigure(0.467792 * 168));
    // Per replica: CPU 4 → 4/2 × 1.15 = 2.3, saving 1.7 × 2 × 0.05 × 730 = 124.1; memory 8 → 5.75,
    // saving 2.25 × 2 × 0.004237 × 730 = 13.918545.
    const advice = cart.body.workload;
    expect(advice.basis).toBe('measured');
    expect(advice.prices.cpuCoreHour).toBe(0.05);
    expect(advice.rightSizing.cpu).toMatchObject({
      current: 4,
      recommended: 2.3,
      replicas: 2,
    });
    expect(advice.rightSizing.cpu.monthlySaving).toBe(roundFigure(124.1));
    expect(advice.rightSizing.memory.monthlySaving).toBe(
      roundFigure(13.918545),
    );
    expect(cart.body.current.monthlySaving).toBe(roundFigure(138.018545));
    // Swing 2 ≥ 1.5 without an HPA: target its p95 share of requests, 37.5 %, rounded.
    expect(advice.elasticity).toMatchObject({
      recommended: true,
      targetUtilization: 38,
      checkId: 'hpa-elastic',
    });

    // lab is known only by its declared 4 cores: an estimate at 0.031611 per core-hour.
    const lab = await request(server).get(
      '/api/maturity/v1/costs/component/default/lab',
    );
    expect(lab.body).toMatchObject({
      window: '30d',
      estimate: true,
      estimatedWorkloads: 1,
      workload: { basis: 'declared' },
    });
    expect(lab.body.current.hourlyCost).toBe(roundFigure(0.126444));

    const company = await request(server).get(
      '/api/maturity/v1/costs/group/default/acme',
    );
    expect(company.body.kind).toBe('company');
    expect(company.body.current.hourlyCost).toBe(
      roundFigure(0.467792 + 0.126444),
    );
    expect(company.body.estimatedWorkloads).toBe(1);
    expect(company.body.members.map((m: any) => [m.ref, m.rank])).toEqual([
      ['group:default/retail', 1],
      ['group:default/labs', 2],
    ]);
    expect(company.body.trend).toHaveLength(1);
    const history = await request(server).get(
      '/api/maturity/v1/costs/group/default/acme/history?from=2020-01-01',
    );
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ kind: 'company', currency: 'USD' });
    expect(history.body.points).toHaveLength(1);
    expect(history.body.points[0].hourlyCost).toBe(
      roundFigure(0.467792 + 0.126444),
    );

    // retail's budget: one run so far, so its hourly cost 0.467792 holds over the whole month,
    // 0.467792 × the month's hours, against 300 (over in a month of 642 hours or more).
    const retail = (
      await request(server).get('/api/maturity/v1/costs/group/default/retail')
    ).body;
    const now = new Date();
    const hoursInMonth =
      (Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1) -
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)) /
      3_600_000;
    expect(retail.budget).toMatchObject({
      month: now.toISOString().slice(0, 7),
      monthly: 300,
    });
    expect(retail.budget.forecast).toBe(roundFigure(0.467792 * hoursInMonth));
    expect(retail.budget.overBy).toBe(
      roundFigure(0.467792 * hoursInMonth - 300),
    );
    // labs has no budget.
    expect(
      (await request(server).get('/api/maturity/v1/costs/group/default/labs'))
        .body.budget,
    ).toBeUndefined();

    const savings = await request(server).get(
      '/api/maturity/v1/leaderboard?level=department&by=savings',
    );
    expect(savings.body).toMatchObject({ by: 'savings', currency: 'USD' });
    expect(savings.body.rows.map((r: any) => [r.ref, r.rank])).toEqual([
      ['group:default/retail', 1],
      ['group:default/labs', 2],
    ]);
    expect(savings.body.rows[0].cost.monthlySaving).toBe(
      roundFigure(138.018545),
    );
    expect(savings.body.rows[0].cost.wasteShare).toBe(
      roundFigure(0.333896 / 0.467792),
    );

    const window = await request(server).get(
      '/api/maturity/v1/costs/component/default/cart?window=90d',
    );
    expect(window.status).toBe(400);
    expect(window.body.error.message).toMatch(/window/);
    const by = await request(server).get(
      '/api/maturity/v1/leaderboard?by=cheapest',
    );
    expect(by.status).toBe(400);
    expect(by.body.error.message).toMatch(/by/);
  });

  it('sets and removes budgets through the API under maturity.budget.manage, shown at once', async () => {
    const denied = await startBackend({ permission: AuthorizeResult.DENY });
    await waitForRuns(denied);
    const refused = await request(denied)
      .put('/api/maturity/v1/budgets/group/default/retail')
      .send({ monthly: 300 });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'Setting a budget needs the maturity.budget.manage permission',
    );

    const server = await startBackend({
      permission: AuthorizeResult.ALLOW,
      config: { budgets: [{ group: 'labs', monthly: 50 }] },
    });
    await waitForRuns(server);
    const budgetOf = async (name: string) =>
      (
        await request(server).get(
          `/api/maturity/v1/costs/group/default/${name}`,
        )
      ).body.budget;
    // Asked before the budget is set, so the answer without one is cached.
    expect(await budgetOf('retail')).toBeUndefined();
    const set = await request(server)
      .put('/api/maturity/v1/budgets/group/default/retail')
      .send({ monthly: 300 });
    expect(set.body).toEqual({
      group: 'group:default/retail',
      monthly: 300,
      declared: false,
    });
    // The same snapshot, answered anew with the budget.
    expect(await budgetOf('retail')).toMatchObject({ monthly: 300 });
    expect(
      (await request(server).get('/api/maturity/v1/budgets')).body.items,
    ).toEqual([
      { group: 'group:default/labs', monthly: 50, declared: true },
      { group: 'group:default/retail', monthly: 300, declared: false },
    ]);
    const declared = await request(server).delete(
      '/api/maturity/v1/budgets/group/default/labs',
    );
    expect(declared.status).toBe(409);
    expect(
      (
        await request(server).delete(
          '/api/maturity/v1/budgets/group/default/retail',
        )
      ).status,
    ).toBe(204);
    expect(await budgetOf('retail')).toBeUndefined();
  });

  it('keeps scoring when a collector fails, falling back to its last facts as stale', async () => {
    let fail = false;
    const flaky: MaturityFactCollector = {
      id: 'flaky',
      source: 'kubernetes',
      async collect() {
        if (fail) throw new Error('cluster API unreachable');
        return {
          facts: new Map([
            ['component:default/cart', { 'kubernetes.hpaElastic': true }],
          ]),
        };
      },
    };
    const server = await startBackend({
      permission: AuthorizeResult.ALLOW,
      features: [collectorModule('flaky', flaky)],
    });
    const [first] = await waitForRuns(server);
    fail = true;
    // Two failing runs: the second falls back on what the first fallback stored, still dated
    // from the last run in which the collector answered.
    await request(server).post('/api/maturity/v1/runs').expect(202);
    await waitForRuns(server, 2);
    await request(server).post('/api/maturity/v1/runs').expect(202);
    const runs = await waitForRuns(server, 3);
    expect(runs.map(r => r.status)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
    const cart = await request(server).get(
      '/api/maturity/v1/scorecards/component/default/cart',
    );
    expect(cart.body.snapshot.id).toBe(runs[0].id);
    expect(cart.body.stale).toBe(true);
    expect(cart.body.staleSources).toEqual([
      {
        collector: 'flaky',
        reason: 'cluster API unreachable',
        since: expect.any(String),
      },
    ]);
    const since = new Date(cart.body.staleSources[0].since);
    expect(since <= new Date(first.finishedAt)).toBe(true);
    // Kept with its provenance: still a measurement, with full credit.
    expect(
      cart.body.checks.find((c: any) => c.id === 'hpa-elastic'),
    ).toMatchObject({
      status: 'pass',
      credit: 1,
      stale: true,
      basis: 'measured',
      provenance: {
        'kubernetes.hpaElastic': {
          source: 'kubernetes',
          at: since.toISOString(),
        },
      },
    });
  });

  it.each([
    // Half: platform (shared cluster 2·½ + autoscaling 2·0 + tracing 2·½ + 3 · 0) / 9 = 200/9;
    // business ci-pipeline 2·½ / 17.
    ['half', 200 / 9, 100 / 17],
    // Ignored: every platform fact is declared, so the platform side has nothing to count.
    ['ignore', null, null],
  ] as const)(
    'gives a declaration what maturity.declaredFacts: %s says',
    async (declaredFacts, platform, business) => {
      const server = await startBackend({ config: { declaredFacts } });
      await waitForRuns(server);
      const cart = await request(server).get(
        '/api/maturity/v1/scorecards/component/default/cart',
      );
      // Rounded as answers are, so that one expectation takes a number and null alike.
      const rounded = (n: number | null) =>
        n === null ? null : roundFigure(n);
      expect(rounded(cart.body.platform)).toBe(rounded(platform));
      expect(rounded(cart.body.business)).toBe(rounded(business));
      const model = await request(server).get('/api/maturity/v1/model');
      expect(model.body.declaredFacts).toBe(declaredFacts);
    },
  );

  it('holds a workload at the level whose required checks it passes, and says what blocks the next', async () => {
    // lab without three of its platform checks: shared cluster (2) and load-tested (1) pass,
    // cluster autoscaling (2) fails: platform 60, business 100; weighted 0.7 / 0.3 it scores 72,
    // in L3's band. L3 requires hpa-elastic, which no collector answers for lab: held at L2.
    const server = await startBackend({
      config: {
        weights: { platform: 0.7, business: 0.3 },
        checks: {
          tracing: { enabled: false },
          'trace-id-in-logs': { enabled: false },
          'call-metrics': { enabled: false },
        },
        levels: { L3: { requires: ['hpa-elastic', 'ci-pipeline'] } },
      },
    });
    await waitForRuns(server);
    const lab = await request(server).get(
      '/api/maturity/v1/scorecards/component/default/lab',
    );
    expect(lab.body.score).toBe(roundFigure(72));
    expect(lab.body.level).toBe('L2');
    expect(lab.body.nextLevel).toEqual({
      level: 'L3',
      minScore: 60,
      blockingChecks: ['hpa-elastic'],
    });
    const model = await request(server).get('/api/maturity/v1/model');
    expect(model.body.levels[2]).toEqual({
      id: 'L3',
      name: 'Scale',
      minScore: 60,
      requires: ['hpa-elastic', 'ci-pipeline'],
    });
  });

  it.each([
    [
      { L3: { requires: ['no-such-check'] } },
      /Invalid config maturity\.levels\.L3\.requires\[0\]: there is no check 'no-such-check' in force; expected one of hpa-elastic, /,
    ],
    [
      {
        L4: { requires: ['image-signing'] },
      },
      /Invalid config maturity\.levels\.L4\.requires\[0\]: there is no check 'image-signing' in force/,
    ],
    [
      { L1: { requires: ['hpa-elastic'] } },
      /Invalid config maturity\.levels\.L1\.requires: L1 is where every workload starts/,
    ],
    [{ L6: { requires: [] } }, /Invalid config maturity\.levels\.L6/],
  ])('refuses to start with a gate on %j', async (levels, message) => {
    await expect(
      startBackend({
        config: {
          levels,
          // A check switched off is not in force.
          checks: { 'image-signing': { enabled: false } },
        },
      }),
    ).rejects.toThrow(message);
  });

  it("scores an operator's own check on a fact a module declares, and gates a level on it", async () => {
    const rota: MaturityFactCollector = {
      id: 'rota',
      source: 'prometheus',
      facts: ['acme.oncallRota'],
      async collect() {
        return {
          facts: new Map([
            ['component:default/cart', { 'acme.oncallRota': false }],
            ['component:default/lab', { 'acme.oncallRota': true }],
          ]),
        };
      },
    };
    const server = await startBackend({
      config: {
        customChecks: [ONCALL_CHECK],
        levels: { L2: { requires: ['oncall-rota'] } },
      },
      features: [collectorModule('rota', rota)],
    });
    await waitForRuns(server);
    const card = (name: string) =>
      request(server).get(
        `/api/maturity/v1/scorecards/component/default/${name}`,
      );
    // cart: business 2 / (17 + 3) = 10; lab (17 + 3) / 20 = 100, as before.
    const cart = (await card('cart')).body;
    expect(cart.business).toBe(roundFigure(10));
    expect(cart.checks.find((c: any) => c.id === 'oncall-rota')).toMatchObject({
      status: 'fail',
      credit: 0,
      basis: 'measured',
    });
    // (400/9 + 10) / 2 = 27.2 is L1's band anyway; lab's 88.89 holds L4 with the rota.
    expect(cart.level).toBe('L1');
    const lab = (await card('lab')).body;
    expect(lab.score).toBe(roundFigure(LAB));
    expect(lab.level).toBe('L4');
    const model = (await request(server).get('/api/maturity/v1/model')).body;
    expect(model.checks.find((c: any) => c.id === 'oncall-rota')).toEqual({
      ...ONCALL_CHECK,
      cases: [],
    });
  });

  it('scores a kind of workload on its own scorecard, which gates on its own checks only', async () => {
    const server = await startBackend({
      config: {
        scorecards: [
          {
            name: 'lab-service',
            when: { 'spec.owner': 'labs' },
            checks: ['api-declared', 'tracing', 'shared-cluster'],
          },
        ],
        // lab is not scored on hpa-elastic: the gate does not hold it back.
        levels: { L3: { requires: ['hpa-elastic'] } },
      },
    });
    await waitForRuns(server);
    const lab = await scorecardOf(server, 'lab');
    // api-declared (1) passes: business 100; tracing (2) and shared-cluster (2) pass: platform 100.
    expect(lab).toMatchObject({
      scorecard: 'lab-service',
      score: 100,
      business: 100,
      platform: 100,
      level: 'L5',
      nextLevel: null,
    });
    expect(lab.checks.map((c: any) => c.id)).toEqual([
      'api-declared',
      'tracing',
      'shared-cluster',
    ]);
    // cart is selected by no filter: every check, and the gate holds.
    const cart = await scorecardOf(server, 'cart');
    expect(cart.scorecard).toBeUndefined();
    expect(cart.checks).toHaveLength(DEFAULT_CHECKS.length);
  });

  it("scores an operator's check on an operator's catalog fact", async () => {
    // lab provides an API, cart does not: a declared fact read from spec.providesApis.
    const server = await startBackend({
      config: {
        catalogFacts: { apiCount: { path: '$.spec.providesApis' } },
        customChecks: [
          {
            id: 'one-api',
            title: 'Provides at least one API',
            dimension: 'architecture',
            side: 'business',
            weight: 1,
            rule: { kind: 'atLeast', fact: 'catalog.apiCount', target: 1 },
            rationale: 'Services are used through their APIs.',
            remediation:
              'Register the API and list it under spec.providesApis.',
          },
        ],
      },
    });
    await waitForRuns(server);
    const check = async (name: string) =>
      (await scorecardOf(server, name)).checks.find(
        (c: any) => c.id === 'one-api',
      );
    expect(await check('lab')).toMatchObject({
      status: 'pass',
      basis: 'declared',
      facts: { 'catalog.apiCount': 1 },
      provenance: {
        'catalog.apiCount': {
          source: 'catalog',
          from: 'entity $.spec.providesApis',
        },
      },
    });
    expect(await check('cart')).toMatchObject({ status: 'unknown' });
  });

  it('refuses to start with a custom check on a fact no collector reports', async () => {
    await expect(
      startBackend({
        config: {
          // No module declares acme.oncallRota here.
          customChecks: [ONCALL_CHECK],
        },
      }),
    ).rejects.toThrow(
      "Invalid config maturity.customChecks[0].rule.fact: no collector reports a fact 'acme.oncallRota'",
    );
  });

  it('lets a measurement override a declaration, and lists the contradiction on the scorecard', async () => {
    // The cluster finds no tracing injected into cart, which declares it, and autoscaling that
    // the platform profile denies: the first is a claim the measurement does not back; the
    // second is not reported.
    const cluster: MaturityFactCollector = {
      id: 'cluster',
      source: 'kubernetes',
      async collect() {
        return {
          facts: new Map([
            [
              'component:default/cart',
              {
                'practice.tracing': false,
                'platform.clusterAutoscaling': true,
                'kubernetes.cluster': 'prod-1',
              },
            ],
          ]),
          origin: new Map([
            [
              'component:default/cart',
              { source: 'kubernetes', from: 'cluster prod-1' } as const,
            ],
          ]),
        };
      },
    };
    const server = await startBackend({
      config: { declaredFacts: undefined },
      features: [collectorModule('cluster', cluster)],
    });
    await waitForRuns(server);
    const cart = await request(server).get(
      '/api/maturity/v1/scorecards/component/default/cart',
    );
    expect(cart.body.checks.find((c: any) => c.id === 'tracing')).toMatchObject(
      { status: 'fail', credit: 0, basis: 'measured' },
    );
    expect(cart.body.problems).toEqual([
      'Entity component:default/cart: the measured practice.tracing = false (kubernetes: cluster prod-1) contradicts its declaration true (annotation: annotation maturity.cloudnative.dev/practices); the measurement is used',
    ]);
    // By default a declaration earns half.
    // Platform: shared cluster declared (2·½), autoscaling measured (2·1), tracing measured (2·0)
    // and three observability checks declared false (1·0 each), over 9 = 33.33.
    // Business: ci-pipeline declared (2·½) alone earns: 100/17.
    expect(cart.body.platform).toBe(roundFigure(300 / 9));
    expect(cart.body.business).toBe(roundFigure(100 / 17));
    // Of the counted weight (9 platform + 17 business), 2 + 2 rest on measurements.
    expect(cart.body.measuredShare).toBe(roundFigure(4 / 26));

    // cart runs on prod-1, ranked under its Resource; lab and pricing run on no known platform.
    const platforms = await request(server).get(
      '/api/maturity/v1/leaderboard?level=platform',
    );
    expect(platforms.status).toBe(200);
    expect(platforms.body.rows).toEqual([
      expect.objectContaining({
        ref: 'resource:default/prod-1',
        rank: 1,
        platform: cart.body.platform,
        cores: 12,
        workloads: 1,
        measuredShare: cart.body.measuredShare,
      }),
    ]);
    const platform = await request(server).get(
      '/api/maturity/v1/scorecards/resource/default/prod-1',
    );
    expect(platform.body).toMatchObject({
      kind: 'platform',
      score: cart.body.score,
      members: [
        { kind: 'workload', ref: 'component:default/cart', rank: 1, cores: 12 },
      ],
    });
    const mixed = await request(server).get(
      '/api/maturity/v1/leaderboard?level=platform&department=group:default/retail',
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.message).toMatch(
      /platforms are not in departments/,
    );
  });

  it('tags answers with an ETag and answers 304 to a client that has the current one', async () => {
    const server = await startBackend();
    await waitForRuns(server);
    const first = await request(server).get(
      '/api/maturity/v1/leaderboard?level=team',
    );
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^"[\w-]{27}"$/);
    const again = await request(server)
      .get('/api/maturity/v1/leaderboard?level=team')
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const other = await request(server)
      .get('/api/maturity/v1/leaderboard?level=department')
      .set('If-None-Match', first.headers.etag);
    expect(other.status).toBe(200);
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it('sends a scorecard plain, which the root router does not gzip per request, and 304 to its ETag', async () => {
    const server = await startBackend();
    await waitForRuns(server);
    const url = '/api/maturity/v1/scorecards/component/default/cart';
    const res = await request(server)
      .get(url)
      .set('Accept-Encoding', 'gzip, deflate');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-transform');
    expect(res.body.ref).toBe('component:default/cart');
    const again = await request(server)
      .get(url)
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });

  it('lists workloads with their hierarchy resolved from the catalog', async () => {
    const server = await startBackend();
    await waitForRuns(server);
    const res = await request(server).get(
      '/api/maturity/v1/workloads?department=group:default/retail',
    );
    expect(res.status).toBe(200);
    expect(res.body.unweighted).toBe(1);
    expect(
      res.body.items.map((w: any) => [w.ref, w.team ?? null, w.cores]),
    ).toEqual([
      ['component:default/cart', 'group:default/checkout-team', 12],
      ['component:default/pricing', null, null],
    ]);
    expect(res.body.items.map((w: any) => w.coresSource)).toEqual([
      'annotation',
      'unknown',
    ]);
    expect(res.body.total).toBe(2);
    // A page: the second of the two, with the counts of all that match.
    const second = await request(server).get(
      '/api/maturity/v1/workloads?department=group:default/retail&offset=1&limit=1',
    );
    expect(second.body).toMatchObject({ total: 2, unweighted: 1 });
    expect(second.body.items.map((w: any) => w.ref)).toEqual([
      'component:default/pricing',
    ]);
    const bad = await request(server).get(
      '/api/maturity/v1/workloads?department=a&department=b',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/department/);
  });

  it('lists a workload whose owner is no Group as unassigned, and an unknown platform, with their problems', async () => {
    const { server } = await startTestBackend({
      features: [
        maturityPlugin,
        catalogServiceMock.factory({
          entities: [
            ...entities,
            entity(
              'Component',
              'orphan',
              { type: 'service', owner: 'ghost-team' },
              { 'maturity.cloudnative.dev/cores': '8' },
            ),
            entity(
              'Component',
              'martian',
              { type: 'service', owner: 'labs' },
              {
                'maturity.cloudnative.dev/cores': '2',
                'maturity.cloudnative.dev/platform': 'mars',
              },
            ),
          ],
        }),
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    expect((await waitForRuns(server))[0]).toMatchObject({
      status: 'succeeded',
      workloads: 5,
    });
    const items = (await request(server).get('/api/maturity/v1/workloads')).body
      .items;
    const orphan = items.find((w: any) => w.ref === 'component:default/orphan');
    expect(orphan).toMatchObject({ cores: 8 });
    expect([orphan.team, orphan.department, orphan.company]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    const unassigned =
      'Entity component:default/orphan is unassigned: its owner "ghost-team" is not a Group in the catalog, so it has ' +
      'no team, department or company and counts in no roll-up above its product; expected spec.owner to name an existing Group';
    expect(orphan.problems).toEqual([unassigned]);
    expect((await scorecardOf(server, 'orphan')).problems).toEqual([
      unassigned,
    ]);
    const martian = items.find(
      (w: any) => w.ref === 'component:default/martian',
    );
    expect(martian.problems).toEqual([
      'Entity component:default/martian has an invalid annotation maturity.cloudnative.dev/platform: "mars"; ' +
        'expected one of the platforms in maturity.platforms (default)',
    ]);
    // The company counts the one workload outside it, and its own figures leave the orphan out:
    // 4 workloads; 16 cores, cart's 12 and lab's 4, as martian (no platform facts, so no score)
    // and pricing (no cores) carry no weight.
    const company = (
      await request(server).get(
        '/api/maturity/v1/scorecards/group/default/acme',
      )
    ).body;
    expect(company).toMatchObject({
      kind: 'company',
      unassignedWorkloads: 1,
      cores: 16,
      workloads: 4,
      unweightedWorkloads: 2,
    });
    const martianCard = await scorecardOf(server, 'martian');
    expect([martianCard.score, martianCard.platform]).toEqual([null, null]);
  });
  describe('insight, heatmap and CSV', () => {
    // Every service is scored on five checks. cart: ci-pipeline passes, gradual-release fails:
    // business 50; tracing and shared-cluster pass, cluster-autoscaling fails: platform 4/6;
    // score 58.33. lab passes every business check: 100, platform 4/6: 83.33. pricing has no
    // cores. cart's score gains 25 if gradual-release passed ((100 − 50) / 2); cart's and lab's
    // gain 16.67 if cluster-autoscaling did ((100 − 66.67) / 2).
    let server: Parameters<typeof request>[0];
    beforeAll(async () => {
      server = await startBackend({
        config: {
          scorecards: [
            {
              name: 'lean',
              when: { 'spec.type': 'service' },
              checks: [
                'ci-pipeline',
                'tracing',
                'gradual-release',
                'shared-cluster',
                'cluster-autoscaling',
              ],
            },
          ],
        },
      });
      await waitForRuns(server);
    }, 60_000);
    const get = (url: string, accept = 'application/json') =>
      request(server).get(`/api/maturity${url}`).set('accept', accept);

    it("ranks the company's checks by the core-weighted points their fix adds, with the workloads to fix", async () => {
      const acme = await get('/v1/insight/group/default/acme');
      expect(acme.status).toBe(200);
      expect(acme.body).toMatchObject({ kind: 'company', cores: 16 });
      // Over 16 cores: gradual-release 25·12 / 16 = 18.75; cluster-autoscaling 16.67·(12 + 4) / 16.
      expect(acme.body.impact).toEqual([
        {
          check: 'gradual-release',
          title: expect.any(String),
          points: expect.closeTo(18.75, 4),
          workloads: 1,
          fixes: [
            {
              ref: 'component:default/cart',
              status: 'fail',
              gain: expect.closeTo(25, 4),
              cores: 12,
              points: expect.closeTo(18.75, 4),
            },
          ],
        },
        {
          check: 'cluster-autoscaling',
          title: expect.any(String),
          points: expect.closeTo(50 / 3, 4),
          workloads: 2,
          fixes: [
            {
              ref: 'component:default/cart',
              status: 'fail',
              gain: expect.closeTo(50 / 3, 4),
              cores: 12,
              points: expect.closeTo(12.5, 4),
            },
            {
              ref: 'component:default/lab',
              status: 'fail',
              gain: expect.closeTo(50 / 3, 4),
              cores: 4,
              points: expect.closeTo(50 / 12, 4),
            },
          ],
        },
      ]);
      // Least adopted first: no core autoscales; lab's 4 of 16 release gradually.
      expect(
        acme.body.checks.slice(0, 5).map((c: any) => [c.id, c.adoption]),
      ).toEqual([
        ['cluster-autoscaling', 0],
        ['gradual-release', 0.25],
        ['ci-pipeline', 1],
        ['shared-cluster', 1],
        ['tracing', 1],
      ]);
      // The other checks in force apply to no workload here.
      expect(acme.body.checks).toHaveLength(DEFAULT_CHECKS.length);
      expect(acme.body.checks[5].adoption).toBeNull();
    });

    it("reads a team's fixes from its own workloads, to the same figures", async () => {
      const team = await get('/v1/insight/group/default/checkout-team');
      expect(
        team.body.impact.map((i: any) => [
          i.check,
          i.points,
          i.fixes.map((f: any) => [f.ref, f.points]),
        ]),
      ).toEqual([
        [
          'gradual-release',
          expect.closeTo(25, 4),
          [['component:default/cart', expect.closeTo(25, 4)]],
        ],
        [
          'cluster-autoscaling',
          expect.closeTo(50 / 3, 4),
          [['component:default/cart', expect.closeTo(50 / 3, 4)]],
        ],
      ]);
      const scorecard = await get('/v1/scorecards/group/default/retail');
      expect(scorecard.body.adoption).toEqual({
        'ci-pipeline': 1,
        tracing: 1,
        'gradual-release': 0,
        'shared-cluster': 1,
        'cluster-autoscaling': 0,
      });
      expect(scorecard.body.dimensions).toHaveProperty('security');
      const workload = await get('/v1/insight/component/default/cart');
      expect(workload.status).toBe(404);
      expect(workload.body.error.message).toBe(
        "No maturity insight for component:default/cart: insight is for products, teams, departments, companies and platforms; a workload's checks are on its scorecard",
      );
    });

    it('maps departments × checks, as JSON or CSV', async () => {
      const map = await get('/v1/heatmap');
      expect(map.body.rows.map((r: any) => [r.ref, r.adoption])).toEqual([
        [
          'group:default/labs',
          {
            'ci-pipeline': 1,
            tracing: 1,
            'gradual-release': 1,
            'shared-cluster': 1,
            'cluster-autoscaling': 0,
          },
        ],
        [
          'group:default/retail',
          {
            'ci-pipeline': 1,
            tracing: 1,
            'gradual-release': 0,
            'shared-cluster': 1,
            'cluster-autoscaling': 0,
          },
        ],
      ]);
      const csv = await get('/v1/heatmap', 'text/csv');
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="heatmap-department.csv"',
      );
      const lines = csv.text.trimEnd().split('\r\n');
      const header = lines[0].split(',');
      expect(header.slice(0, 5)).toEqual([
        'ref',
        'score',
        'level',
        'cores',
        'workloads',
      ]);
      expect(header).toHaveLength(5 + DEFAULT_CHECKS.length);
      const retail = lines[2].split(',');
      const cell = (id: string) => retail[header.indexOf(id)];
      expect([retail[0], retail[3], retail[4]]).toEqual([
        'group:default/retail',
        '12',
        '2',
      ]);
      expect([
        cell('gradual-release'),
        cell('tracing'),
        cell('hpa-elastic'),
      ]).toEqual(['0', '1', '']);
      expect(Number(retail[1])).toBe(roundFigure(175 / 3));

      const teams = await get('/v1/heatmap?level=team');
      expect(teams.status).toBe(400);
      expect(teams.body.error.message).toContain('department');
      const retailTeams = await get(
        '/v1/heatmap?level=team&department=group:default/retail',
      );
      expect(retailTeams.body.rows.map((r: any) => r.ref)).toEqual([
        'group:default/checkout-team',
      ]);
    });

    it('answers a leaderboard as CSV, one line per row after the header', async () => {
      const csv = await get('/v1/leaderboard?level=department', 'text/csv');
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="leaderboard-department-by-score.csv"',
      );
      const lines = csv.text.trimEnd().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[0]).toBe(
        'rank,ref,score,level,platform,business,cores,workloads,measuredShare,scoreChange,rankChange,hourlyCost (USD),monthlySaving (USD),wasteShare',
      );
      // labs: score (4/6 · 100 + 100) / 2 = 83.33, platform 66.67, to 4 decimal places.
      expect(lines[1].split(',').slice(0, 8)).toEqual([
        '1',
        'group:default/labs',
        '83.3333',
        'L4',
        '66.6667',
        '100',
        '4',
        '1',
      ]);
      expect(lines[2].split(',').slice(0, 2)).toEqual([
        '2',
        'group:default/retail',
      ]);
      // JSON stays the default, for browsers and clients that accept anything.
      const json = await get('/v1/leaderboard?level=department', '*/*');
      expect(json.body.rows).toHaveLength(2);
    });
  });
  describe('initiatives', () => {
    // Over acme's 16 weighted cores: cart (12) scores 28.10, lab (4) 88.89; pricing has no cores.
    // cart declares ci-pipeline and tracing, lab every practice.
    const declared = {
      id: 'score-50',
      name: 'Everyone at 50',
      owner: 'group:default/acme',
      scope: 'group:default/acme',
      target: { score: 50 },
      deadline: '2027-03-31',
    };
    const canaries = {
      id: 'canaries-everywhere',
      name: 'Canaries everywhere',
      owner: 'group:default/retail',
      scope: 'group:default/acme',
      target: { checks: ['ci-pipeline', 'gradual-release'] },
      deadline: '2027-01-31',
    };
    let server: Parameters<typeof request>[0];
    beforeAll(async () => {
      server = await startBackend({ config: { initiatives: [declared] } });
      await waitForRuns(server);
    }, 60_000);

    it('tracks a declared initiative: the share of cores whose workloads meet its target', async () => {
      const list = await request(server).get('/api/maturity/v1/initiatives');
      // Only lab's 4 of 16 cores score 50 or more.
      expect(list.body.items).toEqual([
        {
          ...declared,
          source: 'config',
          progress: { cores: 16, coresMet: 4, share: 0.25 },
        },
      ]);
      const detail = await request(server).get(
        '/api/maturity/v1/initiatives/score-50',
      );
      // Least progress first: checkout-team and retail (cart's 12 cores, none met), then labs.
      expect(detail.body.groups).toEqual([
        {
          ref: 'group:default/checkout-team',
          kind: 'team',
          cores: 12,
          coresMet: 0,
          share: 0,
        },
        {
          ref: 'group:default/retail',
          kind: 'department',
          cores: 12,
          coresMet: 0,
          share: 0,
        },
        {
          ref: 'group:default/labs',
          kind: 'department',
          cores: 4,
          coresMet: 4,
          share: 1,
        },
      ]);
      expect(detail.body.burndown).toEqual([
        { at: expect.any(String), cores: 16, coresMet: 4, share: 0.25 },
      ]);
      // The same progress as CSV: the scope's, then each group's.
      const csv = await request(server)
        .get('/api/maturity/v1/initiatives/score-50')
        .set('accept', 'text/csv');
      expect(csv.headers['content-disposition']).toBe(
        'attachment; filename="initiative-score-50.csv"',
      );
      expect(csv.text.trimEnd().split('\r\n')).toEqual([
        'ref,kind,cores,coresMet,share',
        'group:default/acme,scope,16,4,0.25',
        'group:default/checkout-team,team,12,0,0',
        'group:default/retail,department,12,0,0',
        'group:default/labs,department,4,4,1',
      ]);
      // Changed in config, not here.
      const edit = await request(server)
        .put('/api/maturity/v1/initiatives/score-50')
        .send(declared);
      expect(edit.status).toBe(409);
      expect(edit.body.error.message).toBe(
        "The initiative 'score-50' is declared in app-config (maturity.initiatives); change it there",
      );
    });

    it('creates, changes and deletes an initiative through the API', async () => {
      const created = await request(server)
        .post('/api/maturity/v1/initiatives')
        .send(canaries);
      expect(created.status).toBe(201);
      // cart releases at once: only lab's 4 cores meet both checks.
      expect(created.body).toEqual({
        ...canaries,
        source: 'api',
        progress: { cores: 16, coresMet: 4, share: 0.25 },
      });
      const again = await request(server)
        .post('/api/maturity/v1/initiatives')
        .send(canaries);
      expect(again.status).toBe(409);
      // Nearest deadline first.
      const list = await request(server).get('/api/maturity/v1/initiatives');
      expect(list.body.items.map((i: any) => i.id)).toEqual([
        'canaries-everywhere',
        'score-50',
      ]);
      // Only tracing: cart and lab both trace, all 16 cores.
      const changed = await request(server)
        .put('/api/maturity/v1/initiatives/canaries-everywhere')
        .send({ ...canaries, target: { checks: ['tracing'] } });
      expect(changed.body.progress).toEqual({
        cores: 16,
        coresMet: 16,
        share: 1,
      });
      // Initiatives over a workload's groups: cart is under acme.
      const forCart = await request(server).get(
        '/api/maturity/v1/initiatives?entity=component:default/cart',
      );
      expect(forCart.body.items.map((i: any) => i.id)).toEqual([
        'canaries-everywhere',
        'score-50',
      ]);
      const deleted = await request(server).delete(
        '/api/maturity/v1/initiatives/canaries-everywhere',
      );
      expect(deleted.status).toBe(204);
      expect(
        (
          await request(server).get(
            '/api/maturity/v1/initiatives/canaries-everywhere',
          )
        ).status,
      ).toBe(404);
    });

    it('refuses a bad initiative naming the field', async () => {
      const bad = await request(server)
        .post('/api/maturity/v1/initiatives')
        .send({
          ...canaries,
          id: 'bad-one',
          target: { checks: ['no-such-check'] },
          deadline: '2027-02-30',
        });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe(
        "Invalid initiative: body.deadline: '2027-02-30' is no day; expected YYYY-MM-DD; body.target.checks[0]: there is no check 'no-such-check' in force",
      );
      const moved = await request(server)
        .put('/api/maturity/v1/initiatives/other')
        .send(canaries);
      expect(moved.status).toBe(400);
      expect(moved.body.error.message).toBe(
        "Invalid initiative: body.id 'canaries-everywhere' is not the id in the path, 'other'",
      );
    });
  });

  it('creates initiatives only with the maturity.initiative.manage permission', async () => {
    const server = await startBackend({ permission: AuthorizeResult.DENY });
    const refused = await request(server)
      .post('/api/maturity/v1/initiatives')
      .send({
        id: 'x',
        name: 'x',
        owner: 'group:default/acme',
        scope: 'group:default/acme',
        target: { level: 'L3' },
        deadline: '2027-01-01',
      });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'Creating an initiative needs the maturity.initiative.manage permission',
    );
  });

  it.each([
    [
      [{ id: 'Bad Id' }],
      'Invalid config maturity.initiatives[0].id: expected a kebab-case id',
    ],
    [
      [
        {
          id: 'a',
          name: 'A',
          owner: 'group:default/acme',
          scope: 'acme:',
          target: { score: 50 },
          deadline: '2027-01-01',
        },
      ],
      "Invalid config maturity.initiatives[0].scope: 'acme:' is no entity ref; expected e.g. group:default/search-ai",
    ],
  ])(
    'refuses to start with a bad initiative %#',
    async (initiatives, message) => {
      await expect(startBackend({ config: { initiatives } })).rejects.toThrow(
        message,
      );
    },
  );
});
