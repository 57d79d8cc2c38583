import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import maturityPlugin from '@internal/plugin-maturity-backend';
import kubernetesModule from '@internal/plugin-maturity-backend-module-kubernetes';
import prometheusModule from '@internal/plugin-maturity-backend-module-prometheus';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const entities: Entity[] = [
  'org',
  'systems',
  'components',
  'apis',
  'resources',
].flatMap(file =>
  YAML.parseAllDocuments(read(`catalog-info/${file}.yaml`)).map(d => {
    const e = d.toJSON();
    return { ...e, metadata: { namespace: 'default', ...e.metadata } };
  }),
);
const maturity = YAML.parse(read('app-config.yaml')).maturity;

describe('the demo portal in recorded-data mode', () => {
  it('gives every Kubernetes-annotated Component Kubernetes and load facts, and no unknown fact the recordings hold', async () => {
    const { server } = await startTestBackend({
      features: [
        maturityPlugin,
        kubernetesModule,
        prometheusModule,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            maturity: {
              ...maturity,
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
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
    const workloads = (await request(server).get('/api/maturity/v1/workloads'))
      .body.items;
    const onKubernetes = entities.filter(
      e =>
        e.kind === 'Component' &&
        e.metadata.annotations?.['backstage.io/kubernetes-id'],
    );
    expect(onKubernetes.length).toBeGreaterThan(40);
    const measured = new Set<string>();
    const contradicted: string[] = [];
    for (const entity of onKubernetes) {
      const card = (
        await request(server).get(
          `/api/maturity/v1/scorecards/component/default/${entity.metadata.name}`,
        )
      ).body;
      // A claim the clusters do not back is listed; nothing else is wrong with the demo's data.
      const contradiction = /: the measured .* contradicts its declaration /;
      contradicted.push(
        ...card.problems
          .filter((p: string) => contradiction.test(p))
          .map(() => entity.metadata.name),
      );
      expect({
        ref: card.ref,
        problems: card.problems.filter((p: string) => !contradiction.test(p)),
        stale: card.stale,
      }).toEqual({
        ref: `component:default/${entity.metadata.name}`,
        problems: [],
        stale: false,
      });
      for (const c of card.checks)
        if (c.basis === 'measured') measured.add(c.id);
      expect(workloads.find((w: any) => w.ref === card.ref).coresSource).toBe(
        'kubernetes',
      );
      const unknown = card.checks
        .filter((c: any) => c.status === 'unknown')
        .map((c: any) => c.id);
      // Only checks fed by neither recording can stay unknown: practices a team has not declared.
      const recorded = unknown.filter(
        (id: string) =>
          [
            'hpa-elastic',
            'cpu-requests-set',
            'cpu-limit-ratio',
            'no-static-cpu-binding',
            'no-exclusive-nodes',
            'zone-spread',
            'health-probes',
            'graceful-shutdown',
          ].includes(id) ||
          // Ratios to requests do not exist for a workload scaled to zero.
          (['cpu-utilisation', 'cpu-memory-ratio'].includes(id) &&
            card.cores > 0),
      );
      expect({ ref: card.ref, recorded }).toEqual({
        ref: card.ref,
        recorded: [],
      });
    }
    // The one team that declares gradual release without a Rollout (scripts/generate-demo-data.js).
    expect(contradicted).toEqual(['index-serving']);
    // Every check but the seven no recording measures: api-declared, trace-id-in-logs,
    // ci-pipeline, code-scanning, dependency-scanning, managed-data-services, shared-delivery.
    expect(measured.size).toBe(25);
    const company = (
      await request(server).get('/api/maturity/v1/leaderboard?level=company')
    ).body.rows[0];
    expect(company.measuredShare).toBeGreaterThanOrEqual(0.75);
    // The two clusters run different platforms; the VMs' profile is declared.
    const platforms = Object.fromEntries(
      (
        await request(server).get('/api/maturity/v1/leaderboard?level=platform')
      ).body.rows.map((r: any) => [r.ref, r]),
    );
    expect(Object.keys(platforms).sort()).toEqual([
      'resource:default/legacy-vms',
      'resource:default/prod-classic',
      'resource:default/prod-shared',
    ]);
    expect(platforms['resource:default/prod-shared'].platform).toBeGreaterThan(
      platforms['resource:default/prod-classic'].platform + 50,
    );
  }, 60_000);
});
