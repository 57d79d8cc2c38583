import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import path from 'node:path';
import request from 'supertest';
import { maturityPlugin } from './plugin';
import { demoEntities, demoMaturityConfig } from './__testUtils__/demoCatalog';
import {
  responseMismatch,
  specOperations,
} from './__testUtils__/responseMatchesSpec';
import { waitForRuns } from './__testUtils__/waitForRuns';

const WORKLOAD = 'component/default/query-frontend';
const PRODUCT = 'system/default/web-search';
const TEAM = 'group/default/ranking';
const DEPARTMENT = 'group/default/search-ai';
const COMPANY = 'group/default/acme-cloud';

/**
 * Real answers of every route, each checked against the status and body schema the spec gives
 * for it: the spec is the contract the frontend's types and client are generated from, so an
 * answer that strays from it is a defect here, not a surprise there.
 */
const CALLS: Array<{
  operation: string;
  url: string;
  status: number;
  service?: boolean;
  method?: 'get' | 'post' | 'put' | 'delete';
  body?: object;
}> = [
  { operation: 'GET /health', url: '/health', status: 200 },
  {
    operation: 'GET /v1/workloads',
    url: '/v1/workloads?department=group:default/search-ai&limit=5',
    status: 200,
  },
  {
    operation: 'GET /v1/workloads',
    url: '/v1/workloads?team=a&team=b',
    status: 400,
  },
  { operation: 'GET /v1/model', url: '/v1/model', status: 200 },
  ...[WORKLOAD, PRODUCT, TEAM, DEPARTMENT, COMPANY].map(entity => ({
    operation: 'GET /v1/scorecards/{kind}/{namespace}/{name}',
    url: `/v1/scorecards/${entity}`,
    status: 200,
  })),
  {
    operation: 'GET /v1/scorecards/{kind}/{namespace}/{name}',
    url: '/v1/scorecards/component/default/no-such-thing',
    status: 404,
  },
  ...[WORKLOAD, DEPARTMENT].map(entity => ({
    operation: 'GET /v1/scorecards/{kind}/{namespace}/{name}/history',
    url: `/v1/scorecards/${entity}/history`,
    status: 200,
  })),
  {
    operation: 'GET /v1/scorecards/{kind}/{namespace}/{name}/history',
    url: `/v1/scorecards/${WORKLOAD}/history?from=yesterday`,
    status: 400,
  },
  ...['level=team', 'level=department&by=savings', 'level=product&limit=3'].map(
    query => ({
      operation: 'GET /v1/leaderboard',
      url: `/v1/leaderboard?${query}`,
      status: 200,
    }),
  ),
  {
    operation: 'GET /v1/leaderboard',
    url: '/v1/leaderboard?window=forever',
    status: 400,
  },
  { operation: 'GET /v1/runs', url: '/v1/runs', status: 200 },
  {
    operation: 'GET /v1/labels',
    url: '/v1/labels',
    status: 200,
    service: true,
  },
  { operation: 'GET /v1/labels', url: '/v1/labels', status: 403 },
  {
    operation: 'GET /v1/practices',
    url: '/v1/practices?dimension=compute',
    status: 200,
  },
  ...[WORKLOAD, DEPARTMENT].flatMap(entity => [
    {
      operation: 'GET /v1/costs/{kind}/{namespace}/{name}',
      url: `/v1/costs/${entity}?window=7d`,
      status: 200,
    },
    {
      operation: 'GET /v1/costs/{kind}/{namespace}/{name}/history',
      url: `/v1/costs/${entity}/history`,
      status: 200,
    },
    {
      operation: 'GET /v1/practices/{kind}/{namespace}/{name}',
      url: `/v1/practices/${entity}`,
      status: 200,
    },
  ]),
  ...[PRODUCT, TEAM, DEPARTMENT, COMPANY].map(entity => ({
    operation: 'GET /v1/insight/{kind}/{namespace}/{name}',
    url: `/v1/insight/${entity}`,
    status: 200,
  })),
  {
    operation: 'GET /v1/insight/{kind}/{namespace}/{name}',
    url: `/v1/insight/${WORKLOAD}`,
    status: 404,
  },
  ...[
    '',
    '?level=platform',
    '?level=team&department=group:default/search-ai',
  ].map(query => ({
    operation: 'GET /v1/heatmap',
    url: `/v1/heatmap${query}`,
    status: 200,
  })),
  {
    operation: 'GET /v1/heatmap',
    url: '/v1/heatmap?level=team',
    status: 400,
  },
  { operation: 'GET /v1/initiatives', url: '/v1/initiatives', status: 200 },
  {
    operation: 'GET /v1/initiatives/{id}',
    url: '/v1/initiatives/probes-everywhere',
    status: 200,
  },
  {
    operation: 'GET /v1/initiatives/{id}',
    url: '/v1/initiatives/no-such-initiative',
    status: 404,
  },
  ...(['post', 'put'] as const).map(method => ({
    operation: `${method.toUpperCase()} /v1/initiatives${
      method === 'put' ? '/{id}' : ''
    }`,
    url: `/v1/initiatives${method === 'put' ? '/search-ai-l4' : ''}`,
    status: method === 'post' ? 201 : 200,
    method,
    body: {
      id: 'search-ai-l4',
      name: 'Search & AI at L4',
      owner: 'group:default/search-ai',
      scope: 'group:default/search-ai',
      target: { level: 'L4' },
      deadline: '2027-06-30',
    },
  })),
  {
    operation: 'DELETE /v1/initiatives/{id}',
    url: '/v1/initiatives/search-ai-l4',
    status: 204,
    method: 'delete',
  },
  // The demo declares Media's budget; Commerce's is set, then removed, through the API.
  { operation: 'GET /v1/budgets', url: '/v1/budgets', status: 200 },
  {
    operation: 'PUT /v1/budgets/{kind}/{namespace}/{name}',
    url: '/v1/budgets/group/default/commerce',
    status: 200,
    method: 'put',
    body: { monthly: 40000 },
  },
  {
    operation: 'PUT /v1/budgets/{kind}/{namespace}/{name}',
    url: '/v1/budgets/group/default/media',
    status: 409,
    method: 'put',
    body: { monthly: 1 },
  },
  {
    operation: 'PUT /v1/budgets/{kind}/{namespace}/{name}',
    url: '/v1/budgets/component/default/cart',
    status: 400,
    method: 'put',
    body: { monthly: 1 },
  },
  {
    operation: 'DELETE /v1/budgets/{kind}/{namespace}/{name}',
    url: '/v1/budgets/group/default/commerce',
    status: 204,
    method: 'delete',
  },
  {
    operation: 'DELETE /v1/budgets/{kind}/{namespace}/{name}',
    url: '/v1/budgets/group/default/commerce',
    status: 404,
    method: 'delete',
  },
  // A run was just finished, so a new one starts at once.
  {
    operation: 'POST /v1/runs',
    url: '/v1/runs',
    status: 202,
    method: 'post',
  },
];

/** The plugin on the demo organisation, in a test backend. */
const startDemoBackend = () =>
  startTestBackend({
    features: [
      maturityPlugin,
      catalogServiceMock.factory({ entities: demoEntities }),
      mockServices.rootConfig.factory({
        data: { maturity: demoMaturityConfig },
      }),
    ],
  });

describe('answers against the OpenAPI spec', () => {
  it('answers every operation as the spec says, on the demo organisation', async () => {
    const { server } = await startDemoBackend();
    expect((await waitForRuns(server))[0].status).toBe('succeeded');

    const mismatches: string[] = [];
    for (const call of CALLS) {
      let req = request(server)[call.method ?? 'get'](
        `/api/maturity${call.url}`,
      );
      if (call.service)
        req = req.set('authorization', mockCredentials.service.header());
      const res = await (call.body ? req.send(call.body) : req);
      if (res.status !== call.status)
        mismatches.push(
          `${call.url} answered ${res.status}, expected ${call.status}`,
        );
      const mismatch = responseMismatch(call.operation, res.status, res.body);
      if (mismatch) mismatches.push(`${call.url}: ${mismatch}`);
    }
    expect(mismatches).toEqual([]);
    // Every operation of the spec was called.
    expect(new Set(CALLS.map(c => c.operation))).toEqual(
      new Set(specOperations()),
    );
  });

  it("compiles each route's matcher once, not on every request", async () => {
    // The validator Backstage's typed router runs matches a request against the spec's routes
    // in turn; released, it compiled each route's pattern for every request (~2.6 µs a route),
    // a quarter of a cached answer's time. The repository patches it (.yarn/patches): an upgrade
    // that drops the patch fails here.
    const pathToRegexpModule = require(require.resolve('path-to-regexp', {
      paths: [path.dirname(require.resolve('express-openapi-validator'))],
    }));
    const compile = jest.spyOn(pathToRegexpModule, 'pathToRegexp');
    const { server } = await startDemoBackend();
    const history = `/api/maturity/v1/scorecards/${WORKLOAD}/history`;
    expect((await request(server).get(history)).status).toBe(200);
    const compiled = compile.mock.calls.length;
    expect(compiled).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++)
      expect((await request(server).get(history)).status).toBe(200);
    expect(compile.mock.calls.length).toBe(compiled);
    compile.mockRestore();
  });

  it('finds a body that strays from the spec', () => {
    expect(
      responseMismatch('GET /v1/workloads', 200, {
        items: [],
        total: '3',
        unweighted: 0,
        refreshedAt: null,
      }),
    ).toMatch(/\/total must be integer/);
    expect(
      responseMismatch('GET /v1/workloads', 200, {
        items: [],
        total: 0,
        unweighted: 0,
        refreshedAt: null,
        extra: true,
      }),
    ).toMatch(/must NOT have additional properties/);
    expect(responseMismatch('GET /v1/model', 418, {})).toMatch(/does not list/);
  });
});
