import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FACTS } from '@internal/plugin-maturity-common';
import {
  FactCollectionRun,
  MaturityFactCollector,
} from '@internal/plugin-maturity-node';
import {
  createTestDatabases,
  expectWriteToFail,
} from '../__testUtils__/databases';
import { readMaturityConfig } from '../config/readMaturityConfig';
import { DatabaseSnapshotStore } from '../database/DatabaseSnapshotStore';
import { ScoringRunner } from './ScoringRunner';
import { listedWorkloads, memberRows } from '../service/scorecards';
import { WorkloadDetail } from '../snapshot/workloadDetail';
import { GroupDetail } from '../snapshot/groupDetail';
import { levelKindCode } from '../database/levelKindCodes';

const databases = createTestDatabases();

const group = (name: string, type: string, parent?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type, children: [], ...(parent ? { parent } : {}) },
});
const component = (i: number): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: `w-${String(i).padStart(4, '0')}`, namespace: 'default' },
  // 1,000 workloads in retail, 201 in labs: 1,201 is three pages of 500, 500 and 201.
  spec: { type: 'service', owner: i < 1000 ? 'team-retail' : 'team-labs' },
});
const entities = [
  group('acme', 'organization'),
  group('retail', 'department', 'acme'),
  group('labs', 'department', 'acme'),
  group('team-retail', 'team', 'retail'),
  group('team-labs', 'team', 'labs'),
  ...Array.from({ length: 1201 }, (_, i) => component(i)),
];

/** Measures every workload at `cores` cores; fails the page holding `failOn`, if given. */
class MeasuringCollector implements MaturityFactCollector {
  readonly id = 'measure';
  pages: number[] = [];
  failedRefs: string[] = [];
  sharedLoads = 0;

  constructor(
    private readonly cores: number,
    private readonly failOn?: string,
  ) {}

  async collect(workloads: Entity[], run: FactCollectionRun) {
    this.pages.push(workloads.length);
    await run.once('listing', async () => {
      this.sharedLoads++;
    });
    const refs = workloads.map(w => `component:default/${w.metadata.name}`);
    if (this.failOn && refs.includes(this.failOn)) {
      this.failedRefs = refs;
      throw new Error('measuring service unavailable');
    }
    return {
      facts: new Map(
        refs.map(ref => [ref, { [FACTS.kubernetes.cores]: this.cores }]),
      ),
    };
  }
}

/**
 * Puts every workload on cluster `prod`: retail's at 2 cores and 4 GiB, labs' at 1 core and
 * 2 GiB. The cluster is one 3,000-core, 8,000-GiB machine whose pods request 2,300 cores and
 * 4,500 GiB (the workloads' 2,201 and 4,402, and system pods'), and node exporter saw its CPU
 * peak at 20 % in the day.
 */
class ClusterCollector implements MaturityFactCollector {
  readonly id = 'cluster';
  constructor(private readonly failNodes = false) {}

  async collect(workloads: Entity[]) {
    return {
      facts: new Map(
        workloads.map(w => {
          const retail = w.spec?.owner === 'team-retail';
          return [
            `component:default/${w.metadata.name}`,
            {
              [FACTS.kubernetes.cluster]: 'prod',
              [FACTS.kubernetes.cores]: retail ? 2 : 1,
              [FACTS.kubernetes.memoryRequestGiB]: retail ? 4 : 2,
            },
          ];
        }),
      ),
    };
  }

  async clusterNodes() {
    if (this.failNodes) throw new Error('the cluster stopped answering');
    return [
      {
        cluster: 'prod',
        nodes: [
          {
            name: 'big-1',
            addresses: ['10.1.1.1'],
            capacity: { cpuCores: 3000, memoryGiB: 8000, gpus: 0 },
            allocatable: { cpuCores: 2980, memoryGiB: 7900, gpus: 0 },
            requested: { cpuCores: 2300, memoryGiB: 4500, gpus: 0 },
          },
        ],
      },
    ];
  }

  async nodeUtilisation() {
    return [
      {
        node: '10.1.1.1',
        cpuMax1h: 0.15,
        cpuMax1d: 0.2,
        memoryMax1h: 0.5,
        memoryMax1d: 0.55,
      },
    ];
  }
}

describe.each(databases.eachSupportedId())(
  'ScoringRunner on %p',
  databaseId => {
    async function setUp() {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      const settings = readMaturityConfig(new ConfigReader({}));
      const snapshots = await DatabaseSnapshotStore.create({ database });
      const runner = (
        collector: MaturityFactCollector,
        catalog = catalogServiceMock({ entities }),
        deadlineMs?: number,
      ) =>
        new ScoringRunner({
          deadlineMs,
          catalog,
          auth: mockServices.auth(),
          snapshots,
          logger: mockServices.logger.mock(),
          collectors: [collector],
          // Unknown facts count as unmet, so every workload has a score and weighs in by its cores.
          model: {
            checks: settings.checks,
            weights: settings.weights,
            unknownAsZero: true,
            declaredFacts: settings.declaredFacts,
            levels: settings.levels,
          },
          cost: settings.cost,
          retention: settings.retention,
        });
      return { knex, snapshots, runner };
    }

    it('reads, collects and writes page by page, and rolls up across the pages', async () => {
      const { snapshots, runner } = await setUp();
      const collector = new MeasuringCollector(2);
      const snapshot = await runner(collector).run(
        new Date('2026-11-20T10:00:00Z'),
      );

      expect(snapshot).toMatchObject({ status: 'succeeded', workloads: 1201 });
      expect(collector.pages).toEqual([500, 500, 201]);
      expect(collector.sharedLoads).toBe(1);
      const rollUps = await snapshots.getScores(snapshot.id, {
        refs: [
          'group:default/retail',
          'group:default/labs',
          'group:default/acme',
        ],
      });
      expect(
        rollUps.map(r => [r.levelKind, r.ref, r.cores, r.workloads]),
      ).toEqual([
        ['department', 'group:default/labs', 402, 201],
        ['department', 'group:default/retail', 2000, 1000],
        ['company', 'group:default/acme', 2402, 1201],
      ]);
      // Every workload has the same facts, so every group's core-weighted score is theirs.
      const [workload] = await snapshots.getScores(snapshot.id, {
        ref: 'component:default/w-0000',
      });
      expect(workload.score).not.toBeNull();
      expect(rollUps.map(r => r.score)).toEqual([
        workload.score,
        workload.score,
        workload.score,
      ]);
      expect(
        await snapshots.getScores(snapshot.id, {
          under: { level: 'department', ref: 'group:default/labs' },
          figuresOnly: true,
        }),
      ).toHaveLength(201);
    });

    it("prices the clusters' machines and shares their idle cost to the groups in proportion to their requests", async () => {
      const { snapshots, runner } = await setUp();
      const snapshot = await runner(new ClusterCollector()).run(
        new Date('2026-11-20T10:00:00Z'),
      );
      const rows = await snapshots.getScores(snapshot.id, {
        refs: [
          'resource:default/prod',
          'group:default/retail',
          'group:default/labs',
          'group:default/acme',
        ],
      });
      const detail = (ref: string) =>
        rows.find(r => r.ref === ref)!.detail as GroupDetail;
      const cluster = detail('resource:default/prod').cluster!;
      // Idle: 700 cores × 0.031611 = 22.1277 and 3,500 GiB × 0.004237 = 14.8295 an hour.
      expect(cluster.idle).toEqual({ cpuCores: 700, memoryGiB: 3500, gpus: 0 });
      expect(cluster.idleHourlyCost.total).toBeCloseTo(36.9572, 9);
      // Retail: 22.1277 × 2,000/2,300 + 14.8295 × 4,000/4,500 = 19.241478 + 13.181778.
      // Labs: 22.1277 × 201/2,300 + 14.8295 × 402/4,500 = 1.933768 + 1.324769.
      // The system pods' part stays with the cluster: 0.952453 + 0.322949.
      expect(cluster.idleShares.map(s => s.ref)).toEqual([
        'group:default/retail',
        'group:default/labs',
      ]);
      expect(cluster.idleShares[0].hourlyCost).toBeCloseTo(32.423256, 5);
      expect(cluster.idleShares[1].hourlyCost).toBeCloseTo(3.258537, 5);
      expect(cluster.idleUnshared).toBeCloseTo(1.275402, 5);
      const retail = detail('group:default/retail').idle!;
      expect(retail.hourlyCost.cpu).toBeCloseTo(19.241478, 5);
      expect(retail.hourlyCost.memory).toBeCloseTo(13.181778, 5);
      expect(retail.clusters).toEqual([
        { cluster: 'prod', hourlyCost: cluster.idleShares[0].hourlyCost },
      ]);
      // The company holds both departments' shares.
      expect(detail('group:default/acme').idle!.hourlyCost.total).toBeCloseTo(
        35.681793,
        5,
      );
      // Node exporter's figures, found by the node's address: requests hold 2,300 of 3,000
      // cores and CPU peaked at 20 %, so 0.75 × 0.7667 / 0.2 = 2.875 leaves room for 2.8×.
      expect(cluster.signals!.measuredNodes).toBe(1);
      expect(cluster.signals!.overcommit.ratio).toBe(2.8);
      // Kept for the cluster's history: 3,000 × 0.031611 + 8,000 × 0.004237 = 128.729 an hour.
      const [point] = await snapshots.getClusterCostHistory('prod', {
        from: new Date('2026-01-01T00:00:00Z'),
        to: new Date('2027-01-01T00:00:00Z'),
      });
      expect(point.hourlyCost).toBeCloseTo(128.729, 9);
      expect(point.idleHourlyCost).toBeCloseTo(36.9572, 9);
    });

    it('scores a run whose collector cannot give the clusters, without cluster costs', async () => {
      const { snapshots, runner } = await setUp();
      const snapshot = await runner(new ClusterCollector(true)).run(
        new Date('2026-11-20T10:00:00Z'),
      );
      expect(snapshot.status).toBe('succeeded');
      const [platform] = await snapshots.getScores(snapshot.id, {
        refs: ['resource:default/prod'],
      });
      expect((platform.detail as GroupDetail).cluster).toBeUndefined();
      expect(platform.workloads).toBe(1201);
    });

    it("keeps a department's teams on its row, and finds a team's and a platform's workloads through their places", async () => {
      const { snapshots, runner } = await setUp();
      const snapshot = await runner(new ClusterCollector()).run(
        new Date('2026-11-20T10:00:00Z'),
      );
      const [team] = await snapshots.getScores(snapshot.id, {
        ref: 'group:default/team-labs',
      });
      expect((team.detail as GroupDetail).members).toEqual({});
      const listed = await memberRows(snapshots, snapshot.id, team);
      expect(listed).toHaveLength(201);
      expect(listed.slice(0, 2).map(w => w.ref)).toEqual([
        'component:default/w-1000',
        'component:default/w-1001',
      ]);
      const [labs] = await snapshots.getScores(snapshot.id, {
        levelKind: 'department',
        ref: 'group:default/labs',
      });
      expect((labs.detail as GroupDetail).members).toEqual({
        team: ['group:default/team-labs'],
      });
      // Every workload runs on the cluster's platform: 1,201 members, none kept on its row.
      const [platform] = await snapshots.getScores(snapshot.id, {
        ref: 'resource:default/prod',
      });
      expect((platform.detail as GroupDetail).members).toEqual({});
      const onPlatform = await memberRows(snapshots, snapshot.id, platform);
      expect(onPlatform).toHaveLength(1201);
      // A member names none of the places its workload is in; the workloads listed with their
      // places show the platform's.
      expect(onPlatform[0].ref).toBe('component:default/w-0000');
      expect(onPlatform[0].platformRef).toBeUndefined();
      const placed = await listedWorkloads(snapshots, snapshot.id, platform, {
        figuresOnly: true,
      });
      expect(placed).toHaveLength(1201);
      expect(placed[0]).toMatchObject({
        ref: 'component:default/w-0000',
        platformRef: 'resource:default/prod',
      });
    });

    it('stores no detail again in a run in which nothing changed, and only the changed ones when some did', async () => {
      const { knex, runner } = await setUp();
      const details = async () =>
        Number((await knex('maturity_details').count({ n: '*' }))[0].n);
      await runner(new MeasuringCollector(2)).run(
        new Date('2026-11-20T10:00:00Z'),
      );
      // 1,201 workloads' details, and five groups': acme, retail, labs, team-retail, team-labs
      // (the workloads name no System).
      const first = await details();
      expect(first).toBe(1201 + 5);
      await runner(new MeasuringCollector(2)).run(
        new Date('2026-11-21T10:00:00Z'),
      );
      expect(await details()).toBe(first);
      // Every workload measured at 3 cores: a new detail for each; the groups' stay (every
      // workload scores as before). The runs before, on the same day, are thinned: the 2-core
      // details, which only they had, go.
      await runner(new MeasuringCollector(3)).run(
        new Date('2026-11-22T10:00:00Z'),
      );
      expect(await details()).toBe(first + 1201 - 1201);
      const [{ hashes }] = await knex('maturity_scores')
        .where('level_kind', levelKindCode('workload'))
        .countDistinct({ hashes: 'detail_hash' });
      expect(Number(hashes)).toBe(1);
    });

    it('scores a workload the catalog lists again on a later page once', async () => {
      const { snapshots, runner } = await setUp();
      const catalog = catalogServiceMock({ entities });
      const stream = catalog.streamEntities.bind(catalog);
      // The catalog changed while the run read it: page 3 lists w-0007 (page 1) again.
      catalog.streamEntities = async function* again(request, options) {
        let pages = 0;
        for await (const page of stream(request, options)) {
          const components = JSON.stringify(request?.filter).includes(
            'component',
          );
          yield components && ++pages === 3 ? [...page, component(7)] : page;
        }
      };
      const snapshot = await runner(new MeasuringCollector(2), catalog).run(
        new Date('2026-11-20T10:00:00Z'),
      );
      expect(snapshot.workloads).toBe(1201);
      const [team] = await snapshots.getScores(snapshot.id, {
        ref: 'group:default/team-retail',
      });
      expect(team.workloads).toBe(1000);
      expect(team.cores).toBe(2000);
      expect(await memberRows(snapshots, snapshot.id, team)).toHaveLength(1000);
    });

    it('falls back to the last facts only for the page whose collection failed', async () => {
      const { snapshots, runner } = await setUp();
      const first = await runner(new MeasuringCollector(2)).run(
        new Date('2026-11-20T10:00:00Z'),
      );
      const failing = new MeasuringCollector(3, 'component:default/w-0600');
      const second = await runner(failing).run(
        new Date('2026-11-21T10:00:00Z'),
      );

      expect(failing.failedRefs).toHaveLength(500);
      const rows = await snapshots.getScores(second.id, {
        levelKind: 'workload',
      });
      const stale = rows.filter(
        r => (r.detail as WorkloadDetail).staleSources.length > 0,
      );
      expect(stale.map(r => r.ref).sort()).toEqual(
        [...failing.failedRefs].sort(),
      );
      // The failed page keeps the 2 cores measured by the first run, since that run started; the
      // others are measured at 3.
      expect(stale.every(r => r.cores === 2)).toBe(true);
      expect((stale[0].detail as WorkloadDetail).staleSources).toEqual([
        {
          collector: 'measure',
          reason: 'measuring service unavailable',
          since: first.startedAt.toISOString(),
        },
      ]);
      expect(rows.filter(r => r.cores === 3)).toHaveLength(701);
      const [company] = await snapshots.getScores(second.id, {
        levelKind: 'company',
      });
      expect(company.cores).toBe(500 * 2 + 701 * 3);
      expect(first.id).not.toBe(second.id);
    });

    it('reads the catalog lean: collectors see only the fields a run needs', async () => {
      const { runner } = await setUp();
      const seen: Entity[] = [];
      const described = entities.map(e =>
        e.kind === 'Component'
          ? {
              ...e,
              metadata: {
                ...e.metadata,
                description: 'x'.repeat(2000),
                links: [{ url: 'https://example.com' }],
                annotations: { a: '1' },
              },
              relations: [
                { type: 'dependsOn', targetRef: 'component:default/w-0000' },
              ],
            }
          : e,
      );
      const collector: MaturityFactCollector = {
        id: 'observe',
        async collect(workloads) {
          seen.push(...workloads);
          return { facts: new Map() };
        },
      };
      await runner(collector, catalogServiceMock({ entities: described })).run(
        new Date('2026-11-20T10:00:00Z'),
      );
      expect(seen).toHaveLength(1201);
      // Identity, annotations and spec come through; the description, links and relations do not.
      expect(seen[0]).toEqual({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'w-0000',
          namespace: 'default',
          annotations: { a: '1' },
        },
        spec: { type: 'service', owner: 'team-retail' },
      });
    });

    it('fails a run whose catalog breaks off midway, deleting its pages and keeping the previous snapshot', async () => {
      const { knex, snapshots, runner } = await setUp();
      const first = await runner(new MeasuringCollector(2)).run(
        new Date('2026-11-20T10:00:00Z'),
      );
      const catalog = catalogServiceMock({ entities });
      const stream = catalog.streamEntities.bind(catalog);
      catalog.streamEntities = async function* breaking(request, options) {
        let pages = 0;
        for await (const page of stream(request, options)) {
          if (
            request?.filter &&
            JSON.stringify(request.filter).includes('component') &&
            ++pages === 3
          ) {
            throw new Error('catalog connection reset');
          }
          yield page;
        }
      };
      await expectWriteToFail(
        runner(new MeasuringCollector(3), catalog).run(
          new Date('2026-11-21T10:00:00Z'),
        ),
      );

      expect((await snapshots.getCurrentSnapshot())?.id).toBe(first.id);
      const runs = await snapshots.listRuns(2);
      expect(runs.map(r => [r.status, r.error])).toEqual([
        ['failed', 'catalog connection reset'],
        ['succeeded', undefined],
      ]);
      const [{ n }] = await knex('maturity_scores')
        .whereNot('snapshot_id', first.id)
        .count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it('stops between pages when the backend shuts down, and records why', async () => {
      const { knex, snapshots, runner } = await setUp();
      const first = await runner(new MeasuringCollector(2)).run(
        new Date('2026-11-20T10:00:00Z'),
      );
      let stopping: Promise<void> | undefined;
      const collector = new MeasuringCollector(3);
      const scoring = runner(collector);
      const collect = collector.collect.bind(collector);
      collector.collect = async (workloads, run) => {
        // Shutdown begins while the first page is collected: that page is the last one read.
        if (collector.pages.length === 0) stopping = scoring.stop();
        return collect(workloads, run);
      };
      await expectWriteToFail(scoring.run(new Date('2026-11-21T10:00:00Z')));
      await stopping;

      expect(collector.pages).toEqual([500]);
      expect((await snapshots.getCurrentSnapshot())?.id).toBe(first.id);
      expect(
        (await snapshots.listRuns(1)).map(r => [r.status, r.error]),
      ).toEqual([['failed', 'The backend shut down during the run']]);
      const [{ n }] = await knex('maturity_scores')
        .whereNot('snapshot_id', first.id)
        .count({ n: '*' });
      expect(Number(n)).toBe(0);
    });

    it('stops itself at its deadline, between pages, and its collectors see the signal', async () => {
      const { snapshots, runner } = await setUp();
      const collector = new MeasuringCollector(2);
      const signals: boolean[] = [];
      const collect = collector.collect.bind(collector);
      collector.collect = async (workloads, run) => {
        await new Promise(resolve => setTimeout(resolve, 1600));
        signals.push(run.signal?.aborted ?? false);
        return collect(workloads, run);
      };
      await expectWriteToFail(
        runner(collector, undefined, 3000).run(
          new Date('2026-11-20T10:00:00Z'),
        ),
      );
      // Page 1 is collected by 1.6 s, page 2 by 3.2 s, after the deadline; page 3 is never read.
      // Scoring page 1 may take up to 1.4 s (a loaded machine) before page 2 would not be read.
      expect(signals).toEqual([false, true]);
      expect((await snapshots.listRuns(1))[0].error).toBe(
        'The run passed its deadline of 3 seconds',
      );
    });

    it('stops when the scheduler aborts the run', async () => {
      const { snapshots, runner } = await setUp();
      const aborted = AbortSignal.abort();
      await expectWriteToFail(
        runner(new MeasuringCollector(2)).run(
          new Date('2026-11-20T10:00:00Z'),
          aborted,
        ),
      );
      expect((await snapshots.listRuns(1))[0].error).toBe(
        'The scheduler stopped the run: its timeout passed, or the backend is shutting down',
      );
    });
  },
);
