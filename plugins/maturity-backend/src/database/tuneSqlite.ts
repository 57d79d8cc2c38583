import { Knex } from 'knex';

/**
 * SQLite's page cache per connection. At its default of 2 MB the detail read with each scorecard
 * pushes the index's inner pages out, and a workload's row took ~4× as long to find (0.061 ms
 * against 0.015 ms over 20,000 workloads of 100,000; 4 MB was still 0.019 ms).
 */
const CACHE_KIB = 16 * 1024;

/**
 * What every connection to the plugin's SQLite database is set to: 8 KB pages, the page cache
 * above, and a write-ahead log where Backstage leaves SQLite's rollback journal.
 *
 * A workload's detail (~2.3 KB of JSON) lives in its row of `maturity_details`: on SQLite's default
 * 4 KB pages two such rows do not fit, so each took a page of its own; an 8 KB page holds three.
 * The first snapshot of 1,000,000 workloads then takes 3.4 GB instead of 4.8 GB, and its run 101 s
 * instead of 110 s. A page size holds from a file's first table on: the plugin tunes its
 * connections before it migrates, and a file made before keeps its 4 KB pages (`VACUUM` would
 * convert it, offline, rewriting the whole file).
 *
 * With the log, readers (the routes) do not wait for a run's page to commit, and at `synchronous =
 * NORMAL` a commit does not wait on the disk (the log is synced at each checkpoint). A power cut
 * can then undo the last commits, never half of one: at worst the run last published is lost and
 * the one before it stays current. The pages of a large run each committed with a sync of their
 * own; at 100,000 workloads that was ~13 ms a page on the benchmark machine. An in-memory database
 * keeps its own journal (the pragma answers `memory`). The run's page writer opens its connection
 * with these too (sqlitePageWriter), where the page size, set already, changes nothing.
 */
export const SQLITE_PRAGMAS: readonly string[] = [
  'PRAGMA page_size = 8192',
  `PRAGMA cache_size = -${CACHE_KIB}`,
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = NORMAL',
];

interface SqliteConnection {
  exec(sql: string): unknown;
}

const tuned = new WeakSet<object>();

function tuneConnection(connection: SqliteConnection) {
  if (tuned.has(connection)) return;
  tuned.add(connection);
  // Both drivers' connections have exec().
  for (const pragma of SQLITE_PRAGMAS) connection.exec(pragma);
}

/**
 * Gives each SQLite connection of `client` 8 KB pages (a new file), a larger page cache and a
 * write-ahead log. A
 * connection the pool opens later is set up the way Backstage sets its own foreign_keys pragma,
 * on the pool's createSuccess.
 */
export async function tuneSqlite(client: Knex): Promise<void> {
  const driver: string = client.client.config.client;
  if (driver !== 'better-sqlite3' && driver !== 'sqlite3') return;
  if (tuned.has(client)) return;
  tuned.add(client);
  client.client.pool.on(
    'createSuccess',
    (_id: number, connection: SqliteConnection) => tuneConnection(connection),
  );
  const open = await client.client.acquireConnection();
  try {
    tuneConnection(open);
  } finally {
    await client.client.releaseConnection(open);
  }
}
