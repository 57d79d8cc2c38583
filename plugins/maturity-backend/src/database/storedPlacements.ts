import {
  HierarchyLevel,
  ROLL_UP_LEVELS,
} from '@internal/plugin-maturity-common';
import { contentKey } from './contentKey';

/**
 * Workloads' places stored by content (table `maturity_placements`): each distinct (product,
 * team, department, company, platform) once, keyed by a hash of its refs, and referred to from
 * every workload row that sits there (`placement_hash`). The refs were ~97 of a workload row's
 * ~280 bytes, written again on every run for every workload although a place changes only when
 * the organisation or a cluster does; a row carries an 11-character key. Each level and the
 * platform has an index, so a group finds the places in it and then their rows in a snapshot:
 * how a scorecard lists a group's workloads.
 *
 * A place is a few hundred bytes and places number as the hierarchy's distinct paths on each
 * platform (about one per product), so they are kept when the rows referring to them go: a run
 * that finds a place again writes nothing for it.
 */

/** Where a workload sits: the levels of the hierarchy, and the platform it runs on. */
export type PlaceColumn = HierarchyLevel | 'platform';

const PLACE_COLUMNS: PlaceColumn[] = [...ROLL_UP_LEVELS, 'platform'];

/** A place as stored: the key and the refs of each level, null where the workload has none. */
export type PlacementDbRow = { hash: string } & Record<
  PlaceColumn,
  string | null
>;

export const PLACEMENT_COLUMNS: Array<keyof PlacementDbRow> = [
  'hash',
  ...PLACE_COLUMNS,
];

/** The key of a place: one already stored is left as it is. */
export const PLACEMENT_KEY: Array<keyof PlacementDbRow> = ['hash'];

/**
 * The text a place's key hashes: its four levels' refs, an absent one as an empty string, one
 * per line, then its platform's on a line of its own if it has one. A place without a platform
 * hashes as it did before platforms were part of places, so stored keys stay valid.
 */
const pathOf = (refs: ReadonlyArray<string | null | undefined>) => {
  const levels = refs.slice(0, ROLL_UP_LEVELS.length).map(ref => ref ?? '');
  const platform = refs[ROLL_UP_LEVELS.length];
  return (platform ? [...levels, platform] : levels).join('\n');
};

const hashOfPath = (path: string) => contentKey(path, 11);

/** A workload's place as a row carries it. */
export type Place = Partial<Record<HierarchyLevel, string | null>> & {
  platformRef?: string | null;
};

const refsOf = (place: Place) =>
  PLACE_COLUMNS.map(
    column =>
      (column === 'platform' ? place.platformRef : place[column]) ?? null,
  );

/**
 * The key of a place: SHA-256 of its path (pathOf) in base64url, cut to its first 11 characters
 * (66 bits: two of a million places share one with a chance of about 1 in 10^8). The migration
 * that moved stored rows over computed the same for places without a platform.
 */
export function placementHash(place: Place): string {
  return hashOfPath(pathOf(refsOf(place)));
}

/**
 * A page's places: each distinct one hashed once, whatever the number of its workloads on the
 * page.
 */
export class PagePlacements {
  private readonly byPath = new Map<string, PlacementDbRow>();

  /** The key of a workload's place, or null where it has none (a roll-up's row). */
  add(place: Place): string | null {
    const refs = refsOf(place);
    if (refs.every(ref => ref === null)) return null;
    const path = pathOf(refs);
    let stored = this.byPath.get(path);
    if (!stored) {
      stored = { hash: hashOfPath(path) } as PlacementDbRow;
      PLACE_COLUMNS.forEach((column, i) => (stored![column] = refs[i]));
      this.byPath.set(path, stored);
    }
    return stored.hash;
  }

  rows(): PlacementDbRow[] {
    return [...this.byPath.values()];
  }
}
