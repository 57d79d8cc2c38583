import {
  coreServices,
  createBackendPlugin,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  MaturityFactCollector,
  maturityFactCollectorsExtensionPoint,
} from '@internal/plugin-maturity-node';
import { DatabaseMaturityStore } from './database/DatabaseMaturityStore';
import {
  DEFAULT_INVENTORY_SCHEDULE,
  InventoryRefresher,
} from './inventory/InventoryRefresher';
import { createRouter } from './service/router';

/**
 * The maturity backend plugin: keeps the workload inventory and serves `/api/maturity`.
 * @public
 */
export const maturityPlugin = createBackendPlugin({
  pluginId: 'maturity',
  register(env) {
    const collectors = new Map<string, MaturityFactCollector>();
    env.registerExtensionPoint(maturityFactCollectorsExtensionPoint, {
      addFactCollector(...added) {
        for (const collector of added) {
          if (collectors.has(collector.id)) {
            throw new Error(`Maturity fact collector '${collector.id}' is registered twice`);
          }
          collectors.set(collector.id, collector);
        }
      },
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ auth, catalog, config, database, httpRouter, logger, scheduler }) {
        const store = await DatabaseMaturityStore.create({ database });
        const scheduleConfig = config.getOptionalConfig('maturity.inventory.schedule');
        const refresher = new InventoryRefresher({ catalog, auth, store, logger });
        await refresher.schedule(
          scheduler,
          scheduleConfig
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
            : DEFAULT_INVENTORY_SCHEDULE,
        );
        httpRouter.use(await createRouter({ store }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
