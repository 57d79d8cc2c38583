import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { DatabaseSnapshotStore } from '../database/DatabaseSnapshotStore';
import { ScoreRow, SnapshotStore } from '../database/SnapshotStore';

const startOf = (iso: string) => new Date(new Date(iso).getTime() - 1000);

/** A whole run's rows as one page, published at `iso`. */
export async function saveAt(
  store: SnapshotStore,
  iso: string,
  rows: ScoreRow[],
) {
  const draft = await store.beginSnapshot(startOf(iso));
  await draft.addRows(rows);
  return draft.publish(new Date(iso));
}

/** A run that failed at `iso`. */
export async function failAt(store: SnapshotStore, iso: string, error: string) {
  return (await store.beginSnapshot(startOf(iso))).fail(error, new Date(iso));
}

/** A row scored 50 on both sides (level L3), one workload of 4 cores; `row` says what differs. */
export const scoreRow = (
  row: Pick<ScoreRow, 'levelKind' | 'ref'> & Partial<ScoreRow>,
): ScoreRow => ({
  score: 50,
  platform: 50,
  business: 50,
  level: 'L3',
  cores: 4,
  workloads: 1,
  ...row,
});

/** An empty snapshot store on one of the test databases. */
export async function snapshotStoreOn(
  databases: TestDatabases,
  id: TestDatabaseId,
): Promise<DatabaseSnapshotStore> {
  const knex = await databases.init(id);
  return DatabaseSnapshotStore.create({
    database: mockServices.database({ knex }),
  });
}
