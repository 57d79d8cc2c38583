import { Knex } from 'knex';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SQLITE_PRAGMAS } from './tuneSqlite';
import type { PageTable, WriterThread } from './pageWriter';
import { knexDriver, WRITER_OLD_SPACE_MB } from './pageWriter';

/**
 * The page writer's thread on a SQLite file (see pageWriter): a connection of its own to the
 * same file. The write-ahead log (tuneSqlite) lets the backend's own connection read while it
 * writes; the two writers wait for each other through SQLite's busy timeout. Only a file can be
 * shared this way; an in-memory database (Backstage's development default) is written on the
 * backend's connection.
 */

/** A table's rows as the SQLite thread takes them: with the statement each row is run through. */
interface SqliteTable {
  sql: string;
  rows: unknown[][];
}

/**
 * The thread's code. Each message is a page: its tables' rows go in within one transaction,
 * which commits or rolls back whole.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { timeout: workerData.busyTimeoutMs });
for (const pragma of workerData.pragmas) db.exec(pragma);
const statements = new Map();
const statement = sql => {
  let prepared = statements.get(sql);
  if (!prepared) statements.set(sql, (prepared = db.prepare(sql)));
  return prepared;
};
// A detail comes as the UTF-8 bytes of its JSON (detailBytes); it is stored as text.
const asText = row => {
  for (let i = 0; i < row.length; i++)
    if (row[i] instanceof Uint8Array)
      row[i] = Buffer.from(row[i].buffer, row[i].byteOffset, row[i].byteLength).toString('utf8');
  return row;
};
const writePage = db.transaction(tables => {
  for (const { sql, rows } of tables) {
    const prepared = statement(sql);
    for (const row of rows) prepared.run(asText(row));
  }
});
parentPort.on('message', ({ id, tables, close }) => {
  if (close) {
    db.close();
    process.exit(0);
  }
  try {
    writePage(tables);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

/** How long a write waits for the backend's own connection to finish writing (its heartbeat). */
const BUSY_TIMEOUT_MS = 10_000;

/** `ON CONFLICT (key) DO NOTHING`: a row whose key is stored already is left as it is. */
function unlessStored(key: readonly string[]): string {
  return `ON CONFLICT (${key.join(', ')}) DO NOTHING`;
}

/** `INSERT INTO table (columns) VALUES (?, …) onConflict`, for a prepared statement. */
export function insertStatement(
  table: string,
  columns: readonly string[],
  onConflict = '',
): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns
    .map(() => '?')
    .join(', ')}) ${onConflict}`.trimEnd();
}

/** A page's table as the SQLite thread runs it: its rows through one prepared statement. */
export function sqliteTable({
  table,
  columns,
  key,
  rows,
}: PageTable): SqliteTable {
  return {
    sql: insertStatement(table, columns, key ? unlessStored(key) : ''),
    rows,
  };
}

/** The file a better-sqlite3 knex client opened, unless it is in memory. */
export function sqliteFile(db: Knex): string | undefined {
  if (db.client.config.client !== 'better-sqlite3') return undefined;
  const connection = db.client.config.connection as
    | { filename?: string }
    | undefined;
  const filename = connection?.filename;
  if (!filename || filename === ':memory:' || filename.startsWith('file:'))
    return undefined;
  return path.resolve(filename);
}

/** The writer's thread for `db`'s file, or undefined unless it is a SQLite file. */
export function sqliteWriterThread(db: Knex): WriterThread | undefined {
  const filename = sqliteFile(db);
  if (!filename) return undefined;
  return {
    worker: new Worker(WORKER_CODE, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: WRITER_OLD_SPACE_MB },
      workerData: {
        driver: knexDriver('better-sqlite3'),
        filename,
        busyTimeoutMs: BUSY_TIMEOUT_MS,
        pragmas: SQLITE_PRAGMAS,
      },
    }),
    message: tables => tables.map(sqliteTable),
  };
}
