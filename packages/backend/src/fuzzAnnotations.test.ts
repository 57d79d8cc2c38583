import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createTestDatabases } from './__testUtils__/databases';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import request from 'supertest';
import maturityPlugin from '@internal/plugin-maturity-backend';
import kubernetesModule from '@internal/plugin-maturity-backend-module-kubernetes';
import prometheusModule from '@internal/plugin-maturity-backend-module-prometheus';

const root = path.resolve(__dirname, '../../..');

// Bad values for every annotation docs/annotations.md lists as read by the suite.
const BAD: Array<[string, string[]]> = [
  // Finite but past any real workload: 1 followed by 308 zeros (1e308), and one core too many.
  [
    'maturity.cloudnative.dev/cores',
    [
      '-3',
      'lots',
      '1e999',
      '',
      '12 cores',
      'NaN',
      `1${'0'.repeat(308)}`,
      '1000000.5',
    ],
  ],
  ['maturity.cloudnative.dev/workload-kind', ['serverless', 'STATELESS!', '']],
  [
    'maturity.cloudnative.dev/practices',
    ['ci-pipeline, yolo', 'tracing;alerting', 'everything'],
  ],
  ['maturity.cloudnative.dev/platform', ['mars', 'legacy vms']],
  [
    'maturity.cloudnative.dev/waiver.hpa-elastic',
    ['tomorrow: busy', '2026-13-01: bad month', '2099-01-01:', 'forever'],
  ],
  [
    'maturity.cloudnative.dev/waiver.no-such-check',
    ['2099-01-01: a check that does not exist'],
  ],
  [
    'maturity.cloudnative.dev/prometheus-selector',
    ['{namespace="shop"}', 'namespace=shop', 'pod=~', '"unterminated'],
  ],
  ['backstage.io/kubernetes-label-selector', ['app in (', '==x', 'tier!=web']],
];

/** A deterministic sequence, so a failure names the same entity every time. */
function* picks(seed: number) {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x;
  }
}

function fuzzedEntities(
  count: number,
): Array<{ entity: Entity; annotation: string }> {
  const next = picks(7);
  return Array.from({ length: count }, (_, i) => {
    const [annotation, values] = BAD[next.next().value! % BAD.length];
    const value = values[next.next().value! % values.length];
    return {
      annotation,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        // Every third one has a title longer than PostgreSQL's varchar(255) (the catalog sets none).
        metadata: {
          name: `fuzz-${i}`,
          namespace: 'default',
          annotations: { [annotation]: value },
          ...(i % 3 === 0
            ? { title: `Fuzzed workload ${i} `.padEnd(300 + i, 'x') }
            : {}),
        },
        spec: { type: 'service', owner: 'team-a' },
      },
    };
  });
}

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'scoring with fuzzed annotations on %p',
  databaseId => {
    it('never fails a run, and names the entity and the annotation for every bad value', async () => {
      const fuzzed = fuzzedEntities(300);
      const { server } = await startTestBackend({
        features: [
          mockServices.database.factory({
            knex: await databases.init(databaseId),
          }),
          maturityPlugin,
          kubernetesModule,
          prometheusModule,
          catalogServiceMock.factory({
            entities: [
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Group',
                metadata: { name: 'team-a', namespace: 'default' },
                spec: { type: 'team', children: [] },
              },
              ...fuzzed.map(f => f.entity),
              // The one workload with good cores: whatever its neighbours declare, the team has a score.
              {
                apiVersion: 'backstage.io/v1alpha1',
                kind: 'Component',
                metadata: {
                  name: 'steady',
                  namespace: 'default',
                  annotations: { 'maturity.cloudnative.dev/cores': '4' },
                },
                spec: { type: 'service', owner: 'team-a' },
              },
            ],
          }),
          mockServices.rootConfig.factory({
            data: {
              maturity: {
                schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
                platforms: { default: { sharedCluster: true } },
                kubernetes: {
                  recorded: {
                    directory: path.join(root, 'demo-data/kubernetes'),
                  },
                },
                prometheus: {
                  recorded: {
                    directory: path.join(root, 'demo-data/prometheus'),
                  },
                },
              },
            },
          }),
        ],
      });
      let runs: any[] = [];
      for (let i = 0; i < 200 && !runs.length; i++) {
        runs =
          (await request(server).get('/api/maturity/v1/runs')).body.items ?? [];
        if (!runs.length) await new Promise(r => setTimeout(r, 100));
      }
      expect(runs[0]).toMatchObject({ status: 'succeeded', workloads: 301 });

      const unexplained: string[] = [];
      for (const { entity, annotation } of fuzzed) {
        const ref = `component:default/${entity.metadata.name}`;
        const card = await request(server).get(
          `/api/maturity/v1/scorecards/component/default/${entity.metadata.name}`,
        );
        expect(card.status).toBe(200);
        const named = (card.body.problems as string[]).some(
          p => p.includes(ref) && p.includes(annotation),
        );
        if (!named)
          unexplained.push(
            `${ref} ${annotation}=${JSON.stringify(
              entity.metadata.annotations![annotation],
            )}: ${JSON.stringify(card.body.problems)}`,
          );
      }
      expect(unexplained).toEqual([]);

      // Titles of any length are kept whole.
      const listed = (await request(server).get('/api/maturity/v1/workloads'))
        .body.items;
      const titled = fuzzed.filter(f => f.entity.metadata.title);
      expect(titled.length).toBe(100);
      expect(
        titled.map(
          f =>
            listed.find(
              (w: any) =>
                w.ref === `component:default/${f.entity.metadata.name}`,
            )?.title,
        ),
      ).toEqual(titled.map(f => f.entity.metadata.title));
      // Only steady's 4 cores weigh: 1e308 and 1000000.5 cores are problems, not weights.
      const team = (
        await request(server).get(
          '/api/maturity/v1/scorecards/group/default/team-a',
        )
      ).body;
      expect(team).toMatchObject({
        cores: 4,
        workloads: 301,
        unweightedWorkloads: 300,
      });
      expect([typeof team.score, team.level]).toEqual([
        'number',
        expect.stringMatching(/^L[1-5]$/),
      ]);
    }, 60_000);
  },
);
