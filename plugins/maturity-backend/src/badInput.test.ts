import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { createTestDatabases } from './__testUtils__/databases';
import { waitForRuns } from './__testUtils__/waitForRuns';
import { maturityPlugin } from './plugin';
import { entity } from './__testUtils__/entities';

const databases = createTestDatabases();

const entities = [
  entity('Group', 'retail', { type: 'department', children: [] }),
  entity(
    'Component',
    'cart',
    { type: 'service', owner: 'retail' },
    { 'maturity.cloudnative.dev/cores': '2' },
  ),
];

// Each request, the status it must get, and what its error message must name.
const BAD: Array<[string, number, string]> = [
  ['/v1/scorecards/component/default/ca%00rt', 400, 'path parameter name'],
  [
    '/v1/scorecards/component/def%00ault/cart/history',
    400,
    'path parameter namespace',
  ],
  ['/v1/costs/comp%00onent/default/cart', 400, 'path parameter kind'],
  ['/v1/practices/component/default/cart%00', 400, 'path parameter name'],
  [
    '/v1/leaderboard?level=team&department=group:default/re%00tail',
    400,
    'query parameter department',
  ],
  ['/v1/workloads?team=group:default/%00', 400, 'query parameter team'],
  ['/v1/workloads?product=x%00&company=y', 400, 'query parameter product'],
  ['/v1/leaderboard?window=1000000000d', 400, 'window'],
  ['/v1/leaderboard?window=87601h', 400, 'window'],
  [
    '/v1/scorecards/component/default/cart/history?from=-271821-04-20',
    400,
    'from',
  ],
  ['/v1/costs/component/default/cart/history?to=%2B275760-09-13', 400, 'to'],
  ['/v1/no-such-route', 404, 'GET /api/maturity/v1/no-such-route'],
  [
    '/v1/scorecards/component/default/cart/extra/segments',
    404,
    'No such maturity API route',
  ],
];

describe.each(databases.eachSupportedId())('bad requests on %p', databaseId => {
  it('answers 400 naming the parameter, or Backstage error body 404, never 500', async () => {
    const knex = await databases.init(databaseId);
    const { server } = await startTestBackend({
      features: [
        maturityPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            maturity: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
              platforms: { default: {} },
            },
          },
        }),
      ],
    });
    expect((await waitForRuns(server))[0].status).toBe('succeeded');
    const answers = [];
    for (const [url, , named] of BAD) {
      const res = await request(server).get(`/api/maturity${url}`);
      answers.push([
        url,
        res.status,
        res.body?.error?.message?.includes(named) ?? res.text,
      ]);
    }
    expect(answers).toEqual(BAD.map(([url, status]) => [url, status, true]));

    const wrongMethod = await request(server).delete(
      '/api/maturity/v1/leaderboard',
    );
    expect([wrongMethod.status, wrongMethod.body.error?.name]).toEqual([
      404,
      'NotFoundError',
    ]);
    // The good twins of the requests above still answer.
    for (const url of [
      '/v1/leaderboard?window=3650d',
      '/v1/scorecards/component/default/cart/history?from=1970-01-01',
    ]) {
      expect([
        url,
        (await request(server).get(`/api/maturity${url}`)).status,
      ]).toEqual([url, 200]);
    }
  });
});
