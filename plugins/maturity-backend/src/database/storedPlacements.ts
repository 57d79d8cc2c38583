import { createHash } from 'node:crypto';
import {
  HierarchyLevel,
  ROLL_UP_LEVELS,
} from '@internal/plugin-maturity-common';

/**
 * Workloads' places in the hierarchy stored by content (table `maturity_placements`): each
 * distinct (product, team, department, company) once, keyed by a hash of the four refs, and
 * referred to from every workload row that sits there (`placement_hash`). The four refs were
 * ~97 of a workload row's ~280 bytes, written again on every run for every workload although a
 * place changes only when the organisation does; a row now carries an 11-character key.
 *
 * A place is a few hundred bytes and places number as the hierarchy's distinct paths (about
 * one per product), so they are kept when the rows referring to them go: a run that finds a
 * place again writes nothing for it.
 */

/** A place as stored: the key and the refs of each level, null where the workload has none. */
export type PlacementDbRow = { hash: string } & Record<
  HierarchyLevel,
  string | null
>;

export const PLACEMENT_COLUMNS: Array<keyof PlacementDbRow> = [
  'hash',
  ...ROLL_UP_LEVELS,
];

/** The key of a place: one already stored is left as it is. */
export const PLACEMENT_KEY: Array<keyof PlacementDbRow> = ['hash'];

/** A place's refs, an absent level as an empty string, one per line: the text its key hashes. */
const pathOf = (refs: ReadonlyArray<string | null | undefined>) =>
  refs.map(ref => ref ?? '').join('\n');

const hashOfPath = (path: string) =>
  createHash('sha256').update(path).digest('base64url').slice(0, 11);

/**
 * The key of a place: SHA-256 of its refs (an absent level as an empty string), one per line, in
 * base64url, cut to its first 11 characters (66 bits: two of a million places share one with a
 * chance of about 1 in 10^8). The migration that moved stored rows over computes the same.
 */
export function placementHash(
  place: Partial<Record<HierarchyLevel, string | null>>,
): string {
  return hashOfPath(pathOf(ROLL_UP_LEVELS.map(level => place[level])));
}

/**
 * A page's places: each distinct one hashed once, whatever the number of its workloads on the
 * page.
 */
export class PagePlacements {
  private readonly byPath = new Map<string, PlacementDbRow>();

  /** The key of a workload's place, or null where it has none (a roll-up's row). */
  add(
    place: Partial<Record<HierarchyLevel, string | undefined>>,
  ): string | null {
    const refs = ROLL_UP_LEVELS.map(level => place[level] ?? null);
    if (refs.every(ref => ref === null)) return null;
    const path = pathOf(refs);
    let stored = this.byPath.get(path);
    if (!stored) {
      stored = { hash: hashOfPath(path) } as PlacementDbRow;
      ROLL_UP_LEVELS.forEach((level, i) => (stored![level] = refs[i]));
      this.byPath.set(path, stored);
    }
    return stored.hash;
  }

  rows(): PlacementDbRow[] {
    return [...this.byPath.values()];
  }
}
