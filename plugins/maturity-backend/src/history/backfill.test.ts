import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CheckDefinition, FACTS } from '@internal/plugin-maturity-common';
import { MaturityFactCollector } from '@internal/plugin-maturity-node';
import { createTestDatabases } from '../__testUtils__/databases';
import { entity } from '../__testUtils__/entities';
import { readMaturityConfig } from '../config/readMaturityConfig';
import { DatabaseSnapshotStore } from '../database/DatabaseSnapshotStore';
import { ScoringRunner } from '../scoring/ScoringRunner';
import { readWorkloadDetail } from '../snapshot/workloadDetail';
import { FactHistory, readFactHistory } from './FactHistory';

const databases = createTestDatabases();

const check = (
  id: string,
  side: CheckDefinition['side'],
  fact: string,
): CheckDefinition => ({
  id,
  title: id,
  dimension: 'compute',
  side,
  weight: 1,
  rule: { kind: 'true', fact },
  rationale: '',
  remediation: '',
  cases: [],
});
// One check a side: a workload scores 0, 50 or 100.
const CHECKS = [
  check('traced', 'business', 'practice.tracing'),
  check('elastic', 'platform', FACTS.kubernetes.hpaElastic),
];

const entities = [
  entity('Group', 'acme', { type: 'organization', children: [] }),
  entity('Group', 'shop', { type: 'team', parent: 'acme', children: [] }),
  entity('Component', 'cart', { type: 'service', owner: 'shop' }),
  entity('Component', 'lab', { type: 'service', owner: 'shop' }),
];

/** Today cart and lab are traced and elastic on cluster prod: 4 and 12 cores. */
class ClusterCollector implements MaturityFactCollector {
  readonly id = 'cluster';
  readonly source = 'kubernetes' as const;
  asked = 0;
  async collect() {
    this.asked++;
    const facts = (cores: number) => ({
      [FACTS.kubernetes.cores]: cores,
      [FACTS.kubernetes.cluster]: 'prod',
      [FACTS.kubernetes.hpaElastic]: true,
      'practice.tracing': true,
    });
    return {
      facts: new Map([
        ['component:default/cart', facts(4)],
        ['component:default/lab', facts(12)],
      ]),
    };
  }
}

// Two days ago cart started tracing; yesterday prod got autoscaling for everyone on it.
const HISTORY: FactHistory = {
  days: 3,
  changes: [
    {
      daysAgo: 2,
      workload: 'component:default/cart',
      before: { 'practice.tracing': false },
    },
    {
      daysAgo: 1,
      cluster: 'prod',
      before: { [FACTS.kubernetes.hpaElastic]: false },
    },
  ],
};

describe.each(databases.eachSupportedId())(
  'a recorded past on %p',
  databaseId => {
    async function setUp() {
      const knex = await databases.init(databaseId);
      const snapshots = await DatabaseSnapshotStore.create({
        database: mockServices.database({ knex }),
      });
      const settings = readMaturityConfig(new ConfigReader({}));
      const collector = new ClusterCollector();
      const runner = new ScoringRunner({
        catalog: catalogServiceMock({ entities }),
        auth: mockServices.auth(),
        snapshots,
        logger: mockServices.logger.mock(),
        collectors: [collector],
        model: {
          checks: CHECKS,
          weights: settings.weights,
          unknownAsZero: false,
          declaredFacts: settings.declaredFacts,
          levels: settings.levels,
        },
        cost: settings.cost,
        retention: settings.retention,
      });
      return { snapshots, runner, collector };
    }

    it('writes a snapshot a day, oldest first and dated that day, with the later changes undone', async () => {
      const { snapshots, runner, collector } = await setUp();
      const today = new Date('2026-12-01T06:00:00Z');
      expect(await runner.backfill(HISTORY, undefined, today)).toBe(3);
      // Asked once; the three days read the same answers.
      expect(collector.asked).toBe(1);
      const runs = (await snapshots.listRuns(10)).reverse();
      expect(runs.map(r => [r.startedAt.toISOString(), r.status])).toEqual([
        ['2026-11-28T06:00:00.000Z', 'succeeded'],
        ['2026-11-29T06:00:00.000Z', 'succeeded'],
        ['2026-11-30T06:00:00.000Z', 'succeeded'],
      ]);
      const history = async (ref: string, kind: 'workload' | 'team') =>
        (
          await snapshots.getHistory(ref, kind, {
            from: new Date('2026-11-01T00:00:00Z'),
            to: today,
          })
        ).map(p => [p.at.toISOString().slice(0, 10), p.score]);
      // Three days ago neither change had happened: cart 0, lab 50 (traced, not elastic).
      // Two days ago cart traced: 50, 50. Yesterday both elastic: 100, 100.
      expect(await history('component:default/cart', 'workload')).toEqual([
        ['2026-11-28', 0],
        ['2026-11-29', 50],
        ['2026-11-30', 100],
      ]);
      expect(await history('component:default/lab', 'workload')).toEqual([
        ['2026-11-28', 50],
        ['2026-11-29', 50],
        ['2026-11-30', 100],
      ]);
      // The team over 16 cores: (0·4 + 50·12) / 16 = 37.5, then 50, then 100.
      expect(await history('group:default/shop', 'team')).toEqual([
        ['2026-11-28', 37.5],
        ['2026-11-29', 50],
        ['2026-11-30', 100],
      ]);
      // A past fact keeps the provenance of the source that reports it today.
      const [cart] = await snapshots.getScores(runs[0].id, {
        ref: 'component:default/cart',
      });
      const traced = readWorkloadDetail(cart.detail, runs[0].startedAt)
        .checks[0];
      expect(traced).toMatchObject({
        id: 'traced',
        status: 'fail',
        basis: 'measured',
      });
    });

    it('writes nothing once a run has been scored, and the first live run comes after the past', async () => {
      const { snapshots, runner } = await setUp();
      const today = new Date('2026-12-01T06:00:00Z');
      await runner.backfill(HISTORY, undefined, today);
      const live = await runner.run(today);
      expect((await snapshots.getCurrentSnapshot())!.id).toBe(live.id);
      expect(await runner.backfill(HISTORY, undefined, today)).toBe(0);
      expect(await snapshots.listRuns(10)).toHaveLength(4);
    });
  },
);

describe('readFactHistory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-history-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  const write = (text: string) => {
    const file = path.join(dir, `history-${files++}.yaml`);
    fs.writeFileSync(file, text);
    return file;
  };

  it('reads days and changes', () => {
    const file = write(
      'days: 3\nchanges:\n  - daysAgo: 1\n    cluster: prod\n    before: { kubernetes.hpaElastic: false }\n',
    );
    expect(readFactHistory(file)).toEqual({
      days: 3,
      changes: [
        {
          daysAgo: 1,
          cluster: 'prod',
          before: { 'kubernetes.hpaElastic': false },
        },
      ],
    });
  });

  it.each([
    [
      'days: 3\nchanges:\n  - daysAgo: 1\n    before: {}\n',
      'changes[0]: expected exactly one of workload (an entity ref, e.g. component:default/cart) or cluster',
    ],
    [
      'days: 3\nchanges:\n  - daysAgo: 5\n    cluster: prod\n    before: {}\n',
      'changes[0].daysAgo: 5 is before the first of the 3 days it records',
    ],
    ['days: 0\n', 'days: Number must be greater than or equal to 1'],
    [
      'days: 3\nchanges:\n  - daysAgo: 1\n    workload: cart\n    before: {}\n',
      'changes[0].workload: Invalid',
    ],
  ])('names the key of a bad file: %j', (text, message) => {
    const file = write(text);
    expect(() => readFactHistory(file)).toThrow(
      `Invalid history file ${file}: ${message}`,
    );
  });
});
