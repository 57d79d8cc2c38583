import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { insertPrepared } from './insertRows';
import { batches } from './openDatabase';

/**
 * Row details stored by content (table `maturity_details`): each distinct detail once, keyed by
 * a hash of its JSON, and referred to from every snapshot row that has it (`detail_hash`). A run
 * in which a workload did not change writes its figures and a 22-character reference, not its
 * ~4 KB detail again.
 */

/**
 * The key of a detail's JSON text: SHA-256 in base64url, its first 22 characters (132 bits).
 * The migration that moved stored details computes the same in SQL.
 */
export function detailHash(json: string): string {
  return createHash('sha256')
    .update(json, 'utf8')
    .digest('base64url')
    .slice(0, 22);
}

/** Details per statement: ~500 details of ~4 KB is a ~2 MB statement. */
const DETAILS_PER_STATEMENT = 500;

/**
 * Stores the details not stored yet; those already there (an unchanged workload, a team whose
 * members did not change) cost a lookup in the key's index, not a write.
 */
export async function storeDetails(
  tx: Knex.Transaction,
  details: Map<string, string>,
): Promise<void> {
  if (details.size === 0) return;
  if (tx.client.config.client === 'pg') {
    for (const batch of batches(details, DETAILS_PER_STATEMENT)) {
      await tx.raw(
        `INSERT INTO maturity_details (hash, detail)
         SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT (hash) DO NOTHING`,
        [batch.map(([hash]) => hash), batch.map(([, json]) => json)],
      );
    }
    return;
  }
  if (tx.client.config.client !== 'better-sqlite3') {
    for (const batch of batches(details, 100))
      await tx('maturity_details')
        .insert(batch.map(([hash, detail]) => ({ hash, detail })))
        .onConflict('hash')
        .ignore();
    return;
  }
  // Inside a transaction knex hands out the transaction's connection.
  await insertPrepared(
    await tx.client.acquireConnection(),
    'maturity_details',
    ['hash', 'detail'],
    [...details].map(([hash, detail]) => ({ hash, detail })),
    'ON CONFLICT (hash) DO NOTHING',
  );
}

/**
 * Deletes the details that only snapshot `snapshotId` refers to, before its rows lose their
 * references (thinned) or go (deleted, failed). A detail another snapshot also has is found
 * through the partial index on `detail_hash` and stays.
 */
export async function releaseDetails(
  tx: Knex.Transaction | Knex,
  snapshotId: number,
): Promise<void> {
  await tx.raw(
    `DELETE FROM maturity_details WHERE hash IN (
       SELECT s.detail_hash FROM maturity_scores s
       WHERE s.snapshot_id = ? AND s.detail_hash IS NOT NULL
         AND NOT EXISTS (
           SELECT 1 FROM maturity_scores o
           WHERE o.detail_hash = s.detail_hash AND o.detail_hash IS NOT NULL
             AND o.snapshot_id <> ?))`,
    [snapshotId, snapshotId],
  );
}
