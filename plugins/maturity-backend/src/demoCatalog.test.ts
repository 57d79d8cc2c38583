import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { maturityPlugin } from './plugin';
import { rollUp } from './scoring/GroupRollUp';
import {
  demoEntities as entities,
  demoMaturityConfig,
} from './__testUtils__/demoCatalog';

describe('the demo organisation', () => {
  it('gives every department a core-weighted score that matches rollUp() over the workload scorecards', async () => {
    const { server } = await startTestBackend({
      features: [
        maturityPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: { maturity: demoMaturityConfig },
        }),
      ],
    });
    const board = await request(server).get(
      '/api/maturity/v1/leaderboard?level=department',
    );
    expect(board.status).toBe(200);
    expect(board.body.rows.map((r: any) => r.ref).sort()).toEqual([
      'group:default/commerce',
      'group:default/corporate-it',
      'group:default/media',
      'group:default/search-ai',
    ]);

    const workloads = await request(server).get('/api/maturity/v1/workloads');
    expect(workloads.body.items).toHaveLength(44);
    const cards = await Promise.all(
      workloads.body.items.map(async (w: any) => {
        const [kind, rest] = w.ref.split(':');
        const [namespace, name] = rest.split('/');
        return (
          await request(server).get(
            `/api/maturity/v1/scorecards/${kind}/${namespace}/${name}`,
          )
        ).body;
      }),
    );
    const expected = rollUp(
      cards.map(c => ({
        ref: c.ref,
        cores: c.cores,
        platform: c.score === null ? null : c.platform,
        business: c.score === null ? null : c.business,
        department: c.department,
      })),
    );
    for (const row of board.body.rows) {
      const department = expected.department.find(d => d.ref === row.ref)!;
      expect(row.score).not.toBeNull();
      // The scorecards give each workload's figures to 4 decimal places and the run rolls up
      // their exact ones: the two means differ by less than 1/10,000 of a point, plus the row's
      // own rounding.
      expect(row.score).toBeCloseTo(department.score!, 3);
      expect(row.cores).toBe(department.cores);
    }
    // Core weighting matters here: search-ai carries ~10,000 cores, corporate-it 38.
    const searchAi = board.body.rows.find(
      (r: any) => r.ref === 'group:default/search-ai',
    );
    expect(searchAi.cores).toBeGreaterThan(9000);
  });
});
