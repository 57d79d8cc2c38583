import { Knex } from 'knex';
import { DetailJson } from './detailBytes';

/**
 * Row details stored by content (table `maturity_details`): each entity's distinct details once,
 * keyed by the entity and a hash of the JSON, and referred to from every snapshot row of the
 * entity that has it (`detail_hash`). A run in which a workload did not change writes its figures
 * and an 11-character reference (detailHash), not its ~2.3 KB detail again.
 */

/** One detail as stored: its JSON as text, or as UTF-8 bytes (`DetailChunks`). */
export interface StoredDetail {
  entity_ref: string;
  hash: string;
  detail: DetailJson;
}

export const DETAIL_COLUMNS: Array<keyof StoredDetail> = [
  'entity_ref',
  'hash',
  'detail',
];

/** The key of a stored detail: one already stored (an unchanged workload) is left as it is. */
export const DETAIL_KEY: Array<keyof StoredDetail> = ['entity_ref', 'hash'];

/**
 * Deletes the details that only snapshot `snapshotId` refers to, before its rows lose their
 * references (thinned) or go (deleted, failed). A detail another snapshot's row of the same
 * entity also has is found through the scores' (entity_ref, detail_hash) index and stays.
 */
export async function releaseDetails(
  tx: Knex.Transaction | Knex,
  snapshotId: number,
): Promise<void> {
  await tx.raw(
    `DELETE FROM maturity_details WHERE (entity_ref, hash) IN (
       SELECT s.entity_ref, s.detail_hash FROM maturity_scores s
       WHERE s.snapshot_id = ? AND s.detail_hash IS NOT NULL
         AND NOT EXISTS (
           SELECT 1 FROM maturity_scores o
           WHERE o.entity_ref = s.entity_ref AND o.detail_hash = s.detail_hash
             AND o.snapshot_id <> ?))`,
    [snapshotId, snapshotId],
  );
}
