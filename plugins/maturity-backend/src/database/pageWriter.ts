import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Writes a run's pages from a thread of its own, with its own connection, while the run scores
 * the next page on its thread. On SQLite the driver works in-process and synchronously, so a
 * page's inserts and commit stopped the scoring; on PostgreSQL encoding a page for COPY and
 * sending it took the run's thread ~15 % of its time. The second core does this instead.
 *
 * Each message is a page: its tables go in within one transaction, which commits or rolls back
 * whole, in the order the pages were given. A page counts only once the run is published (on
 * the backend's own connection), so a page committed by the thread and then given up with a
 * failed run is deleted with the run's other rows.
 *
 * A thread needs a connection of its own: a SQLite file (an in-memory database is the backend's
 * connection alone) or a PostgreSQL server whose connection settings can be handed to a thread.
 * Elsewhere the store writes its pages on its own connection. Each database's thread is in a
 * module of its own (sqlitePageWriter, pgPageWriter).
 */

/** One table's rows in a page, each as its values in `columns`' order (`rowValues`). */
export interface PageTable {
  table: string;
  columns: readonly string[];
  /** Where rows are stored by content: a row whose key is stored already is left as it is. */
  key?: readonly string[];
  rows: unknown[][];
}

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
  key?: ReadonlyArray<keyof T & string>,
): PageTable {
  return {
    table,
    columns,
    ...(key ? { key } : {}),
    rows: rows.map(row => rowValues(row, columns)),
  };
}

/**
 * A writer's thread: its worker, evaluated from code of its own (it cannot share the plugin's
 * modules, nor their transpilation, and needs only its driver), and what it is sent of a page.
 */
export interface WriterThread {
  worker: Worker;
  /** The message for a page's tables; the tables themselves by default. */
  message?: (tables: PageTable[]) => unknown;
}

/**
 * A writer's heap. It holds a page or two at a time (~10 MB a page), and what it no longer needs
 * is garbage: with the main thread's limit it would leave hundreds of MB uncollected.
 */
export const WRITER_OLD_SPACE_MB = 64;

/** Where the database driver knex itself loaded is, found from knex's own place, for a thread. */
export function knexDriver(name: 'better-sqlite3' | 'pg'): string {
  return require.resolve(name, {
    paths: [path.dirname(require.resolve('knex/package.json'))],
  });
}

/** How long a closing writer may take to end its connection before its thread is stopped. */
const CLOSE_TIMEOUT_MS = 10_000;

/** A thread writing a run's pages into its database, in the order they are given. */
export class PageWriter {
  private next = 0;
  private readonly pending = new Map<
    number,
    { resolve(): void; reject(error: Error): void }
  >();
  private failed?: Error;
  private closed = false;
  private readonly exited: Promise<void>;

  constructor(private readonly thread: WriterThread) {
    const { worker } = thread;
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
    this.exited = new Promise(resolve =>
      worker.on('exit', code => {
        fail(
          new Error(
            code !== 0 && !this.closed
              ? `The run's page writer stopped (exit code ${code})`
              : "The run's page writer was closed",
          ),
        );
        resolve();
      }),
    );
  }

  /** Writes one page's tables in a transaction; resolves once it is committed. */
  write(tables: PageTable[]): Promise<void> {
    if (this.closed)
      return Promise.reject(new Error("The run's page writer was closed"));
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.thread.worker.postMessage({
        id,
        tables: this.thread.message?.(tables) ?? tables,
      });
    });
  }

  /**
   * Stops the thread once the pages given are written: it closes its connection and exits. One
   * that does not within CLOSE_TIMEOUT_MS is stopped, and a page it had not committed is
   * rolled back with its connection.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.thread.worker.postMessage({ close: true });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.exited,
      new Promise(resolve => {
        timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    await this.thread.worker.terminate();
  }
}
