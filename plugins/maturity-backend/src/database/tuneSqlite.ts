import { Knex } from 'knex';
import { LRUCache } from 'lru-cache';

/**
 * SQLite's page cache per connection. At its default of 2 MB the detail read with each scorecard
 * pushes the index's inner pages out, and a workload's row took ~4× as long to find (0.061 ms
 * against 0.015 ms over 20,000 workloads of 100,000; 4 MB was still 0.019 ms).
 */
const CACHE_KIB = 16 * 1024;

/**
 * Prepared queries kept per better-sqlite3 connection. knex prepares every statement afresh, and
 * under 50 clients opening workloads nobody had opened, preparing cost more than running: a
 * replica answered 15,300 such scorecards in 10 s, 17,400 without knex's query building and
 * 22,500 with the statement reused as well. Only short reads are kept: a statement holds on to
 * the values last bound to it, and a run's inserts bind ~200 KB of detail each (kept, they added
 * 50 MB to a run's peak memory); a read of hundreds of keys at once is worth its preparing.
 */
const STATEMENTS = 200;
const KEPT_SQL_CHARS = 2000;

interface BetterSqliteConnection {
  exec(sql: string): unknown;
  prepare(sql: string): { reader: boolean; safeIntegers(on: boolean): unknown };
}

const tuned = new WeakSet<object>();

function tuneConnection(driver: string, connection: BetterSqliteConnection) {
  if (tuned.has(connection)) return;
  tuned.add(connection);
  // Both drivers' connections have exec(); only better-sqlite3's prepare statements for knex.
  connection.exec(`PRAGMA cache_size = -${CACHE_KIB}`);
  if (driver !== 'better-sqlite3') return;
  const prepare = connection.prepare.bind(connection);
  const statements = new LRUCache<
    string,
    ReturnType<BetterSqliteConnection['prepare']>
  >({ max: STATEMENTS });
  connection.prepare = (sql: string) => {
    // A run's inserts are never kept: no need to hash their kilobytes of SQL to find that out.
    if (sql.length > KEPT_SQL_CHARS) return prepare(sql);
    const kept = statements.get(sql);
    // knex sets this on a statement only when a query asks for it; a reused one starts from the default.
    if (kept) {
      kept.safeIntegers(false);
      return kept;
    }
    const statement = prepare(sql);
    if (statement.reader) statements.set(sql, statement);
    return statement;
  };
}

/**
 * Sets up each SQLite connection of `client`: a larger page cache and reused prepared statements.
 * A connection the pool opens later is set up as Backstage sets its own foreign_keys pragma.
 */
export async function tuneSqlite(client: Knex): Promise<void> {
  const driver: string = client.client.config.client;
  if (driver !== 'better-sqlite3' && driver !== 'sqlite3') return;
  if (tuned.has(client)) return;
  tuned.add(client);
  client.client.pool.on(
    'createSuccess',
    (_id: number, connection: BetterSqliteConnection) =>
      tuneConnection(driver, connection),
  );
  const open = await client.client.acquireConnection();
  try {
    tuneConnection(driver, open);
  } finally {
    await client.client.releaseConnection(open);
  }
}
