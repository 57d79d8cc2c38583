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
