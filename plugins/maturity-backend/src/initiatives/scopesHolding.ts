import { NotFoundError } from '@backstage/errors';
import { ROLL_UP_LEVELS } from '@internal/plugin-maturity-common';
import { SnapshotInfo, SnapshotStore } from '../database/SnapshotStore';
import { levelKindOf } from '../service/scorecards';

/**
 * The groups an entity is in, itself among them: the scopes whose initiatives concern it. A
 * workload's row names its product, team, department and company; a group's are those of any
 * workload under it. An entity with no row in the snapshot is in none. Rows are read for their
 * figures only: a group's detail lists its members, of which nothing is needed here.
 */
export async function scopesHolding(
  store: SnapshotStore,
  snapshot: SnapshotInfo,
  ref: string,
): Promise<string[]> {
  let kind;
  try {
    kind = await levelKindOf(store, snapshot, ref);
  } catch (error) {
    if (error instanceof NotFoundError) return [];
    throw error;
  }
  const [place] = await store.getScores(
    snapshot.id,
    kind === 'workload'
      ? { levelKind: 'workload', ref, figuresOnly: true }
      : {
          levelKind: 'workload',
          under: { level: kind, ref },
          figuresOnly: true,
        },
  );
  const groups = [ref];
  for (const level of ROLL_UP_LEVELS)
    if (place?.[level]) groups.push(place[level]!);
  return groups;
}
