import { createTestDatabases } from '../__testUtils__/databases';
import { saveAt, scoreRow, snapshotStoreOn } from '../__testUtils__/snapshots';
import { ScoreRow } from '../database/SnapshotStore';
import { getCosts } from './costs';

const databases = createTestDatabases();

const cost = {
  hourlyCost: 0.5,
  hourlyWaste: 0.25,
  monthlySaving: 10,
  efficiency: 0.5,
};
const workload = (name: string, basis: string, team?: string): ScoreRow =>
  scoreRow({
    levelKind: 'workload',
    ref: `component:default/${name}`,
    department: 'group:default/retail',
    team,
    cost,
    detail: { cost: { basis } },
  });
const retail = (detail: object): ScoreRow =>
  scoreRow({
    levelKind: 'department',
    ref: 'group:default/retail',
    cores: 12,
    workloads: 3,
    cost: { ...cost, hourlyCost: 1.5, hourlyWaste: 0.75, monthlySaving: 30 },
    detail,
  });

// What a run keeps with a roll-up besides the count and members (see GroupRollUp).
const DIMENSIONS = {
  development: 50,
  compute: 50,
  architecture: 50,
  data: 50,
  security: 50,
};

/** Retail's row as a run keeps it: one estimated workload, and no teams. */
const kept = retail({
  unweightedWorkloads: 0,
  estimatedWorkloads: 1,
  dimensions: DIMENSIONS,
  members: {},
});

describe.each(databases.eachSupportedId())(
  'group cost views on %p',
  databaseId => {
    /** Retail's cost view over a snapshot of `rows`. */
    async function retailCosts(rows: ScoreRow[]) {
      const store = await snapshotStoreOn(databases, databaseId);
      await saveAt(store, '2026-11-20T10:00:00Z', rows);
      return getCosts(store, 'group:default/retail', {
        window: '7d',
        currency: 'USD',
        now: new Date('2026-11-20T12:00:00Z'),
      });
    }

    it('takes the count of estimated workloads kept with the roll-up', async () => {
      // The kept count wins over the workloads' own detail: it is what the run found.
      const view = await retailCosts([
        workload('a', 'declared'),
        workload('b', 'measured'),
        workload('c', 'declared'),
        kept,
      ]);
      expect(view).toMatchObject({ estimatedWorkloads: 1, estimate: true });
      expect(view.members?.map(m => [m.ref, m.hourlyCost])).toEqual([
        ['component:default/a', 0.5],
        ['component:default/b', 0.5],
        ['component:default/c', 0.5],
      ]);
      // 7 days of the one snapshot's 1.5 an hour.
      expect(view.totals.cost).toBe(252);
    });

    it("lists a department's teams kept with its row and its workloads in none of them", async () => {
      const checkout = 'group:default/checkout';
      const view = await retailCosts([
        workload('a', 'declared', checkout),
        workload('b', 'measured'),
        workload('c', 'declared'),
        scoreRow({ levelKind: 'team', ref: checkout, cost }),
        retail({
          unweightedWorkloads: 0,
          estimatedWorkloads: 1,
          dimensions: DIMENSIONS,
          // A list of workloads kept by a snapshot stored before is not read: b and c are
          // found through their places, and a is in a team.
          members: { team: [checkout], workload: ['component:default/a'] },
        }),
      ]);
      expect(view.members?.map(m => [m.kind, m.ref])).toEqual([
        ['workload', 'component:default/b'],
        ['workload', 'component:default/c'],
        ['team', checkout],
      ]);
    });
  },
);
