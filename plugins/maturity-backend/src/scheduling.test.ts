import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import request from 'supertest';
import { createTestDatabases } from './__testUtils__/databases';
import { maturityPlugin } from './plugin';
import { waitForRuns } from './__testUtils__/waitForRuns';
import { entity } from './__testUtils__/entities';

const databases = createTestDatabases();
const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES'));

const entities = [
  entity(
    'Component',
    'cart',
    { type: 'service', owner: 'team-a' },
    { 'maturity.cloudnative.dev/cores': '4' },
  ),
];

// Two replicas of the backend on one PostgreSQL database, with Backstage's real scheduler: the
// scoring task is claimed through the database, so a scheduled run happens once, not once each.
describe.each(postgres)('two backend replicas on %p', databaseId => {
  it('run a scheduled scoring run once', async () => {
    const first = await databases.init(databaseId);
    const second = knexFactory(first.client.config);
    const replica = (knex: typeof first) =>
      startTestBackend({
        features: [
          maturityPlugin,
          schedulerServiceFactory,
          mockServices.database.factory({ knex }),
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: {
              maturity: {
                schedule: {
                  frequency: { minutes: 30 },
                  timeout: { minutes: 1 },
                  initialDelay: { seconds: 1 },
                },
              },
            },
          }),
        ],
      });
    const a = await replica(first);
    const b = await replica(second);
    try {
      const runs = await waitForRuns(a.server, 1, 15_000);
      expect(runs).toHaveLength(1);
      // Both workers check for due work at least every 5 s; give the other one time to (not) run.
      await new Promise(r => setTimeout(r, 7000));
      const seenByB = (await request(b.server).get('/api/maturity/v1/runs'))
        .body.items;
      expect(seenByB.map((r: any) => [r.id, r.status])).toEqual([
        [runs[0].id, 'succeeded'],
      ]);
    } finally {
      await a.stop();
      await b.stop();
      await second.destroy();
    }
  }, 60_000);
});
