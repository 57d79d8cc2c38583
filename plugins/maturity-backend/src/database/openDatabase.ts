import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { tuneSqlite } from './tuneSqlite';

const migrationsDir = resolvePackagePath(
  '@internal/plugin-maturity-backend',
  'migrations',
);

/** Gets the plugin's database client and brings its schema up to date unless told not to. */
export async function openDatabase(options: {
  database: DatabaseService;
  skipMigrations?: boolean;
}): Promise<Knex> {
  const client = await options.database.getClient();
  // First: a new SQLite file takes its page size before its first table.
  await tuneSqlite(client);
  if (!options.database.migrations?.skip && !options.skipMigrations) {
    await client.migrate.latest({ directory: migrationsDir });
  }
  return client;
}

/** Refreshes PostgreSQL's planner statistics of `table`; SQLite plans by its indexes alone. */
export async function analyze(db: Knex, table: string): Promise<void> {
  if (db.client.config.client === 'pg') await db.raw('ANALYZE ??', [table]);
}

/** PostgreSQL's estimate of the rows in `table`: -1 before its first ANALYZE. */
export async function estimatedRows(db: Knex, table: string): Promise<number> {
  const { rows } = await db.raw(
    'SELECT reltuples FROM pg_class WHERE oid = ?::regclass',
    [table],
  );
  return Number(rows[0].reltuples);
}

/**
 * Reads a date column: PostgreSQL gives Date objects, SQLite epoch milliseconds (as a number
 * or a numeric string) or an ISO string, depending on how the value was written.
 */
export function readDate(value: Date | string | number): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number' || /^\d+$/.test(value))
    return new Date(Number(value));
  return new Date(value);
}

/** Reads a JSON text column: a string from SQLite, already parsed from PostgreSQL's drivers. */
export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * Rows per multi-row insert. SQLite binds at most 999 variables per statement in older builds
 * (50 rows of up to 18 columns fits, and larger statements measured no faster); PostgreSQL takes
 * 65,535, and there each statement is a network round trip, so 1,000 rows go at once.
 */
export function insertBatchSize(db: Knex): number {
  return db.client.config.client === 'pg' ? 1000 : 50;
}

/** Keys per `whereIn(...)`, under SQLite's 999-variable limit. */
export const KEYS_PER_STATEMENT = 500;

/** Splits an iterable into arrays of `size`, reading it once (a generator is never held whole). */
export function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * Runs one statement per batch, each sent before the next batch is read: on PostgreSQL the server
 * inserts batch k while the caller builds batch k+1 (a generator of scored rows, say), instead of
 * the two taking turns. Statements on one connection still run in order.
 */
export async function pipelined<T>(
  items: Iterable<T>,
  size: number,
  statement: (batch: T[]) => PromiseLike<unknown>,
): Promise<void> {
  let inFlight: Promise<unknown> = Promise.resolve();
  try {
    for (const batch of batches(items, size)) {
      await inFlight;
      inFlight = Promise.resolve(statement(batch));
      // Reading the next batch may throw before the statement settles; its own error is awaited below.
      inFlight.catch(() => {});
    }
  } finally {
    await inFlight;
  }
}
