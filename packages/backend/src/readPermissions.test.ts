import {
  AuthService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import maturityPlugin from '@internal/plugin-maturity-backend';
import {
  createTestDatabases,
  perPluginDatabases,
} from './__testUtils__/databases';
import { demoPolicyModule } from './permissions/demoPolicyModule';

jest.setTimeout(120_000);

const databases = createTestDatabases();

// Two departments under one company. Alice is in the checkout team; Bob reads everything.
const ORG = [
  {
    kind: 'Group',
    metadata: { name: 'acme' },
    spec: { type: 'organization', children: [] },
  },
  {
    kind: 'Group',
    metadata: { name: 'retail' },
    spec: { type: 'department', parent: 'acme', children: [] },
  },
  {
    kind: 'Group',
    metadata: { name: 'labs' },
    spec: { type: 'department', parent: 'acme', children: [] },
  },
  {
    kind: 'Group',
    metadata: { name: 'checkout-team' },
    spec: { type: 'team', parent: 'retail', children: [] },
  },
  {
    kind: 'Group',
    metadata: { name: 'search-team' },
    spec: { type: 'team', parent: 'retail', children: [] },
  },
  {
    kind: 'System',
    metadata: { name: 'shop' },
    spec: { owner: 'checkout-team' },
  },
  ...[
    ['cart', 'checkout-team', 12, 'shop'],
    ['payments', 'checkout-team', 4, 'shop'],
    ['search', 'search-team', 8, undefined],
    ['lab', 'labs', 4, undefined],
  ].map(([name, owner, cores, system]) => ({
    kind: 'Component',
    metadata: {
      name,
      annotations: { 'maturity.cloudnative.dev/cores': String(cores) },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner,
      ...(system ? { system } : {}),
    },
  })),
].map(e => ({ apiVersion: 'backstage.io/v1alpha1', ...e }));

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const GROUPS_OF: Record<string, string[]> = {
  [ALICE]: ['group:default/checkout-team'],
  [BOB]: [],
};

/**
 * Backstage's mock auth, except that a plugin asking on a user's behalf gets a user token naming
 * the plugin as its actor, as real auth issues: the permission backend answers a conditional
 * decision only to a plugin (a user asking directly gets 400), so without the actor the catalog
 * could not filter by permission here.
 */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }) => {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const getPluginRequestToken: AuthService['getPluginRequestToken'] =
      async options => {
        const principal = options.onBehalfOf.principal as {
          type: string;
          userEntityRef?: string;
        };
        if (principal.type !== 'user')
          return auth.getPluginRequestToken(options);
        return {
          token: mockCredentials.user.token(principal.userEntityRef, {
            actor: { subject: `plugin:${plugin.getId()}` },
          }),
        };
      };
    return Object.assign(Object.create(auth), {
      getPluginRequestToken,
    }) as AuthService;
  },
});

const userInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials: any) {
      const ref = credentials.principal.userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs: [ref, ...(GROUPS_OF[ref] ?? [])],
      };
    },
  }),
});

describe.each(databases.eachSupportedId())(
  'catalog read permissions on %p',
  databaseId => {
    let server: any;
    let dir: string;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-permissions-'));
      const catalogFile = path.join(dir, 'catalog.yaml');
      fs.writeFileSync(
        catalogFile,
        ORG.map(e => YAML.stringify(e)).join('---\n'),
      );
      ({ server } = await startTestBackend({
        features: [
          catalogPlugin,
          permissionPlugin,
          demoPolicyModule,
          maturityPlugin,
          userInfo,
          authWithActors,
          perPluginDatabases(databases, databaseId),
          mockServices.rootConfig.factory({
            data: {
              permission: { enabled: true },
              demo: { permissionPolicy: 'owned-only', permissionAdmins: [BOB] },
              catalog: {
                rules: [
                  { allow: ['Component', 'System', 'Group', 'Location'] },
                ],
                locations: [{ type: 'file', target: catalogFile }],
              },
              maturity: {
                schedule: {
                  frequency: { hours: 1 },
                  timeout: { minutes: 1 },
                  initialDelay: { hours: 1 },
                },
                platforms: { default: { sharedCluster: true } },
              },
            },
          }),
        ],
      }));
      // The catalog processes the file, then a run is started and awaited.
      const asBob = mockCredentials.user.header(BOB);
      for (let i = 0; ; i++) {
        const res = await request(server)
          .get('/api/catalog/entities/by-query?filter=kind=component')
          .set('authorization', asBob);
        if (res.body.items?.length === 4) break;
        if (i > 300)
          throw new Error(
            `the catalog has ${res.status} ${res.text} of 4 Components`,
          );
        await new Promise(r => setTimeout(r, 100));
      }
      const triggered = await request(server)
        .post('/api/maturity/v1/runs')
        .set('authorization', asBob);
      if (triggered.status !== 202)
        throw new Error(`no run started: ${triggered.text}`);
      for (let i = 0; ; i++) {
        const runs = (
          await request(server)
            .get('/api/maturity/v1/runs')
            .set('authorization', asBob)
        ).body.items;
        if (runs?.[0]?.status === 'succeeded') break;
        if (i > 300)
          throw new Error(`no run succeeded: ${JSON.stringify(runs)}`);
        await new Promise(r => setTimeout(r, 100));
      }
    });

    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    const get = (url: string, user: string) =>
      request(server)
        .get(`/api/maturity${url}`)
        .set('authorization', mockCredentials.user.header(user));

    it('answers an entity the caller may not read with the 404 of an unknown one, before and after it is cached', async () => {
      const unknown = await get('/v1/scorecards/component/default/nope', ALICE);
      expect(unknown.status).toBe(404);
      // Bob's request puts lab's scorecard in the answers cache; Alice must not get it from there.
      expect(
        (await get('/v1/scorecards/component/default/lab', BOB)).status,
      ).toBe(200);
      for (const url of [
        '/v1/scorecards/component/default/lab',
        '/v1/scorecards/component/default/lab/history',
        '/v1/costs/component/default/lab',
        '/v1/costs/component/default/lab/history',
        '/v1/practices/component/default/lab',
        '/v1/scorecards/group/default/labs',
        '/v1/scorecards/group/default/search-team',
        '/v1/insight/group/default/labs',
      ]) {
        const hidden = await get(url, ALICE);
        expect([url, hidden.status]).toEqual([url, 404]);
        const ref = url.split('/').slice(3, 6).join('/').replace('/', ':');
        expect(hidden.body.error.message).toBe(
          unknown.body.error.message.replace('component:default/nope', ref),
        );
      }
    });

    it('serves what the caller may read, with the members they may not read left out', async () => {
      const cart = await get('/v1/scorecards/component/default/cart', ALICE);
      expect([cart.status, cart.body.cores]).toEqual([200, 12]);
      expect(
        (await get('/v1/costs/component/default/payments', ALICE)).status,
      ).toBe(200);

      // The team's figures are its own: 16 cores, 2 workloads, whoever asks.
      const team = await get(
        '/v1/scorecards/group/default/checkout-team',
        ALICE,
      );
      expect(team.body).toMatchObject({
        kind: 'team',
        cores: 16,
        workloads: 2,
      });
      expect(team.body.members.map((m: any) => m.ref).sort()).toEqual([
        'component:default/cart',
        'component:default/payments',
      ]);

      // Retail aggregates cart, payments and search (24 cores), which Alice may not all read; she
      // may not read retail itself, so it answers 404, while Bob sees both teams in it.
      expect(
        (await get('/v1/scorecards/group/default/retail', ALICE)).status,
      ).toBe(404);
      const retail = await get('/v1/scorecards/group/default/retail', BOB);
      expect(retail.body).toMatchObject({ cores: 24, workloads: 3 });
      expect(retail.body.members.map((m: any) => m.ref).sort()).toEqual([
        'group:default/checkout-team',
        'group:default/search-team',
      ]);
    });

    it('leaves unreadable rows out of leaderboards before paging, and unreadable workloads out of the list', async () => {
      const bobs = await get('/v1/leaderboard?level=team', BOB);
      expect(bobs.body.rows.map((r: any) => r.ref).sort()).toEqual([
        'group:default/checkout-team',
        'group:default/search-team',
      ]);
      const alices = await get('/v1/leaderboard?level=team&limit=1', ALICE);
      expect(alices.body.total).toBe(1);
      expect(alices.body.rows.map((r: any) => r.ref)).toEqual([
        'group:default/checkout-team',
      ]);
      // Rank stays the team's place on the whole board.
      const checkout = bobs.body.rows.find(
        (r: any) => r.ref === 'group:default/checkout-team',
      );
      expect(alices.body.rows[0].rank).toBe(checkout.rank);
      expect(
        (await get('/v1/leaderboard?level=department', ALICE)).body.rows,
      ).toEqual([]);

      // Heatmaps show the groups the caller may read, as JSON and as CSV.
      expect(
        (await get('/v1/heatmap', BOB)).body.rows.map((r: any) => r.ref).sort(),
      ).toEqual(['group:default/labs', 'group:default/retail']);
      expect((await get('/v1/heatmap', ALICE)).body.rows).toEqual([]);
      const csv = await get('/v1/heatmap', ALICE).set('accept', 'text/csv');
      expect(csv.text.trimEnd().split('\r\n')).toHaveLength(1);
      expect(
        (
          await get(
            '/v1/heatmap?level=team&department=group:default/retail',
            ALICE,
          )
        ).status,
      ).toBe(404);
      // A team's fixes are its own workloads, which Alice may read.
      const insight = await get(
        '/v1/insight/group/default/checkout-team',
        ALICE,
      );
      expect(insight.status).toBe(200);
      for (const impact of insight.body.impact)
        for (const fix of impact.fixes)
          expect([
            'component:default/cart',
            'component:default/payments',
          ]).toContain(fix.ref);

      const list = await get('/v1/workloads', ALICE);
      expect(list.body.items.map((w: any) => w.ref).sort()).toEqual([
        'component:default/cart',
        'component:default/payments',
      ]);
      expect((await get('/v1/workloads', BOB)).body.items).toHaveLength(4);
    });

    it('answers every label only to a service, such as the catalog module', async () => {
      expect((await get('/v1/labels', BOB)).status).toBe(403);
      const labels = await request(server)
        .get('/api/maturity/v1/labels')
        .set(
          'authorization',
          mockCredentials.service.header({
            onBehalfOf: mockCredentials.service('plugin:catalog'),
            targetPluginId: 'maturity',
          }),
        );
      expect(labels.status).toBe(200);
      expect(labels.body.items.map((i: any) => i.ref)).toContain(
        'component:default/lab',
      );
    });
  },
);
