import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const POSTGRES_ENV = 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING';

/**
 * The databases every store test runs on: embedded SQLite and the PostgreSQL server named by
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (scripts/test.sh sets it). A missing
 * PostgreSQL fails loudly instead of quietly testing SQLite alone.
 */
export function createTestDatabases(): TestDatabases {
  if (!process.env[POSTGRES_ENV] && !process.env.MATURITY_TEST_SQLITE_ONLY) {
    throw new Error(
      `${POSTGRES_ENV} is not set, so the PostgreSQL half of the store tests cannot run. ` +
        'Run the suite with ./scripts/test.sh, which points it at 127.0.0.1:5432, or set ' +
        'MATURITY_TEST_SQLITE_ONLY=1 to knowingly test SQLite alone.',
    );
  }
  const ids: TestDatabaseId[] = process.env[POSTGRES_ENV]
    ? ['SQLITE_3', 'POSTGRES_15']
    : ['SQLITE_3'];
  return TestDatabases.create({ ids, disableDocker: true });
}

/** The PostgreSQL ids of `databases`, for what only PostgreSQL does (planner statistics). */
export function postgresIds(databases: TestDatabases): Array<[TestDatabaseId]> {
  return databases
    .eachSupportedId()
    .filter(([id]) => id.startsWith('POSTGRES'));
}

/**
 * Asserts that a database write fails. Not `rejects.toThrow()`: better-sqlite3 builds its errors
 * with the class of the first test file that loaded it in a Jest worker, so in later files they
 * are not `instanceof Error` and Jest reports "did not throw".
 */
export async function expectWriteToFail(
  write: Promise<unknown>,
): Promise<void> {
  const outcome = await write.then(
    () => 'succeeded',
    () => 'failed',
  );
  expect(outcome).toBe('failed');
}

/**
 * SQLite databases in files, as a backend configured with a SQLite directory has: TestDatabases
 * gives SQLite in memory only. Each `open()` is a new file; `removeAll()` closes and deletes them.
 */
export class SqliteFiles {
  private readonly opened: Array<{ knex: Knex; directory: string }> = [];

  open(): Knex {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'maturity-'));
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(directory, 'maturity.sqlite') },
      useNullAsDefault: true,
    });
    this.opened.push({ knex, directory });
    return knex;
  }

  async removeAll(): Promise<void> {
    for (const { knex, directory } of this.opened.splice(0)) {
      await knex.destroy();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  }
}
