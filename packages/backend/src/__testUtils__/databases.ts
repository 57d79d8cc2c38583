import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases the demo backend's tests run on: SQLite, and PostgreSQL where
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING names it (scripts/test.sh sets it).
 */
export function createTestDatabases(): TestDatabases {
  const postgres = Boolean(
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING,
  );
  return TestDatabases.create({
    ids: postgres ? ['SQLITE_3', 'POSTGRES_15'] : ['SQLITE_3'],
    disableDocker: true,
  });
}
