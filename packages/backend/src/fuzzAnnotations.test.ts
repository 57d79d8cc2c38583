import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
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
  ['maturity.cloudnative.dev/cores', ['-3', 'lots', '1e999', '', '12 cores', 'NaN']],
  ['maturity.cloudnative.dev/workload-kind', ['serverless', 'STATELESS!', '']],
  ['maturity.cloudnative.dev/practices', ['ci-pipeline, yolo', 'tracing;alerting', 'everything']],
  ['maturity.cloudnative.dev/platform', ['mars', 'legacy vms']],
  ['maturity.cloudnative.dev/waiver.hpa-elastic', ['tomorrow: busy', '2026-13-01: bad month', '2099-01-01:', 'forever']],
  ['maturity.cloudnative.dev/waiver.no-such-check', ['2099-01-01: a check that does not exist']],
  ['maturity.cloudnative.dev/prometheus-selector', ['{namespace="shop"}', 'namespace=shop', 'pod=~', '"unterminated']],
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

function fuzzedEntities(count: number): Array<{ entity: Entity; annotation: string }> {
  const next = picks(7);
  return Array.from({ length: count }, (_, i) => {
    const [annotation, values] = BAD[next.next().value! % BAD.length];
    const value = values[next.next().value! % values.length];
    return {
      annotation,
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: `fuzz-${i}`, namespace: 'default', annotations: { [annotation]: value } },
        spec: { type: 'service', owner: 'team-a' },
      },
    };
  });
}

describe('scoring with fuzzed annotations', () => {
  it('never fails a run, and names the entity and the annotation for every bad value', async () => {
    const fuzzed = fuzzedEntities(300);
    const { server } = await startTestBackend({
      features: [
        maturityPlugin,
        kubernetesModule,
        prometheusModule,
        catalogServiceMock.factory({
          entities: [
            { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'team-a', namespace: 'default' }, spec: { type: 'team', children: [] } },
            ...fuzzed.map(f => f.entity),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            maturity: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
              platforms: { default: { sharedCluster: true } },
              kubernetes: { recorded: { directory: path.join(root, 'demo-data/kubernetes') } },
              prometheus: { recorded: { directory: path.join(root, 'demo-data/prometheus') } },
            },
          },
        }),
      ],
    });
    let runs: any[] = [];
    for (let i = 0; i < 200 && !runs.length; i++) {
      runs = (await request(server).get('/api/maturity/v1/runs')).body.items ?? [];
      if (!runs.length) await new Promise(r => setTimeout(r, 100));
    }
    expect(runs[0]).toMatchObject({ status: 'succeeded', workloads: 300 });

    const unexplained: string[] = [];
    for (const { entity, annotation } of fuzzed) {
      const ref = `component:default/${entity.metadata.name}`;
      const card = await request(server).get(`/api/maturity/v1/scorecards/component/default/${entity.metadata.name}`);
      expect(card.status).toBe(200);
      const named = (card.body.problems as string[]).some(p => p.includes(ref) && p.includes(annotation));
      if (!named) unexplained.push(`${ref} ${annotation}=${JSON.stringify(entity.metadata.annotations![annotation])}: ${JSON.stringify(card.body.problems)}`);
    }
    expect(unexplained).toEqual([]);
  }, 60_000);
});
