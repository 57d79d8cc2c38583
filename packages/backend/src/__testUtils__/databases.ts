import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';

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

/**
 * A database service that gives each plugin a database of its own, as in production, made once
 * per plugin and shared by every backend started with this factory: replicas of one deployment.
 */
export function perPluginDatabases(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
) {
  const clients = new Map<string, Promise<Knex>>();
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    factory: ({ plugin }) => ({
      getClient: () => {
        if (!clients.has(plugin.getId()))
          clients.set(plugin.getId(), databases.init(databaseId));
        return clients.get(plugin.getId())!;
      },
    }),
  });
}
