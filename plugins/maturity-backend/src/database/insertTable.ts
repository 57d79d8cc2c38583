import { Knex } from 'knex';
import { insertBatchSize, pipelined } from './openDatabase';
import { Slices } from './Slices';
import { PageTable } from './pageWriter';
import { sqliteTable } from './sqlitePageWriter';
import { detailText } from './detailBytes';

/**
 * Writes a page's table on the backend's own connection, where a run's pages are not written by
 * a thread of their own (pageWriter): SQLite in memory, or settings that cannot be handed to a
 * thread. A detail's bytes are stored as text, as the threads store them.
 */

const SQLITE_ROWS_PER_TURN = 500;

const asText = (row: unknown[]) =>
  row.map(value => (value instanceof Uint8Array ? detailText(value) : value));

/**
 * Inserts a table's rows; with a key (details and places stored by content) a row whose key is
 * stored already is left as it is, which costs a lookup in the key's index, not a write. On
 * better-sqlite3 the statement the SQLite thread runs (`sqliteTable`) is prepared once and run
 * per row: SQLite works in-process, so what costs is building and compiling SQL, which
 * multi-row inserts through knex did per batch. The driver is synchronous; yielding every few
 * hundred rows keeps the backend answering. Other clients get multi-row inserts.
 */
export async function insertTable(
  tx: Knex.Transaction,
  table: PageTable,
): Promise<void> {
  if (tx.client.config.client === 'better-sqlite3') {
    // Inside a transaction knex hands out the transaction's connection.
    const connection = await tx.client.acquireConnection();
    const statement = connection.prepare(sqliteTable(table).sql);
    for await (const row of new Slices(table.rows, SQLITE_ROWS_PER_TURN))
      statement.run(asText(row));
    return;
  }
  const { columns, key } = table;
  await pipelined(table.rows, insertBatchSize(tx), batch => {
    const insert = tx(table.table).insert(
      batch.map(row => {
        const values = asText(row);
        return Object.fromEntries(columns.map((c, i) => [c, values[i]]));
      }),
    );
    return key ? insert.onConflict([...key]).ignore() : insert;
  });
}
