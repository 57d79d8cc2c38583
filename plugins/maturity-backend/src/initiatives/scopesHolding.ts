import { SnapshotInfo, SnapshotStore } from '../database/SnapshotStore';
import { broadestRow } from '../service/scorecards';

/**
 * The groups an entity is in, itself among them: the scopes whose initiatives concern it. A
 * workload's row names its product, team, department and company; a group's are those of any
 * workload under it. An entity with no row in the snapshot is in none.
 */
export async function scopesHolding(
  store: SnapshotStore,
  snapshot: SnapshotInfo,
  ref: string,
): Promise<string[]> {
  let row;
  try {
    row = await broadestRow(store, snapshot, ref);
  } catch {
    return [];
  }
  const place =
    row.levelKind === 'workload'
      ? row
      : (
          await store.getScores(snapshot.id, {
            levelKind: 'workload',
            under: { level: row.levelKind, ref },
            figuresOnly: true,
          })
        )[0];
  const groups = [ref];
  for (const level of ['product', 'team', 'department', 'company'] as const)
    if (place?.[level]) groups.push(place[level]!);
  return groups;
}
