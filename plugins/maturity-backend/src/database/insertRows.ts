import { Knex } from 'knex';
import { insertBatchSize, pipelined } from './openDatabase';
import { Slices } from './Slices';
import { rowValues } from './pageWriter';
import { insertStatement, unlessStored } from './sqlitePageWriter';

/**
 * Inserts on the backend's own connection, where a run's pages are not written by a thread of
 * their own (pageWriter): SQLite in memory, or settings that cannot be handed to a thread.
 */

const SQLITE_ROWS_PER_TURN = 500;

/**
 * One prepared statement run per row on better-sqlite3's connection: SQLite works in-process, so
 * what costs is building and compiling SQL, which multi-row inserts through knex did per batch.
 * The driver is synchronous; yielding every few hundred rows keeps the backend answering.
 */
export async function insertPrepared<T>(
  connection: any,
  table: string,
  columns: ReadonlyArray<keyof T & string>,
  rows: Iterable<T>,
  /** E.g. `ON CONFLICT (hash) DO NOTHING`. */
  onConflict = '',
) {
  const statement = connection.prepare(
    insertStatement(table, columns, onConflict),
  );
  for await (const row of new Slices(rows, SQLITE_ROWS_PER_TURN))
    statement.run(rowValues(row, columns));
}

/**
 * Inserts rows read once from an iterable (a generator of scored rows, say): on better-sqlite3 a
 * prepared statement runs per row; other clients get multi-row inserts. With a `key` (details and
 * places stored by content) a row whose key is stored already is left as it is: it costs a
 * lookup in the key's index, not a write.
 */
export async function insertRows<T extends object>(
  tx: Knex.Transaction,
  table: string,
  columns: ReadonlyArray<keyof T & string>,
  rows: Iterable<T>,
  key?: Array<keyof T & string>,
): Promise<void> {
  if (tx.client.config.client === 'better-sqlite3') {
    // Inside a transaction knex hands out the transaction's connection.
    await insertPrepared(
      await tx.client.acquireConnection(),
      table,
      columns,
      rows,
      key ? unlessStored(key) : '',
    );
    return;
  }
  await pipelined(rows, insertBatchSize(tx), batch =>
    key
      ? tx(table).insert(batch).onConflict(key).ignore()
      : tx(table).insert(batch),
  );
}
