import { mockServices } from '@backstage/backend-test-utils';
import { createTestDatabases } from '../__testUtils__/databases';
import { saveAt, scoreRow } from '../__testUtils__/snapshots';
import { DatabaseSnapshotStore } from '../database/DatabaseSnapshotStore';
import { SentNotifications } from '../database/SentNotifications';
import { InitiativeStore } from '../database/InitiativeStore';
import { Initiatives } from '../initiatives/Initiatives';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  MaturityNotifier,
} from './MaturityNotifier';

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'maturity notifications on %p',
  databaseId => {
    async function setUp() {
      const knex = await databases.init(databaseId);
      const snapshots = await DatabaseSnapshotStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, snapshots, sent: new SentNotifications(knex) };
    }

    it('finds the levels that fell and the scores that fell by more than the threshold', async () => {
      const { snapshots } = await setUp();
      const workload = (name: string, score: number, level: 'L2' | 'L3') =>
        scoreRow({
          levelKind: 'workload',
          ref: `component:default/${name}`,
          score,
          level,
        });
      const before = await saveAt(snapshots, '2026-12-01T10:00:00Z', [
        workload('fell-six', 56, 'L3'),
        workload('fell-a-level', 60, 'L3'),
        workload('fell-four', 54, 'L3'),
        workload('rose', 40, 'L2'),
        scoreRow({
          levelKind: 'department',
          ref: 'group:default/d',
          score: 60,
        }),
      ]);
      const after = await saveAt(snapshots, '2026-12-01T11:00:00Z', [
        workload('fell-six', 50, 'L3'),
        // 60 → 59 is no fall of 5 points, but L3 → L2 is a fall of a level.
        workload('fell-a-level', 59, 'L2'),
        workload('fell-four', 50, 'L3'),
        workload('rose', 45, 'L2'),
        // Departments are not asked about.
        scoreRow({
          levelKind: 'department',
          ref: 'group:default/d',
          score: 10,
        }),
      ]);
      const drops = await snapshots.getDrops(before.id, after.id, {
        levelKinds: ['workload', 'team'],
        minDrop: 5,
      });
      expect(drops).toEqual([
        {
          levelKind: 'workload',
          ref: 'component:default/fell-a-level',
          score: 59,
          level: 'L2',
          scoreBefore: 60,
          levelBefore: 'L3',
        },
        {
          levelKind: 'workload',
          ref: 'component:default/fell-six',
          score: 50,
          level: 'L3',
          scoreBefore: 56,
          levelBefore: 'L3',
        },
      ]);
    });

    it('lets one claimant of an event send it, and takes a failed send back', async () => {
      const { knex, sent } = await setUp();
      const other = new SentNotifications(knex);
      const at = new Date('2026-12-01T10:00:00Z');
      const claims = await Promise.all([
        sent.claim('drop:workload:component:default/cart:7', at),
        other.claim('drop:workload:component:default/cart:7', at),
      ]);
      expect(claims.sort()).toEqual([false, true]);
      await sent.release('drop:workload:component:default/cart:7');
      expect(
        await other.claim('drop:workload:component:default/cart:7', at),
      ).toBe(true);
    });

    it('sends each event once; a failed send gives its claim back, and goes out when asked again', async () => {
      const { snapshots, sent } = await setUp();
      const before = await saveAt(snapshots, '2026-12-01T10:00:00Z', [
        scoreRow({ levelKind: 'team', ref: 'group:default/shop', score: 70 }),
      ]);
      const after = await saveAt(snapshots, '2026-12-01T11:00:00Z', [
        scoreRow({ levelKind: 'team', ref: 'group:default/shop', score: 62.5 }),
      ]);
      const send = jest.fn(async () => {});
      const logger = mockServices.logger.mock();
      const notifier = new MaturityNotifier({
        notifications: { send },
        sent,
        snapshots,
        settings: DEFAULT_NOTIFICATION_SETTINGS,
        logger,
        checkTitles: new Map([
          ['health-probes', 'Readiness and liveness probes'],
        ]),
      });
      const run = {
        previous: before,
        current: after,
        expiringWaivers: [
          {
            ref: 'component:default/cart',
            checkId: 'health-probes',
            until: '2026-12-10',
            reason: 'probes land with the rewrite',
          },
        ],
        now: new Date('2026-12-01T11:00:00Z'),
      };
      send.mockRejectedValueOnce(new Error('notifications backend down'));
      // The team's fall goes first and fails: it is not sent; the waiver is.
      expect(await notifier.afterRun(run)).toBe(1);
      expect(send).toHaveBeenLastCalledWith({
        recipients: { type: 'entity', entityRef: 'component:default/cart' },
        payload: expect.objectContaining({
          title:
            'cart: the waiver of “Readiness and liveness probes” ends on 2026-12-10',
        }),
      });
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('notifications backend down'),
      );
      // Again, as another replica or the next run would: the fall only, now it can be sent.
      expect(await notifier.afterRun(run)).toBe(1);
      expect(send).toHaveBeenLastCalledWith({
        recipients: { type: 'entity', entityRef: 'group:default/shop' },
        payload: expect.objectContaining({
          title: 'shop: maturity score fell 7.5 points',
          severity: 'normal',
          link: '/catalog/default/group/shop/maturity',
        }),
      });
      expect(await notifier.afterRun(run)).toBe(0);
      expect(send).toHaveBeenCalledTimes(3);
    });

    it("tells an initiative's owner once when its deadline is near and its scope is short of target", async () => {
      const { knex, snapshots, sent } = await setUp();
      // shop's workloads: w1 (4 cores) scores 70, w2 (12 cores) 50. At 60, 4 of 16 cores meet it.
      const workload = (name: string, score: number, cores: number) =>
        scoreRow({
          levelKind: 'workload',
          ref: `component:default/${name}`,
          score,
          cores,
          team: 'group:default/shop',
        });
      const current = await saveAt(snapshots, '2026-12-01T10:00:00Z', [
        workload('w1', 70, 4),
        workload('w2', 50, 12),
        scoreRow({ levelKind: 'team', ref: 'group:default/shop', cores: 16 }),
      ]);
      const initiative = (id: string, deadline: string) => ({
        id,
        name: `Sixty by ${deadline}`,
        owner: 'group:default/platform-leads',
        scope: 'group:default/shop',
        target: { score: 60 },
        deadline,
      });
      const initiatives = new Initiatives({
        snapshots,
        stored: new InitiativeStore(knex),
        // One due in 7 days; one in two months, not yet.
        declared: [
          initiative('soon', '2026-12-08'),
          initiative('later', '2027-01-31'),
        ],
        checks: new Set(),
      });
      const send = jest.fn(async () => {});
      const notifier = new MaturityNotifier({
        notifications: { send },
        sent,
        snapshots,
        settings: DEFAULT_NOTIFICATION_SETTINGS,
        logger: mockServices.logger.mock(),
        checkTitles: new Map(),
        initiatives,
      });
      const run = {
        current,
        expiringWaivers: [],
        now: new Date('2026-12-01T10:00:00Z'),
      };
      expect(await notifier.afterRun(run)).toBe(1);
      expect(send).toHaveBeenCalledWith({
        recipients: {
          type: 'entity',
          entityRef: 'group:default/platform-leads',
        },
        payload: expect.objectContaining({
          title:
            'Sixty by 2026-12-08: 25 % of the cores meet its target, 7 days before its deadline',
          link: '/maturity/initiatives/soon',
          severity: 'high',
        }),
      });
      expect(await notifier.afterRun(run)).toBe(0);
    });

    it('tells a department once a month when its month-end forecast exceeds its budget', async () => {
      const { snapshots, sent } = await setUp();
      // search costs 10 an hour on November's 1st, 20 from the 11th; on the 21st its month so far
      // is 240·10 + 240·20 = 7,200, and 240 more hours at 20 make 12,000: 2,000 over 10,000.
      const run = async (iso: string, hourlyCost: number) =>
        saveAt(snapshots, iso, [
          scoreRow({
            levelKind: 'department',
            ref: 'group:default/search',
            cost: {
              hourlyCost,
              hourlyWaste: 0,
              monthlySaving: 0,
              efficiency: null,
            },
          }),
        ]);
      await run('2026-11-01T00:00:00Z', 10);
      const current = await run('2026-11-11T00:00:00Z', 20);
      const send = jest.fn(async () => {});
      const notifier = new MaturityNotifier({
        notifications: { send },
        sent,
        snapshots,
        settings: DEFAULT_NOTIFICATION_SETTINGS,
        logger: mockServices.logger.mock(),
        checkTitles: new Map(),
        budgets: {
          monthlyBudgets: async () =>
            new Map([
              ['group:default/search', 10_000],
              // A group no run scored: nothing to say.
              ['group:default/unscored', 1],
            ]),
        },
        currency: 'USD',
      });
      const afterRun = (now: string) =>
        notifier.afterRun({ current, expiringWaivers: [], now: new Date(now) });
      expect(await afterRun('2026-11-21T00:00:00Z')).toBe(1);
      expect(send).toHaveBeenCalledWith({
        recipients: { type: 'entity', entityRef: 'group:default/search' },
        payload: expect.objectContaining({
          title:
            "search: this month's cost is forecast at 12,000 USD, over its budget of 10,000 USD",
          description: expect.stringMatching(
            /^7,200 USD so far in 2026-11; at the latest hourly cost the month ends 2,000 USD over\./,
          ),
          link: '/catalog/default/group/search/cost',
          severity: 'high',
        }),
      });
      // Once a month: not again in November, again in December.
      expect(await afterRun('2026-11-25T00:00:00Z')).toBe(0);
      expect(await afterRun('2026-12-02T00:00:00Z')).toBe(1);
    });
  },
);
