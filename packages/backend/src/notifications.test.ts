import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import maturityPlugin from '@internal/plugin-maturity-backend';
import { maturityFactCollectorsExtensionPoint } from '@internal/plugin-maturity-node';
import request from 'supertest';
import {
  createTestDatabases,
  perPluginDatabases,
} from './__testUtils__/databases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

const ALICE = 'user:default/alice';
// cart's waiver of cpu-utilisation holds for three more days.
const waiverEnds = new Date(Date.now() + 3 * 86_400_000)
  .toISOString()
  .slice(0, 10);
const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'acme', namespace: 'default' },
    spec: { type: 'organization', children: ['shop'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { type: 'team', parent: 'acme', children: [] },
    relations: [{ type: 'hasMember', targetRef: ALICE }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice', namespace: 'default' },
    spec: { memberOf: ['shop'] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'cart',
      namespace: 'default',
      annotations: {
        'maturity.cloudnative.dev/waiver.cpu-utilisation': `${waiverEnds}: load test next week`,
      },
    },
    spec: { type: 'service', owner: 'shop' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/shop' }],
  },
];

/** What the cluster shows of cart: all is well until `degraded`, then its containers lose it all. */
const cluster = { degraded: false };
const clusterModule = createBackendModule({
  pluginId: 'maturity',
  moduleId: 'test-cluster',
  register(env) {
    env.registerInit({
      deps: { collectors: maturityFactCollectorsExtensionPoint },
      async init({ collectors }) {
        collectors.addFactCollector({
          id: 'test-cluster',
          source: 'kubernetes',
          async collect() {
            const ok = !cluster.degraded;
            return {
              facts: new Map([
                [
                  'component:default/cart',
                  {
                    'kubernetes.cores': 4,
                    'kubernetes.hpaElastic': ok,
                    'kubernetes.cpuRequestsSet': ok,
                    'kubernetes.probes': ok,
                    'kubernetes.zoneSpread': ok,
                    'kubernetes.gracefulShutdown': ok,
                  },
                ],
              ]),
            };
          },
        });
      },
    });
  },
});

describe.each(databases.eachSupportedId())(
  'maturity notifications through the notifications backend on %p',
  databaseId => {
    // Both replicas share each plugin's database, as replicas of one deployment do.
    const sharedDatabases = perPluginDatabases(databases, databaseId);
    const replica = async () =>
      (
        await startTestBackend({
          features: [
            maturityPlugin,
            clusterModule,
            notificationsPlugin,
            sharedDatabases,
            catalogServiceMock.factory({ entities }),
            mockServices.rootConfig.factory({
              data: {
                app: { baseUrl: 'http://localhost:3000' },
                maturity: {
                  // A platform side to score; the business side is cart's own.
                  platforms: { default: { sharedCluster: true } },
                  // Runs only when asked, below.
                  schedule: {
                    frequency: { hours: 1 },
                    timeout: { minutes: 1 },
                    initialDelay: { hours: 1 },
                  },
                },
              },
            }),
          ],
        })
      ).server;

    async function runOn(server: any, runs: number) {
      const triggered = await request(server)
        .post('/api/maturity/v1/runs')
        .set('authorization', mockCredentials.user.header());
      expect(triggered.status).toBe(202);
      for (let i = 0; ; i++) {
        const items = (
          await request(server)
            .get('/api/maturity/v1/runs')
            .set('authorization', mockCredentials.user.header())
        ).body.items;
        if (items.filter((r: any) => r.status === 'succeeded').length >= runs)
          return;
        if (i > 600)
          throw new Error(`no run ${runs}: ${JSON.stringify(items)}`);
        await new Promise(r => setTimeout(r, 100));
      }
    }

    const alicesNotifications = async (server: any) =>
      (
        await request(server)
          .get('/api/notifications/notifications')
          .set('authorization', mockCredentials.user.header(ALICE))
      ).body.notifications.map((n: any) => n.payload);

    it('tells the owner once of a waiver ending and once of a fall, across runs on two replicas', async () => {
      cluster.degraded = false;
      const a = await replica();
      const b = await replica();

      await runOn(a, 1);
      const first = await alicesNotifications(a);
      expect(first).toEqual([
        expect.objectContaining({
          title: `cart: the waiver of “Real CPU use (p95 over 7 days) at least half of the request” ends on ${waiverEnds}`,
          link: '/catalog/default/component/cart/maturity',
          topic: 'Cloud-native maturity',
        }),
      ]);

      // The same waiver on the next run, on the other replica: not again.
      await runOn(b, 2);
      expect(await alicesNotifications(b)).toHaveLength(1);

      // cart loses its autoscaling, requests, probes, spread and graceful shutdown.
      cluster.degraded = true;
      await runOn(a, 3);
      // cart fell, and with it its team, of which alice is a member: one notification each.
      const second = await alicesNotifications(b);
      expect(second).toHaveLength(3);
      const falls = second.filter((p: any) => p.title.includes('fell'));
      expect(falls.map((p: any) => p.link).sort()).toEqual([
        '/catalog/default/component/cart/maturity',
        '/catalog/default/group/shop/maturity',
      ]);
      for (const fall of falls) {
        expect(fall.title).toMatch(
          /^(cart|shop): maturity (level fell from L\d to L\d|score fell \d+\.\d points)$/,
        );
        expect(fall.description).toMatch(
          /^Its core-weighted score went from \d+\.\d to \d+\.\d/,
        );
      }

      // Nothing changed since: no new notification from either replica.
      await runOn(b, 4);
      expect(await alicesNotifications(a)).toHaveLength(3);
    });
  },
);
