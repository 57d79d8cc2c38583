import { ConfigReader } from '@backstage/config';
import { createTestDatabases } from '../__testUtils__/databases';
import { saveAt, scoreRow, snapshotStoreOn } from '../__testUtils__/snapshots';
import { readMaturityConfig } from '../config/readMaturityConfig';
import { ScoreRow } from '../database/SnapshotStore';
import { suggestCases } from './practices';

const databases = createTestDatabases();
const { cases, checks } = readMaturityConfig(new ConfigReader({}));

const workload = (name: string, cores: number, dimensions: object) =>
  scoreRow({
    levelKind: 'workload',
    ref: `component:default/${name}`,
    cores,
    department: 'group:default/retail',
    detail: { dimensions },
  });
const retail = (detail: object): ScoreRow =>
  scoreRow({
    levelKind: 'department',
    ref: 'group:default/retail',
    cores: 16,
    workloads: 2,
    detail,
  });
// Compute and security weak: (12·10 + 4·30) / 16 = 15 and (12·20 + 4·40) / 16 = 25.
const DIMENSIONS = {
  development: 90,
  compute: 15,
  architecture: 80,
  data: 85,
  security: 25,
};

describe.each(databases.eachSupportedId())(
  'suggested cases for a group on %p',
  databaseId => {
    async function suggestionsForRetail(department: ScoreRow) {
      const store = await snapshotStoreOn(databases, databaseId);
      await saveAt(store, '2026-11-20T10:00:00Z', [
        workload('cart', 12, {
          development: 90,
          compute: 10,
          architecture: 80,
          data: 85,
          security: 20,
        }),
        workload('basket', 4, {
          development: 90,
          compute: 30,
          architecture: 80,
          data: 85,
          security: 40,
        }),
        department,
      ]);
      return suggestCases(store, 'group:default/retail', cases, checks);
    }

    it('matches cases to the dimension scores kept with the roll-up', async () => {
      const kept = await suggestionsForRetail(
        retail({
          unweightedWorkloads: 0,
          estimatedWorkloads: 0,
          dimensions: DIMENSIONS,
          members: {
            workload: ['component:default/basket', 'component:default/cart'],
          },
        }),
      );
      expect(kept.items.length).toBeGreaterThan(0);
      // The weakest dimensions lead.
      expect(
        kept.items[0].case.dimensions.some(
          d => d === 'compute' || d === 'security',
        ),
      ).toBe(true);
    });
  },
);
