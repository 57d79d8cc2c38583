import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import maturityPlugin from '@internal/plugin-maturity-backend';
import { DEFAULT_CHECKS } from '@internal/plugin-maturity-common';
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
// The recorded sources alone: Tech Insights' facts (and the demo's check on them) come from its
// retrievers, which the module's own test runs against a real Tech Insights backend.
const {
  techInsights: _techInsights,
  customChecks: _customChecks,
  ...maturity
} = YAML.parse(read('app-config.yaml')).maturity;

/** Waits for the first run of today: it writes the demo's 90 days of past first. */
async function waitForTodaysRun(server: Parameters<typeof request>[0]) {
  const since = Date.now() - 3_600_000;
  for (let i = 0; ; i++) {
    const [newest] =
      (await request(server).get('/api/maturity/v1/runs')).body.items ?? [];
    if (newest && Date.parse(newest.startedAt) > since) {
      expect(newest.status).toBe('succeeded');
      return;
    }
    if (i > 600) throw new Error(`no run of today: ${JSON.stringify(newest)}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

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
              history: {
                ...maturity.history,
                backfillFile: path.join(root, 'demo-data/history.yaml'),
              },
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
              cost: {
                ...maturity.cost,
                ratesFile: path.join(root, 'demo-data/rates.csv'),
              },
            },
          },
        }),
      ],
    });
    await waitForTodaysRun(server);
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
    // Every check is measured somewhere but the ten no recording can show: they rest on what
    // teams and the platform declare.
    expect(
      DEFAULT_CHECKS.map(c => c.id).filter(id => !measured.has(id)),
    ).toEqual([
      'api-declared',
      'trace-id-in-logs',
      'contextual-logs',
      'load-tested',
      'ci-pipeline',
      'devops-roles',
      'code-scanning',
      'dependency-scanning',
      'managed-data-services',
      'shared-delivery',
    ]);
    expect(measured.size).toBe(DEFAULT_CHECKS.length - 10);
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
      platforms['resource:default/prod-classic'].platform + 40,
    );

    // Each cluster's own cost, from its recorded nodes at its negotiated rates, with the idle
    // part shared to the departments that run there, and its node signals.
    const costOf = async (ref: string) =>
      (await request(server).get(`/api/maturity/v1/costs/${ref}`)).body;
    const sharedCost = (await costOf('resource/default/prod-shared')).cluster;
    const classicCost = (await costOf('resource/default/prod-classic')).cluster;
    // Answers give each figure to 4 decimal places, so parts add up to their total within half
    // a unit of the 4th place for each of them and for the total.
    const addsUp = (total: number, ...parts: number[]) =>
      expect(
        Math.abs(parts.reduce((sum, part) => sum + part, 0) - total),
      ).toBeLessThanOrEqual((parts.length + 1) * 0.00005 + 1e-9);
    for (const cluster of [sharedCost, classicCost]) {
      for (const r of ['cpuCores', 'memoryGiB', 'gpus'])
        addsUp(cluster.capacity[r], cluster.idle[r], cluster.allocated[r]);
      addsUp(
        cluster.hourlyCost.total,
        cluster.allocatedHourlyCost.total,
        cluster.idleHourlyCost.total,
      );
      addsUp(
        cluster.idleHourlyCost.total,
        ...cluster.idleShares.map((d: any) => d.hourlyCost),
        cluster.idleUnshared,
      );
    }
    // Every run keeps the cluster's cost: the 90 days before now hold the past's 89 later days
    // and today's run.
    const { clusterTrend } = await costOf('resource/default/prod-shared');
    expect(clusterTrend).toHaveLength(90);
    expect(clusterTrend[89].hourlyCost).toBeCloseTo(
      sharedCost.hourlyCost.total,
      9,
    );
    // The shared cluster's GPU pool: four 8-GPU machines beside 64-core ones.
    expect(
      sharedCost.nodeTypes.map((t: any) => [
        t.nodeType,
        t.nodes,
        t.capacity.gpus,
      ]),
    ).toEqual([
      ['S5.64XLARGE', 28, 0],
      ['GN10X.8XLARGE', 4, 32],
    ]);
    expect(sharedCost.idleShares.map((d: any) => d.ref)).toEqual([
      'group:default/search-ai',
      'group:default/media',
    ]);
    // A department's own cost view shows the same share, beside its workloads' cost.
    const media = await costOf('group/default/media');
    expect(media.idle.clusters).toEqual([
      {
        cluster: 'prod-shared',
        hourlyCost: sharedCost.idleShares[1].hourlyCost,
      },
    ]);
    expect(media.idle.hourlyCost.total).toBeCloseTo(
      sharedCost.idleShares[1].hourlyCost,
      9,
    );
    // The trainer's 2 TiB training set on premium storage, 0.12 a GiB-month: 245.76 a month.
    const trainer = (await costOf('component/default/gpu-trainer')).workload;
    expect(trainer.storageClass).toBe('cbs-premium');
    expect(trainer.storage.request).toBe(2048);
    // An hour of it, 245.76 / 730 = 0.336657…, to 4 decimal places.
    expect(trainer.storage.hourlyCost).toBe(0.3367);
    // 1,638 of its 2,048 GiB used: 410 GiB × 0.12 = 49.20 a month free, 0.067397… an hour.
    expect(trainer.storage.usage).toBeCloseTo(1638, 6);
    expect(trainer.storage.hourlyWaste).toBe(0.0674);
    // Its 80 GPUs at 0.95, 62 % used: 76 an hour, 28.88 of it idle.
    expect(trainer.gpu.hourlyCost).toBeCloseTo(76, 6);
    expect(trainer.gpu.hourlyWaste).toBeCloseTo(28.88, 6);
    // Right-sizing per container and Crane's HPA bounds, from the recorded week.
    const frontend = (await costOf('component/default/query-frontend'))
      .workload;
    expect(
      frontend.rightSizing.containers.map((c: any) => c.container),
    ).toEqual(['query-frontend']);
    expect(frontend.rightSizing.cpu.basis).toBe('Σ of 1 container');
    const bounds = frontend.rightSizing.replicas;
    expect(bounds.min).toBeGreaterThanOrEqual(2);
    expect(bounds.max).toBeGreaterThanOrEqual(bounds.min);
    expect(bounds.current).toBe(frontend.rightSizing.cpu.replicas);
    // Node signals: the shared cluster's level nodes leave room to over-commit further; the
    // classic cluster's two hot nodes beside seven cold ones want rescheduling.
    expect(sharedCost.signals.hotNodes).toEqual([]);
    expect(sharedCost.signals.overcommit.ratio).toBe(1.9);
    expect(classicCost.signals.hotNodes.map((n: any) => n.node)).toEqual([
      'prod-classic-node-1',
      'prod-classic-node-0',
    ]);
    expect(classicCost.signals.coldNodes).toBe(7);
    expect(classicCost.signals.rescheduling.reason).toMatch(
      /would move pods from the hot nodes to the cold ones/,
    );

    // A past: a point a day, and the leaderboard compares with 30 days ago. prod-shared put in
    // Kyverno 40 days ago and Falco 25 days ago, so every workload on it gained both checks.
    const history = (
      await request(server).get(
        '/api/maturity/v1/scorecards/resource/default/prod-shared/history?from=2026-01-01',
      )
    ).body.points;
    expect(history).toHaveLength(91);
    expect(history[90].platform).toBeGreaterThan(history[0].platform);
    const board = (
      await request(server).get(
        '/api/maturity/v1/leaderboard?level=platform&window=30d',
      )
    ).body;
    expect(board.comparedTo).not.toBeNull();
    const shared = board.rows.find(
      (r: any) => r.ref === 'resource:default/prod-shared',
    );
    expect(shared.scoreChange).toBeGreaterThan(0);

    // An initiative's burndown over the whole past: teams added probes across the quarter.
    const probes = (
      await request(server).get(
        '/api/maturity/v1/initiatives/probes-everywhere',
      )
    ).body;
    // The 90 days before now hold the past's 89 later days and today's run.
    expect(probes.burndown).toHaveLength(90);
    const [first] = probes.burndown;
    const last = probes.burndown[89];
    expect(last.coresMet).toBeGreaterThan(first.coresMet);
    expect(last).toEqual({ at: expect.any(String), ...probes.progress });
  }, 60_000);
});
