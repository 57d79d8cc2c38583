import { Knex } from 'knex';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SQLITE_PRAGMAS } from './tuneSqlite';

/**
 * Writes a run's pages into a SQLite database file from a thread of its own. better-sqlite3 works
 * in-process and synchronously: on the run's thread every page's inserts and commit stopped the
 * scoring of the next page, where on PostgreSQL the server writes while the run scores. Here a
 * worker thread with its own connection to the same file writes page k while the run scores page
 * k+1, which puts the second core to work.
 *
 * Only a database file can be shared this way; an in-memory database (Backstage's development
 * default) is written on the run's thread. The write-ahead log (tuneSqlite) lets the
 * backend's own connection read while the worker writes; the two writers wait for each other
 * through SQLite's busy timeout.
 */

/** One table's rows, each a list of values in the statement's column order. */
export interface TableRows {
  /** `INSERT INTO …` with one placeholder per column (`insertStatement`). */
  sql: string;
  rows: unknown[][];
}

/**
 * The worker's code, as text: it is evaluated in its own thread, so it cannot share the plugin's
 * modules (nor their transpilation), and it needs only the driver. Each message is a page: its
 * tables' rows go in within one transaction, which commits or rolls back whole.
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
parentPort.on('message', ({ id, tables }) => {
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

/**
 * The worker's heap. It holds a page or two at a time (rows, and the details decoded from their
 * bytes: ~10 MB a page), and what it no longer needs is garbage: with the main thread's limit it
 * would leave hundreds of MB uncollected.
 */
const WORKER_OLD_SPACE_MB = 64;

/** A row's values in `columns`' order, as a prepared insert binds them: null for absent. */
export function rowValues<T>(
  row: T,
  columns: ReadonlyArray<keyof T & string>,
): unknown[] {
  return columns.map(c => row[c] ?? null);
}

/** A table's rows for the writer, each as its values (rowValues). */
export function tableRows<T>(
  table: string,
  columns: ReadonlyArray<keyof T & string>,
  rows: readonly T[],
  onConflict = '',
): TableRows {
  return {
    sql: insertStatement(table, columns, onConflict),
    rows: rows.map(row => rowValues(row, columns)),
  };
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

/** A thread writing pages into one SQLite file, in the order they are given. */
export class SqlitePageWriter {
  /** A writer for `db`'s file, or undefined where pages are to be written in-process. */
  static forDatabase(db: Knex): SqlitePageWriter | undefined {
    const filename = sqliteFile(db);
    if (!filename) return undefined;
    // The driver knex itself loaded, found from knex's own place.
    const driver = require.resolve('better-sqlite3', {
      paths: [path.dirname(require.resolve('knex/package.json'))],
    });
    return new SqlitePageWriter(
      new Worker(WORKER_CODE, {
        eval: true,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB },
        workerData: {
          driver,
          filename,
          busyTimeoutMs: BUSY_TIMEOUT_MS,
          pragmas: SQLITE_PRAGMAS,
        },
      }),
    );
  }

  private next = 0;
  private readonly pending = new Map<
    number,
    { resolve(): void; reject(error: Error): void }
  >();
  private failed?: Error;
  private closed = false;

  private constructor(private readonly worker: Worker) {
    // A run that is never published or failed must not keep the backend alive.
    worker.unref();
    worker.on('message', ({ id, error }: { id: number; error?: string }) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (error)
        waiting?.reject(
          new Error(`Writing a page of the run failed: ${error}`),
        );
      else waiting?.resolve();
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', code => {
      if (code !== 0 && !this.closed)
        fail(new Error(`The run's page writer stopped (exit code ${code})`));
    });
  }

  /** Writes one page's tables in a transaction; resolves once it is committed. */
  write(tables: TableRows[]): Promise<void> {
    if (this.closed)
      return Promise.reject(new Error("The run's page writer was closed"));
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, tables });
    });
  }

  /** Stops the thread; a page not yet committed is rolled back with it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.worker.terminate();
  }
}
