import { Knex } from 'knex';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { insertBatchSize, pipelined } from './openDatabase';
import { Slices } from './Slices';
import { insertStatement, rowValues } from './sqlitePageWriter';
import { detailText } from './detailBytes';

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};
const SPECIAL = /[\\\t\n\r]/g;
const LINES_PER_CHUNK = 200;
const SQLITE_ROWS_PER_TURN = 500;

/** A value in COPY's text format: `\N` for null, backslash and the separators escaped. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Four indexOf scans of a ~4 KB detail cost a tenth of one pass of the regex over it.
  const plain =
    text.indexOf('\\') < 0 &&
    text.indexOf('\t') < 0 &&
    text.indexOf('\n') < 0 &&
    text.indexOf('\r') < 0;
  return plain ? text : text.replace(SPECIAL, c => ESCAPES[c]);
}

const BACKSLASH = 0x5c;

/**
 * A detail's UTF-8 bytes (detailBytes) in COPY's text format. JSON holds no raw tab or line
 * break, so only a backslash needs escaping, and most details have none: their bytes go as they
 * are.
 */
function copyBytes(bytes: Uint8Array): Uint8Array {
  return bytes.indexOf(BACKSLASH) < 0
    ? bytes
    : Buffer.from(copyText(detailText(bytes)));
}

/**
 * The rows as COPY's text, LINES_PER_CHUNK lines a chunk: a string, or bytes where a value is
 * bytes.
 */
function* copyLines<T>(
  rows: Iterable<T>,
  columns: ReadonlyArray<keyof T & string>,
): Generator<string | Buffer> {
  let text = '';
  // The chunk so far, when it holds bytes: pieces of text and bytes, in order.
  const pieces: Uint8Array[] = [];
  const chunk = () => {
    const done = text;
    text = '';
    if (pieces.length === 0) return done;
    pieces.push(Buffer.from(done));
    const bytes = Buffer.concat(pieces);
    pieces.length = 0;
    return bytes;
  };
  let lines = 0;
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) text += '\t';
      const value = row[columns[i]];
      if (value instanceof Uint8Array) {
        pieces.push(Buffer.from(text), copyBytes(value));
        text = '';
      } else text += copyText(value);
    }
    text += '\n';
    if (++lines === LINES_PER_CHUNK) {
      yield chunk();
      lines = 0;
    }
  }
  if (lines > 0) yield chunk();
}

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

/** `ON CONFLICT (key) DO NOTHING`: a row whose key is stored already is left as it is. */
export function unlessStored(key: readonly string[]): string {
  return `ON CONFLICT (${key.join(', ')}) DO NOTHING`;
}

/**
 * Inserts the rows whose `key` is not stored yet (details and places stored by content); one
 * already stored costs a lookup in the key's index, not a write. On better-sqlite3 a prepared
 * statement runs per row, other clients get multi-row inserts.
 */
export async function insertUnlessStored<T extends object>(
  tx: Knex.Transaction,
  table: string,
  columns: ReadonlyArray<keyof T & string>,
  key: Array<keyof T & string>,
  rows: Iterable<T>,
): Promise<void> {
  if (tx.client.config.client === 'better-sqlite3') {
    // Inside a transaction knex hands out the transaction's connection.
    await insertPrepared(
      await tx.client.acquireConnection(),
      table,
      columns,
      rows,
      unlessStored(key),
    );
    return;
  }
  await pipelined(rows, insertBatchSize(tx), batch =>
    tx(table).insert(batch).onConflict(key).ignore(),
  );
}

/**
 * Inserts rows read once from an iterable (a generator of scored rows, say), each database by its
 * bulk path. On PostgreSQL they stream through COPY on the transaction's own connection: the server
 * parses no 18,000-parameter statements, and it writes while the caller computes the next rows,
 * as the stream pulls them. On better-sqlite3 a prepared statement runs per row; other clients
 * get multi-row inserts.
 */
export async function insertRows<T extends object>(
  tx: Knex.Transaction,
  table: string,
  columns: ReadonlyArray<keyof T & string>,
  rows: Iterable<T>,
): Promise<void> {
  const client = tx.client.config.client;
  if (client !== 'pg' && client !== 'better-sqlite3') {
    await pipelined(rows, insertBatchSize(tx), batch =>
      tx(table).insert(batch),
    );
    return;
  }
  // Inside a transaction knex hands out the transaction's connection.
  const connection = await tx.client.acquireConnection();
  if (client === 'better-sqlite3') {
    await insertPrepared(connection, table, columns, rows);
    return;
  }
  const copy = connection.query(
    copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`),
  );
  await pipeline(Readable.from(copyLines(rows, columns)), copy);
}
